import type { ItemState, Role, UserStatus } from '@/generated/prisma/enums';
import type { Prisma } from '@/generated/prisma/client';
import { AUTHOR_EDITABLE_STATES, TRANSITIONS, type TransitionName } from '@/lib/workflow/states';

/**
 * The policy: what each person may do to each thing, as pure functions. Every data function in
 * lib/content (and every server action through them) asks here; nothing else decides access.
 * Unit-tested cell by cell in policy.test.ts.
 *
 * Answers are three-valued so callers can keep existence private: "hidden" (answer not found),
 * "denied" (they may see it but not do this: answer not allowed), "allowed".
 */

/** The signed-in person as the policy sees them; null for a reader without an account. */
export type Actor = { id: string; role: Role; status: UserStatus } | null;

export type ItemRef = { authorId: string; state: ItemState };

export type Decision = 'allowed' | 'denied' | 'hidden';

const isActive = (a: Actor): a is NonNullable<Actor> => a !== null && a.status === 'ACTIVE';
const isEditorial = (a: Actor) => isActive(a) && (a.role === 'EDITOR' || a.role === 'ADMIN');
const isAdmin = (a: Actor) => isActive(a) && a.role === 'ADMIN';
const owns = (a: Actor, item: ItemRef) => isActive(a) && a.id === item.authorId;

/** Back-office actions that concern no particular item. */
export type GlobalAction =
  | 'backOffice.enter'
  | 'item.create'
  | 'item.listAll'
  | 'meeting.create'
  | 'meeting.edit'
  | 'publication.create'
  | 'publication.edit'
  | 'issue.manage'
  | 'issue.preview'
  | 'issue.publish'
  | 'issue.import'
  | 'contribution.read'
  | 'contribution.triage'
  | 'contribution.accept'
  | 'contribution.decline'
  | 'contribution.reply'
  | 'contribution.erase'
  | 'audit.read'
  | 'audit.readAddresses'
  | 'user.manage'
  | 'settings.edit'
  | 'subscriber.manage'
  | 'edition.manage'
  | 'account.editOwn'
  | 'account.signOutEverywhere'
  | 'account.twoFactor';

const globalRules: Record<GlobalAction, (a: Actor) => boolean> = {
  'backOffice.enter': isActive,
  'item.create': isActive,
  'item.listAll': isEditorial,
  // Contributors create meeting and publication records for their reports; editors curate them.
  'meeting.create': isActive,
  'meeting.edit': isEditorial,
  'publication.create': isActive,
  'publication.edit': isEditorial,
  'issue.manage': isEditorial,
  'issue.preview': isEditorial,
  'issue.publish': isEditorial,
  // Bringing in a past bulletin creates a whole issue with approved or published items: editorial work.
  'issue.import': isEditorial,
  // Information Exchange: readers' contributions carry personal data; only editors and admins see them.
  'contribution.read': isEditorial,
  'contribution.triage': isEditorial,
  'contribution.accept': isEditorial,
  'contribution.decline': isEditorial,
  'contribution.reply': isEditorial,
  'contribution.erase': isEditorial,
  // The audit log (/admin/audit and its CSV export): who did what, when. Editorial oversight.
  'audit.read': isEditorial,
  // The client address an event recorded is personal data: admins only, in the viewer and the export.
  'audit.readAddresses': isAdmin,
  'user.manage': isAdmin,
  'settings.edit': isAdmin,
  // Subscribers' addresses are personal data: admins only (list, export, import, remove, send rate).
  'subscriber.manage': isAdmin,
  // The e-mail edition of an issue (send or not, preview, test to oneself, progress) is editorial.
  'edition.manage': isEditorial,
  'account.editOwn': isActive,
  // Ending one's own sessions in every browser: anyone signed in, for themselves only.
  'account.signOutEverywhere': isActive,
  // Enrolling one's own second factor (also while enrolment is required and nothing else is allowed).
  'account.twoFactor': isActive,
};

export function can(actor: Actor, action: GlobalAction): boolean {
  return globalRules[action](actor);
}

/** Actions on one item (transitions are asked with canTransition). */
export type ItemAction =
  'item.read' | 'item.edit' | 'item.comment' | 'item.resolveComment' | 'item.restoreRevision' | 'item.place';

/**
 * Contributors see only their own items and edit them only while they are drafts or have changes
 * requested; editors and admins may do everything editorial to every item.
 */
export function decideItem(actor: Actor, action: ItemAction, item: ItemRef): Decision {
  if (!isActive(actor)) return 'hidden';
  if (isEditorial(actor)) {
    if ((action === 'item.edit' || action === 'item.restoreRevision') && item.state === 'ARCHIVED') return 'denied';
    return 'allowed';
  }
  if (!owns(actor, item)) return 'hidden';
  switch (action) {
    case 'item.read':
    case 'item.comment':
    case 'item.resolveComment':
      return 'allowed';
    case 'item.edit':
    case 'item.restoreRevision':
      return AUTHOR_EDITABLE_STATES.includes(item.state) ? 'allowed' : 'denied';
    case 'item.place':
      return 'denied';
  }
}

/** May this person fire this workflow transition on this item now? (State and role, from lib/workflow.) */
export function decideTransition(actor: Actor, name: TransitionName, item: ItemRef): Decision {
  const read = decideItem(actor, 'item.read', item);
  if (read !== 'allowed') return read;
  const t = TRANSITIONS[name];
  if (!t.from.includes(item.state)) return 'denied';
  const mayFire = (isEditorial(actor) && t.by.includes('editor')) || (owns(actor, item) && t.by.includes('author'));
  return mayFire ? 'allowed' : 'denied';
}

/** The items a person may see in back-office lists, as a query filter. Never "no filter" by accident. */
export function visibleItemsWhere(actor: Actor): Prisma.ItemWhereInput {
  if (isEditorial(actor)) return {};
  if (isActive(actor)) return { authorId: actor.id };
  // Matches nothing: no signed-in, active person.
  return { id: { in: [] } };
}

/** Actions on one account (inviting someone is the global 'user.manage'). */
export type UserAction =
  | 'user.read'
  | 'user.resendInvitation'
  | 'user.revokeInvitation'
  | 'user.changeRole'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.issuePasswordReset'
  | 'user.resetTwoFactor';

export type UserRef = { id: string; role: Role; status: UserStatus };

/**
 * What the decision needs beyond the two people: how many active admins there are now (counted by the
 * caller inside the transaction that makes the change, with those rows locked) and, for a role
 * change, the role asked for.
 */
export type UserActionContext = { activeAdminCount: number; newRole?: Role };

/** Why an admin may not do this: to themselves, to the last active admin, or not in this state. */
export type UserRefusal = 'self' | 'lastAdmin' | 'state';

const removesAnAdmin = (target: UserRef, ctx: UserActionContext, action: UserAction) =>
  target.role === 'ADMIN' &&
  target.status === 'ACTIVE' &&
  ctx.activeAdminCount <= 1 &&
  (action === 'user.deactivate' || (action === 'user.changeRole' && ctx.newRole !== 'ADMIN'));

/**
 * Accounts are the admins' business. Others may not see anyone else's account ("hidden") and may not
 * manage their own ("denied"; they change their name and password through 'account.editOwn').
 * An admin cannot deactivate, demote or reset themselves, and the last active admin cannot be
 * deactivated or demoted; invitations are resent or revoked only while the account is invited.
 */
export function checkUserAction(
  actor: Actor,
  action: UserAction,
  target: UserRef,
  ctx: UserActionContext,
): { decision: Decision; refusal?: UserRefusal } {
  if (!isActive(actor)) return { decision: 'hidden' };
  if (!isAdmin(actor)) return { decision: actor.id === target.id ? 'denied' : 'hidden' };
  const self = actor.id === target.id;
  const refuse = (refusal: UserRefusal) => ({ decision: 'denied' as const, refusal });
  switch (action) {
    case 'user.read':
      return { decision: 'allowed' };
    case 'user.resendInvitation':
    case 'user.revokeInvitation':
      return target.status === 'INVITED' ? { decision: 'allowed' } : refuse('state');
    case 'user.changeRole':
      if (self) return refuse('self');
      if (target.status === 'DEACTIVATED') return refuse('state');
      break;
    case 'user.deactivate':
      if (self) return refuse('self');
      if (target.status !== 'ACTIVE') return refuse('state');
      break;
    case 'user.reactivate':
      return target.status === 'DEACTIVATED' ? { decision: 'allowed' } : refuse('state');
    case 'user.issuePasswordReset':
    case 'user.resetTwoFactor':
      if (self) return refuse('self');
      return target.status === 'ACTIVE' ? { decision: 'allowed' } : refuse('state');
  }
  if (removesAnAdmin(target, ctx, action)) return refuse('lastAdmin');
  return { decision: 'allowed' };
}

export function decideUserAction(actor: Actor, action: UserAction, target: UserRef, ctx: UserActionContext): Decision {
  return checkUserAction(actor, action, target, ctx).decision;
}
