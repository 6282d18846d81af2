'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { adminHref } from '@/lib/issues/hrefs';
import { commitImport } from '@/lib/import/commit-import';
import { proposeImport } from '@/lib/import/propose-import';

// Thin: lib/import checks the policy ('issue.import'), reads, parses and writes. The upload travels as
// a string (base64 for a file, so that broken UTF-8 reaches the server as it is and is refused there).

const uploadSchema = z.object({
  upload: z.object({
    text: z.string().nullish(),
    fileBase64: z.string().nullish(),
    fileName: z.string().max(255).nullish(),
  }),
});

export const proposeImportAction = action(uploadSchema, async ({ upload }, { actor }) => proposeImport(actor, upload), {
  refresh: false,
});

export const commitImportAction = action(
  z.object({ review: z.unknown() }),
  async ({ review }, { actor }) => {
    const result = await commitImport(actor, review);
    return { ...result, message: `N° ${result.number} is created with ${result.itemCount} items.` };
  },
  { redirectTo: (r) => adminHref.issue(r.issueId) },
);
