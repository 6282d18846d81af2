export type CacheState = {
  entries: Map<string, { value: unknown; lastModified: number; tags: string[] }>;
  connected: boolean;
  epoch: number;
  started: Map<string, number>;
  csp: ((nonce: string | null) => string) | null;
  hits: number;
  misses: number;
};
export function cacheState(): CacheState;
export function pathOfKey(key: string): string | null;
export function tagsForPath(path: string | null): string[];
export function expireTags(tags: string[]): void;
export function setConnected(connected: boolean): void;
export default class QuireCacheHandler {
  constructor(options: unknown);
  get(key: string): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
