'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { updateItem } from '@/lib/content/items/update-item';
import { restoreRevision } from '@/lib/content/items/restore-revision';
import { addComment } from '@/lib/content/comments/add-comment';
import { reopenComment, resolveComment } from '@/lib/content/comments/resolve-comment';
import { fireTransition } from '@/lib/workflow/transition';
import type { TransitionName } from '@/lib/workflow/states';

/**
 * The item page's server actions. Thin on purpose: each names what the request may carry and hands it
 * to the lib/ function, which resolves the policy, validates with the entity's schema (every field
 * error at once) and checks the version. Author, state and version are never taken from here: the
 * version the person saw is only compared.
 */

const recordId = z.string({ error: 'Missing record.' }).trim().min(1, 'Missing record.').max(64, 'Not a valid record.');
// Checked by the lib/ function (a missing or wrong version is its own message there).
const seenVersion = z.unknown();

export const saveItemAction = action(
  z.object({
    itemId: recordId,
    expectedVersion: seenVersion,
    autosave: z.boolean().optional(),
    fields: z.record(z.string(), z.unknown()),
  }),
  async ({ itemId, expectedVersion, autosave, fields }, { actor }) => {
    const saved = await updateItem(actor, itemId, {
      expectedVersion: expectedVersion as number,
      fields: fields as never,
      autosave: autosave === true,
    });
    return {
      itemId: saved.itemId,
      version: saved.version,
      slug: saved.slug,
      savedAt: saved.savedAt,
      revision: saved.revision.number,
    };
  },
  // The form shows the answer itself; refreshing the page after every autosave would be waste.
  { refresh: false },
);

export const transitionItemAction = action(
  z.object({
    itemId: recordId,
    transition: z.string().max(40),
    expectedVersion: seenVersion,
    note: z.string().max(20_000).nullish(),
  }),
  async ({ itemId, transition, expectedVersion, note }, { actor }) => {
    const result = await fireTransition(actor, itemId, transition as TransitionName, {
      expectedVersion: expectedVersion as number,
      note,
    });
    return { state: result.toState, version: result.version };
  },
);

export const addCommentAction = action(
  z.object({ itemId: recordId, body: z.unknown(), quote: z.unknown() }),
  async ({ itemId, body, quote }, { actor }) => {
    const comment = await addComment(actor, itemId, { body: body as string, quote: quote as string | null });
    return { commentId: comment.id };
  },
);

export const resolveCommentAction = action(z.object({ commentId: recordId }), async ({ commentId }, { actor }) => {
  await resolveComment(actor, commentId);
  return {};
});

export const reopenCommentAction = action(z.object({ commentId: recordId }), async ({ commentId }, { actor }) => {
  await reopenComment(actor, commentId);
  return {};
});

export const restoreRevisionAction = action(
  z.object({ itemId: recordId, number: z.number().int().min(1), expectedVersion: seenVersion }),
  async ({ itemId, number, expectedVersion }, { actor }) => {
    const saved = await restoreRevision(actor, itemId, number, { expectedVersion: expectedVersion as number });
    return { version: saved.version, revision: saved.revision.number, restored: number };
  },
);
