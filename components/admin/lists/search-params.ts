/**
 * The query strings of the back-office lists: what a URL says (bookmarkable, survives reload) and the
 * URL for a set of filters. Unknown or malformed values are dropped, never an error.
 */
import { ItemKind, ItemState } from '@/generated/prisma/enums';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; '' when absent. */
export function param(params: SearchParams, name: string): string {
  const value = params[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** A page number from the URL: a positive integer, 1 otherwise. */
export function pageParam(params: SearchParams): number {
  const raw = param(params, 'page');
  if (!/^\d{1,5}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

/** An id-like value (cuid, or "none" for the issue filter); anything else is dropped. */
function idParam(params: SearchParams, name: string): string | undefined {
  const raw = param(params, name);
  return /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : undefined;
}

function enumParam<T extends string>(values: Record<string, T>, raw: string): T | undefined {
  const upper = raw.toUpperCase();
  return (Object.values(values) as string[]).includes(upper) ? (upper as T) : undefined;
}

/** The item list's filters, as the page reads them from its URL. */
export type ItemListQuery = {
  kind?: ItemKind;
  state?: ItemState;
  author?: string;
  /** An issue id, or "none" for items not placed in any bulletin issue. */
  issue?: string;
  tag?: string;
  q?: string;
  page: number;
};

export function parseItemListQuery(params: SearchParams): ItemListQuery {
  const q = param(params, 'q').slice(0, 200);
  return {
    kind: enumParam(ItemKind, param(params, 'kind')),
    state: enumParam(ItemState, param(params, 'state')),
    author: idParam(params, 'author'),
    issue: idParam(params, 'issue'),
    tag: idParam(params, 'tag'),
    q: q || undefined,
    page: pageParam(params),
  };
}

/** True when any filter (not the page) is set. */
export function hasItemFilters(query: ItemListQuery): boolean {
  return !!(query.kind || query.state || query.author || query.issue || query.tag || query.q);
}

/** Enum values travel in lower case (`kind=meeting_report`), as /admin/items/new?kind=… does. */
export function itemListHref(query: Partial<ItemListQuery>): string {
  return withQuery('/admin/items', {
    kind: query.kind?.toLowerCase(),
    state: query.state?.toLowerCase(),
    author: query.author,
    issue: query.issue,
    tag: query.tag,
    q: query.q,
    page: query.page && query.page > 1 ? String(query.page) : undefined,
  });
}

/** A path with the given parameters; empty ones are left out, so URLs stay short and readable. */
export function withQuery(path: string, values: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) search.set(key, value);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}
