/**
 * A stand-in for next/headers, for tests that call server actions and pages outside Next.js: the
 * request they see is `request` (its cookies and headers), which the test sets. In the test file:
 *
 *   import { request } from '../helpers/next-headers-mock';
 *   vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
 *
 * vi.mock is hoisted only from the test file itself, so each file keeps that one line; the factory
 * hands back this module, the same instance the test imports, so both see one `request`.
 */
export const request = {
  cookies: new Map<string, string>(),
  /** By lower-case name. */
  headers: new Map<string, string>(),
};

export async function cookies() {
  return {
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  };
}

export async function headers() {
  return { get: (name: string) => request.headers.get(name.toLowerCase()) ?? null };
}
