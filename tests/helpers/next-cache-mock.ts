/**
 * A stand-in for next/cache outside Next.js: refreshing and revalidating do nothing (public pages are
 * rendered per request anyway). In the test file: `vi.mock('next/cache', () => import('../helpers/next-cache-mock'));`
 */
export function refresh() {}
export function revalidatePath() {}
