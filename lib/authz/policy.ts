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
  | 'contribution.triage'
  | 'audit.read'
  | 'user.manage'
  | 'settings.edit'
  | 'account.editOwn';

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
  'contribution.triage': isEditorial,
  'audit.read': isEditorial,
  'user.manage': isAdmin,
  'settings.edit': isAdmin,
  'account.editOwn': isActive,
};

export function can(actor: Actor, action: GlobalAction): boolean {
  return globalRules[action](actor);
}

/** Actions on one item (transitions are asked with canTransition). */
export type ItemAction = 'item.read' | 'item.edit' | 'item.comment' | 'item.resolveComment' | 'item.restoreRevision' | 'item.place';

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
