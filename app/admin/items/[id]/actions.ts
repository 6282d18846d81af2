'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { updateItem } from '@/lib/content/items/update-item';
import { restoreRevision } from '@/lib/content/items/restore-revision';
import { addComment } from '@/lib/content/comments/add-comment';
import { reopenComment, resolveComment } from '@/lib/content/comments/resolve-comment';
import { commentSchema } from '@/lib/validation/comment';
import { itemFieldsSchema } from '@/lib/validation/item';
import { cleanString } from '@/lib/validation/common';
import { expectedVersionSchema, INT4_MAX, recordIdSchema } from '@/lib/validation/request';
import { fireTransition } from '@/lib/workflow/transition';
import { TRANSITION_NAMES } from '@/lib/workflow/states';

/**
 * The item page's server actions. Thin on purpose: each schema is the exact shape the page sends
 * (the item's own field schema, a version that is a whole number), and the lib/ function applies the
 * policy, validates again (it is also called from elsewhere), checks the version against the row and
 * writes. Author, state and version are never taken from here: the version the person saw is only
 * compared, and a save's kind is the server's (the form's `kind`, if sent, is dropped).
 */

export const saveItemAction = action(
  z.object({
    itemId: recordIdSchema,
    expectedVersion: expectedVersionSchema,
    autosave: z.boolean().optional(),
    fields: itemFieldsSchema,
  }),
  async ({ itemId, expectedVersion, autosave, fields }, { actor }) => {
    const saved = await updateItem(actor, itemId, { expectedVersion, fields, autosave: autosave === true });
    return {
      itemId: saved.itemId,
      version: saved.version,
      slug: saved.slug,
      savedAt: saved.savedAt,
      revision: saved.revision.number,
    };
  },
  // The form shows the answer itself; refreshing the page after every autosave would be waste.
  { refresh: false, fieldsAt: 'fields' },
);

export const transitionItemAction = action(
  z.object({
    itemId: recordIdSchema,
    transition: z.enum(TRANSITION_NAMES, { error: 'Not a workflow step.' }),
    expectedVersion: expectedVersionSchema,
    // Trimmed, limited and (for "request changes") required by fireTransition; this bound is the request's.
    note: cleanString('multi-line').max(20_000).nullish(),
  }),
  async ({ itemId, transition, expectedVersion, note }, { actor }) => {
    const result = await fireTransition(actor, itemId, transition, { expectedVersion, note });
    return { state: result.toState, version: result.version };
  },
);

export const addCommentAction = action(
  commentSchema.extend({ itemId: recordIdSchema }),
  async ({ itemId, body, quote }, { actor }) => {
    const comment = await addComment(actor, itemId, { body, quote });
    return { commentId: comment.id };
  },
);

export const resolveCommentAction = action(
  z.object({ commentId: recordIdSchema }),
  async ({ commentId }, { actor }) => {
    await resolveComment(actor, commentId);
    return {};
  },
);

export const reopenCommentAction = action(z.object({ commentId: recordIdSchema }), async ({ commentId }, { actor }) => {
  await reopenComment(actor, commentId);
  return {};
});

export const restoreRevisionAction = action(
  z.object({
    itemId: recordIdSchema,
    number: z.number().int().min(1).max(INT4_MAX),
    expectedVersion: expectedVersionSchema,
  }),
  async ({ itemId, number, expectedVersion }, { actor }) => {
    const saved = await restoreRevision(actor, itemId, number, { expectedVersion });
    return { version: saved.version, revision: saved.revision.number, restored: number };
  },
);
