import { DomainError } from '@/lib/errors';
import type { FieldErrors } from '@/lib/validation/field-errors';

/**
 * How an expected refusal (lib/errors.ts) reaches a form or an HTTP client. Domain functions throw
 * lib/errors.ts errors; the action wrapper turns them into `{ ok: false, code, … }` and route
 * handlers into a status code. Anything else is a bug and propagates.
 */
/** `unavailable`: the database could not be reached; nothing was changed, the request may be sent again. */
export type FailureCode = 'invalid' | 'not-found' | 'not-allowed' | 'conflict' | 'unauthenticated' | 'unavailable';
export type { FieldErrors };

export const HTTP_STATUS: Record<FailureCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
};

const CODES: Record<DomainError['code'], FailureCode> = {
  NOT_FOUND: 'not-found',
  NOT_ALLOWED: 'not-allowed',
  CONFLICT: 'conflict',
  VALIDATION: 'invalid',
};

export type ExpectedFailure = { code: FailureCode; message: string; fieldErrors: FieldErrors; conflict?: unknown };

/** The failure an expected error stands for, or null for an unexpected one. */
export function expectedFailure(error: unknown): ExpectedFailure | null {
  if (!(error instanceof DomainError)) return null;
  const out: ExpectedFailure = { code: CODES[error.code], message: error.message, fieldErrors: {} };
  if ('fieldErrors' in error) out.fieldErrors = (error as { fieldErrors: FieldErrors }).fieldErrors;
  if ('current' in error && (error as { current: unknown }).current != null)
    out.conflict = (error as { current: unknown }).current;
  return out;
}
