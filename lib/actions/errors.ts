/**
 * Expected refusals a domain function throws; the action wrapper turns them into `{ ok: false }`
 * state for the form, route handlers into a status code. Anything else is a bug and propagates.
 */
export type FailureCode = 'invalid' | 'not-found' | 'not-allowed' | 'conflict' | 'unauthenticated';
export type FieldErrors = Record<string, string[]>;

export class ExpectedError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ExpectedError';
  }
}

/** The thing does not exist, or this person may not know that it does. */
export class NotFoundError extends ExpectedError {
  constructor(message = 'Not found.') {
    super('not-found', message);
  }
}

/** This person can see the thing but may not do this to it. */
export class NotAllowedError extends ExpectedError {
  constructor(message = 'You are not allowed to do this.') {
    super('not-allowed', message);
  }
}

export class InvalidInputError extends ExpectedError {
  constructor(fieldErrors: FieldErrors, message = 'Please correct the fields marked below.') {
    super('invalid', message, fieldErrors);
  }
}

/** Someone else changed the thing first, or a one-time link was already used. */
export class ConflictError extends ExpectedError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export const HTTP_STATUS: Record<FailureCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
};
