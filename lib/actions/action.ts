import 'server-only';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentActor, requestAddress, type SessionActor } from '@/lib/auth/current-actor';
import { expectedFailure, type FailureCode, type FieldErrors } from '@/lib/actions/errors';
import { addFieldError } from '@/lib/errors';
import { announcedCount } from '@/lib/cache/invalidate';
import { waitForOwnInvalidations } from '@/lib/cache/listener';
import { getDb } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/outage/unavailable-error';
import { reportDatabaseDown } from '@/lib/outage/database-state';

const notifyChannel = (channel: string, payload: string) =>
  getDb().$executeRaw`SELECT pg_notify(${channel}, ${payload})`;

/**
 * The one wrapper every server action goes through:
 *   resolve the signed-in person (re-read from the database) → parse the input with zod, collecting
 *   every field error → call the lib/ domain function, which applies the policy → answer.
 * Expected refusals come back as `{ ok: false, code, message, fieldErrors }` for useActionState;
 * anything unexpected throws and reaches error.tsx. Nothing the form sends is trusted beyond the
 * schema: the actor comes from the session, never from the input.
 */
export type ActionFailure = {
  ok: false;
  code: FailureCode;
  message: string;
  fieldErrors: FieldErrors;
  /** What was typed (never passwords or tokens), so the form can show it again. */
  values: Record<string, string>;
  /** For a conflict: the server's current state, so the page can show what changed. */
  conflict?: unknown;
};
export type ActionResult<T extends object = object> = ({ ok: true; message?: string } & T) | ActionFailure;
export type ActionState<T extends object = object> = ActionResult<T> | null;

export type ActionContext = { actor: SessionActor; ip: string | null };
export type PublicActionContext = { actor: SessionActor | null; ip: string | null };

type Options<R> = {
  /** Where to go after success (redirect() runs outside the try/catch, as it must). */
  redirectTo?: (result: R) => string;
  /**
   * Re-render the page after success (default true). Off for actions whose answer the page shows by
   * itself and that run often (autosave, picker searches): a refresh per keystroke pause is waste.
   */
  refresh?: boolean;
  /**
   * The input key holding the form's fields, when they travel as one object beside the request's own
   * parts (`{ itemId, expectedVersion, fields }`). A schema error inside it is reported by its path
   * there ("title", "sources.2.url"), as the lib/ function's ValidationError reports it, so the form
   * shows it next to its field; an error in the other parts (a missing id or version: the page is at
   * fault, not the person) is the whole form's (""). Without it, errors are reported by input key.
   */
  fieldsAt?: string;
};

const SECRET_FIELD = /password|token/i;

/**
 * The input as an object, or null when there is none: an action is reachable by a direct POST, whose
 * arguments may be missing (`[]`), null, a number or a list. That is an invalid request, not a 500.
 */
function inputObject(input: unknown): Record<string, unknown> | null {
  if (!(input instanceof FormData)) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
    const proto = Object.getPrototypeOf(input) as unknown;
    return proto === Object.prototype || proto === null ? (input as Record<string, unknown>) : null;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith('$ACTION')) continue;
    out[key] = typeof value === 'string' ? value : undefined;
  }
  return out;
}

function typedValues(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => typeof v === 'string' && !SECRET_FIELD.test(k)),
  ) as Record<string, string>;
}

/** Said when the database cannot be reached: nothing was saved, and the form keeps what was typed. */
export const UNAVAILABLE_MESSAGE =
  'The database cannot be reached just now, so nothing was saved. What you typed is kept: try again in a moment.';

/**
 * The database going away is expected (a restart, a failover): the action answers "unavailable"
 * with what was typed, instead of the error page. Anything else propagates as before.
 */
async function unlessUnavailable<R extends object>(
  raw: Record<string, unknown>,
  run: () => Promise<ActionResult<R>>,
): Promise<ActionResult<R>> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    reportDatabaseDown(error instanceof Error ? error.message : String(error));
    return failure('unavailable', UNAVAILABLE_MESSAGE, raw);
  }
}

const MISSING_INPUT = 'The request did not carry the form: reload the page and try again.';

const failure = (
  code: FailureCode,
  message: string,
  raw: Record<string, unknown>,
  fieldErrors: FieldErrors = {},
): ActionFailure => ({
  ok: false,
  code,
  message,
  fieldErrors,
  values: typedValues(raw),
});

function schemaErrors(error: z.ZodError, fieldsAt: string | undefined): { message?: string; fieldErrors: FieldErrors } {
  if (fieldsAt === undefined) {
    const flat = z.flattenError(error);
    return { message: flat.formErrors[0], fieldErrors: flat.fieldErrors as FieldErrors };
  }
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const [head, ...rest] = issue.path.map(String);
    addFieldError(fieldErrors, head === fieldsAt ? rest.join('.') : '', issue.message);
  }
  return { message: fieldErrors['']?.[0], fieldErrors };
}

async function execute<S extends z.ZodType, R extends object, C>(
  schema: S,
  raw: Record<string, unknown>,
  ctx: C,
  run: (input: z.output<S>, ctx: C) => Promise<R>,
  options: Options<R>,
): Promise<ActionResult<R>> {
  const parsed = await schema.safeParseAsync(raw);
  if (!parsed.success) {
    const { message, fieldErrors } = schemaErrors(parsed.error, options.fieldsAt);
    return failure('invalid', message ?? 'Please correct the fields marked below.', raw, fieldErrors);
  }
  let result: R;
  const announcedBefore = announcedCount();
  try {
    result = await run(parsed.data, ctx);
  } catch (error) {
    const expected = expectedFailure(error);
    if (!expected) throw error;
    const out = failure(expected.code, expected.message, raw, expected.fieldErrors);
    return expected.conflict === undefined ? out : { ...out, conflict: expected.conflict };
  }
  // A write that expired cached public pages returns once this instance has applied it (lib/cache).
  if (announcedCount() !== announcedBefore) await waitForOwnInvalidations(notifyChannel);
  if (options.redirectTo) redirect(options.redirectTo(result));
  if (options.refresh !== false) refresh();
  return { ok: true, ...result };
}

/** A server action for signed-in people. */
export function action<S extends z.ZodType, R extends object>(
  schema: S,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  options: Options<R> = {},
) {
  return async (_prev: unknown, input?: FormData | Record<string, unknown>): Promise<ActionResult<R>> => {
    const raw = inputObject(input);
    if (!raw) return failure('invalid', MISSING_INPUT, {});
    return unlessUnavailable(raw, async () => {
      const actor = await getCurrentActor();
      if (!actor) return failure('unauthenticated', 'Your session has ended. Sign in again to continue.', raw);
      return execute(schema, raw, { actor, ip: await requestAddress() }, run, options);
    });
  };
}

/** A server action anyone may call (setting a password from a one-time link); the actor may be null. */
export function publicAction<S extends z.ZodType, R extends object>(
  schema: S,
  run: (input: z.output<S>, ctx: PublicActionContext) => Promise<R>,
  options: Options<R> = {},
) {
  return async (_prev: unknown, input?: FormData | Record<string, unknown>): Promise<ActionResult<R>> => {
    const raw = inputObject(input);
    if (!raw) return failure('invalid', MISSING_INPUT, {});
    return unlessUnavailable(raw, async () =>
      execute(schema, raw, { actor: await getCurrentActor(), ip: await requestAddress() }, run, options),
    );
  };
}
