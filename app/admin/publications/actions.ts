'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { createPublication, updatePublication } from '@/lib/content/publications';
import { publicationSchema } from '@/lib/validation/publication';

// Thin: the form's one schema (the browser checks with it too), then lib/content/publications, which
// applies the policy (create: anyone signed in; update: editors).
const publicationId = z.object({
  publicationId: z.string({ error: 'Reload the page and try again.' }).trim().min(1).max(64),
});

export const createPublicationAction = action(
  publicationSchema,
  async (fields, { actor }) => {
    const publication = await createPublication(actor, fields);
    return { publicationId: publication.id };
  },
  { redirectTo: ({ publicationId }) => `/admin/publications/${publicationId}?saved=new` },
);

export const updatePublicationAction = action(
  publicationId.and(publicationSchema),
  async ({ publicationId, ...fields }, { actor }) => {
    const publication = await updatePublication(actor, publicationId, fields);
    return { message: 'Publication saved.', updatedAt: publication.updatedAt.toISOString() };
  },
);
