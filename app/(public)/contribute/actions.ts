'use server';

import { z } from 'zod';
import { publicAction } from '@/lib/actions/action';
import { submitContribution } from '@/lib/contributions/submit-contribution';
import { HONEYPOT_FIELD } from '@/lib/contributions/limits';
import { contributionSchema } from '@/lib/validation/contribution';

// The form's fields, plus the two hidden abuse checks (read, never stored).
const submissionSchema = z.intersection(
  contributionSchema,
  z.object({
    [HONEYPOT_FIELD]: z.string().nullish(),
    formToken: z.string().nullish(),
  }),
);

export const submitContributionAction = publicAction(
  submissionSchema,
  async (input, ctx) => {
    const { [HONEYPOT_FIELD]: honeypot, formToken, ...fields } = input;
    return submitContribution({ fields, honeypot, formToken, ip: ctx.ip });
  },
  { redirectTo: (r) => `/contribute/sent?ref=${encodeURIComponent(r.reference)}`, refresh: false },
);
