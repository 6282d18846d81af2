'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { createItem } from '@/lib/content/items/create-item';
import { transitionButtonsFor } from '@/lib/content/items/transition-buttons';
import { itemSchema } from '@/lib/validation/item';

/** Creates a draft from the item form (the first save, explicit or automatic). The author is the session's person. */
export const createItemAction = action(
  z.object({ fields: itemSchema }),
  async ({ fields }, { actor }) => {
    const saved = await createItem(actor, fields);
    return {
      itemId: saved.itemId,
      version: saved.version,
      slug: saved.slug,
      savedAt: saved.savedAt,
      revision: saved.revision.number,
      // The new draft's workflow buttons, so the form offers "Submit for review" at once.
      transitions: transitionButtonsFor(actor, { authorId: actor.id, state: 'DRAFT' }),
    };
  },
  // The form goes on to the item's own page itself.
  { refresh: false, fieldsAt: 'fields' },
);
