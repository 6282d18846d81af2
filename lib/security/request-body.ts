/**
 * A first look at request bodies, in proxy.ts, before Next.js or a route handler parses them. Next
 * answers 500 to a server action whose body it cannot decode (not JSON, cut short, nested so deep that
 * decoding overflows the stack) or that exceeds `serverActions.bodySizeLimit`: those are the client's
 * mistakes, so they get a 400 or a 413 here, with a one-line reason, and never reach the app.
 * Pure functions over what the proxy reads; no I/O of its own.
 */

/** Bodies above this are refused with 413 (a bulletin import has a limit of its own). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** The importer's page: a file of up to 5 MB as base64 and its reviewed proposal (next.config.ts allows 16 MB). */
export const IMPORT_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
/** Far deeper than any form or rich-text document sends, far shallower than what overflows a decoder. */
export const MAX_JSON_DEPTH = 512;

export type BodyRefusal = { status: 400 | 413; reason: string };

export function bodyLimitFor(pathname: string): number {
  return pathname === '/admin/issues/import' || pathname.startsWith('/admin/issues/import/')
    ? IMPORT_BODY_LIMIT_BYTES
    : BODY_LIMIT_BYTES;
}

/** A Content-Length header over the limit: refused before anything is read. */
export function declaredLengthRefusal(contentLength: string | null, limit: number): BodyRefusal | null {
  if (contentLength === null) return null;
  const n = Number(contentLength);
  return Number.isFinite(n) && n > limit ? tooLarge(limit) : null;
}

export function tooLarge(limit: number): BodyRefusal {
  return { status: 413, reason: `The request body is larger than ${Math.round(limit / 1024 / 1024)} MB.` };
}

/**
 * The nesting depth of a JSON text, or Infinity when brackets do not match. A scan, not a parse:
 * it never recurses, so a body of 100,000 "[" costs one pass and no stack.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth < 0) return Infinity;
    }
  }
  return depth === 0 && !inString ? max : Infinity;
}

/** A JSON text that is well formed and not nested beyond MAX_JSON_DEPTH, or the reason it is not. */
export function jsonRefusal(text: string, what = 'The request body'): BodyRefusal | null {
  const depth = jsonDepth(text);
  if (depth === Infinity) return { status: 400, reason: `${what} is not valid JSON (it may have been cut short).` };
  if (depth > MAX_JSON_DEPTH)
    return { status: 400, reason: `${what} is nested more than ${MAX_JSON_DEPTH} levels deep.` };
  try {
    JSON.parse(text);
    return null;
  } catch {
    return { status: 400, reason: `${what} is not valid JSON.` };
  }
}

/**
 * A server action's multipart body: the rows React encodes under numeric field names ("0", "1", …)
 * are JSON; anything else is a form field, any text goes.
 */
export function multipartRefusal(form: FormData): BodyRefusal | null {
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || !/^\d+$/.test(name)) continue;
    const refusal = jsonRefusal(value, `Part ${name} of the request`);
    if (refusal) return refusal;
  }
  return null;
}
