import 'server-only';
import type { ItemState } from '@/generated/prisma/enums';
import { decideItem, decideTransition, type Actor } from '@/lib/authz/policy';
import { requireActor } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError, enforce } from '@/lib/errors';
import { requiredLinkErrors } from '@/lib/validation/item';
import { VERSION_MISSING, expectedVersionSchema } from '@/lib/validation/request';
import { TRANSITIONS, itemStateLabel, type TransitionName } from './states';
import { publishedItemChanged } from '@/lib/cache/invalidate';

export const TRANSITION_NOTE_MAX = 5000;

export type FireTransitionOptions = {
  /** The version the person saw: a transition on anything newer is refused with a ConflictError. */
  expectedVersion: number;
  /** Optional, except for requestChanges, where it is required and shown to the author. */
  note?: string | null;
};

/** ConflictError.current of a refused transition: the item's workflow position now. */
export type TransitionConflict = { itemId: string; state: ItemState; version: number };

export type TransitionResult = {
  itemId: string;
  fromState: ItemState;
  toState: ItemState;
  version: number;
  auditEventId: string;
  commentId: string | null;
};

/**
 * Fires a workflow transition on an item, in one transaction: locks the item's row, checks that it is
 * still at the version the person saw, asks the policy (role and state), moves the state, bumps the
 * version and writes the audit event. Two editors approving at once: the second waits for the first's
 * lock, then finds a newer version and gets a ConflictError; one transition, one event.
 *
 * requestChanges needs a note: it goes on the audit event and is also posted as an open review comment
 * by the editor, so the author sees it with the other comments and resolves it when done.
 * 'publish' is refused here: items are published only by publishing their bulletin issue.
 */
export async function fireTransition(
  actor: Actor,
  itemId: string,
  name: TransitionName,
  options: FireTransitionOptions,
): Promise<TransitionResult> {
  const person = requireActor(actor);
  // The name may come straight from a form: only the table's own keys ("__proto__" is not one).
  if (!Object.hasOwn(TRANSITIONS, name)) throw new NotFoundError();
  const transition = TRANSITIONS[name];
  const note = typeof options.note === 'string' ? options.note.trim() : '';
  const seen = expectedVersionSchema.safeParse(options.expectedVersion);
  if (!seen.success) throw new ValidationError({ '': [VERSION_MISSING] });
  const expectedVersion = seen.data;

  const db = getDb();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Item" WHERE "id" = ${itemId} FOR UPDATE`;
    if (rows.length === 0) throw new NotFoundError();
    const item = await tx.item.findUniqueOrThrow({
      where: { id: itemId },
      select: {
        id: true,
        kind: true,
        state: true,
        version: true,
        authorId: true,
        meetingId: true,
        publicationId: true,
      },
    });
    enforce(decideItem(person, 'item.read', item));
    if (transition.viaIssue) throw new NotAllowedError('Items are published by publishing their bulletin issue.');
    if (item.version !== expectedVersion) {
      throw new ConflictError<TransitionConflict>(
        { itemId, state: item.state, version: item.version },
        'Someone else changed this item since you opened it: see its current state before trying again.',
      );
    }
    enforce(decideTransition(person, name, item), transitionDeniedMessage(item.state, transition.label));

    const fieldErrors: Record<string, string[]> = {};
    if (transition.requiresNote && note === '')
      fieldErrors.note = ['Say what needs to change: the author sees this note.'];
    if (note.length > TRANSITION_NOTE_MAX)
      fieldErrors.note = [`Keep the note under ${TRANSITION_NOTE_MAX + 1} characters.`];
    // From review on, a meeting report names its meeting and a review its publication.
    if (transition.to === 'IN_REVIEW' || transition.to === 'APPROVED')
      Object.assign(fieldErrors, requiredLinkErrors(item));
    if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);

    const updated = await tx.item.updateMany({
      where: { id: itemId, version: expectedVersion, state: item.state },
      data: {
        state: transition.to,
        version: { increment: 1 },
        ...(name === 'unpublish' ? { publishedAt: null } : {}),
      },
    });
    // Cannot happen while the row is locked; kept so the guard never depends on the lock alone.
    if (updated.count !== 1)
      throw new ConflictError<TransitionConflict>({ itemId, state: item.state, version: item.version });
    if (item.state === 'PUBLISHED') {
      const placed = await tx.item.findUnique({
        where: { id: itemId },
        select: { section: { select: { issue: { select: { number: true } } } } },
      });
      if (placed?.section) await publishedItemChanged(tx, placed.section.issue.number);
    }

    let commentId: string | null = null;
    if (name === 'requestChanges') {
      const comment = await tx.reviewComment.create({
        data: { itemId, authorId: person.id, body: note },
        select: { id: true },
      });
      commentId = comment.id;
    }
    const event = await recordEvent(tx, {
      actorId: person.id,
      action: `item.${name}`,
      entityType: 'Item',
      entityId: itemId,
      fromState: item.state,
      toState: transition.to,
      note: note || null,
      data: { version: expectedVersion + 1, ...(commentId ? { commentId } : {}) },
    });
    return {
      itemId,
      fromState: item.state,
      toState: transition.to,
      version: expectedVersion + 1,
      auditEventId: event.id.toString(),
      commentId,
    };
  });
}

function transitionDeniedMessage(state: ItemState, label: string): string {
  return `"${label}" is not possible for you while the item is ${itemStateLabel[state].toLowerCase()}.`;
}
