import type { Decision } from '@/lib/authz/policy';
import type { FieldErrors } from '@/lib/validation/field-errors';

export type { FieldErrors };

/**
 * Expected failures of domain functions (lib/content, lib/workflow). Server actions turn them into
 * `{ ok: false, ... }` state for the form; anything else is unexpected and reaches error.tsx.
 */
export abstract class DomainError extends Error {
  abstract readonly code: 'NOT_FOUND' | 'NOT_ALLOWED' | 'CONFLICT' | 'VALIDATION';
}

/** The thing does not exist, or the person may not know that it does. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message = 'Not found.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The person may see the thing but not do this to it (now). */
export class NotAllowedError extends DomainError {
  readonly code = 'NOT_ALLOWED' as const;
  constructor(message = 'You may not do this.') {
    super(message);
    this.name = 'NotAllowedError';
  }
}

/**
 * Someone else changed the thing since the person loaded it. `current` is the server's state now,
 * so the UI can show what changed instead of a bare refusal.
 */
export class ConflictError<TCurrent = unknown> extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(
    readonly current: TCurrent,
    message = 'Someone else changed this since you opened it.',
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Input refused; every problem at once, by field ("" for problems of the whole form). */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION' as const;
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'Please correct the highlighted fields.',
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Turns a policy answer into the matching error: hidden → not found (existence stays private). */
export function enforce(decision: Decision, deniedMessage?: string): void {
  if (decision === 'hidden') throw new NotFoundError();
  if (decision === 'denied') throw new NotAllowedError(deniedMessage);
}

/** Adds a message to a field, keeping what is already there. */
export function addFieldError(errors: FieldErrors, field: string, message: string): FieldErrors {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
  return errors;
}

export function mergeFieldErrors(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all)
    for (const [field, messages] of Object.entries(errors)) for (const m of messages) addFieldError(out, field, m);
  return out;
}
