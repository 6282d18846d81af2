/** Where the back office starts when no (acceptable) page was asked for. */
export const DEFAULT_AFTER_SIGN_IN = '/admin';

const ORIGIN = 'http://quire.invalid';

/**
 * The page to return to after signing in: a path on this site, or the default. Anything that a
 * browser could read as another site is refused: absolute URLs, protocol-relative `//evil`,
 * `/\evil` (browsers treat a backslash as a slash), control characters (stripped by URL parsers,
 * so `/\t/evil` becomes `//evil`), and paths that normalise to `//…`. Sign-in pages themselves are
 * refused too, so a user is never sent back to the form they just filled in.
 */
export function safeCallbackPath(raw: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  if (raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return fallback;
  if (/[\\\u0000-\u001f\u007f-\u009f\s]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//')) return fallback;
  if (/^\/(login|set-password|forgot-password|api\/auth)(\/|\?|#|$)/.test(path)) return fallback;
  return path;
}

/** The sign-in page, asking to come back to `path` afterwards. */
export function loginUrlFor(path: string | null | undefined): string {
  const back = safeCallbackPath(path, '');
  return back ? `/login?callbackUrl=${encodeURIComponent(back)}` : '/login';
}
