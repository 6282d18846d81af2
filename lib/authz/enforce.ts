import { can, type Actor, type GlobalAction } from './policy';
import { NotAllowedError, NotFoundError } from '@/lib/errors';

export type ActiveActor = NonNullable<Actor>;

/**
 * The signed-in, active person, or "not found" for anyone else: the back office does not admit to
 * existing for a reader without an account (or a deactivated one).
 */
export function requireActor(actor: Actor): ActiveActor {
  // 'backOffice.enter' is "an active account": the one definition lives in the policy.
  if (actor === null || !can(actor, 'backOffice.enter')) throw new NotFoundError();
  return actor;
}

/** An action that concerns no particular item: not found without an account, not allowed without the right. */
export function enforceCan(actor: Actor, action: GlobalAction): ActiveActor {
  const active = requireActor(actor);
  if (!can(active, action)) throw new NotAllowedError();
  return active;
}
