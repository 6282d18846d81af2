'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { acceptContribution } from '@/lib/contributions/accept-contribution';
import { decideContribution } from '@/lib/contributions/decide-contribution';
import { eraseContributionSender } from '@/lib/contributions/erase-contribution-sender';
import { replyToContribution } from '@/lib/contributions/reply-to-contribution';

const id = z.string().trim().min(1).max(64);
const replyText = (required: boolean) =>
  z
    .string()
    .trim()
    .max(10_000, 'Keep the reply under 10,001 characters.')
    .nullish()
    .transform((v) => v ?? '')
    .refine((v) => !required || v.length > 0, 'Write the reply.')
    .refine((v) => !v.includes('\u0000'), 'Remove the invisible control characters.');

export const acceptContributionAction = action(
  z.object({ contributionId: id }),
  async (input, ctx) => acceptContribution(ctx.actor, { contributionId: input.contributionId }),
  { redirectTo: (r) => `/admin/items/${r.itemId}` },
);

export const declineContributionAction = action(
  z.object({ contributionId: id, decision: z.enum(['DECLINED', 'SPAM']), reply: replyText(false) }),
  async (input, ctx) => {
    const r = await decideContribution(ctx.actor, input);
    return { ...r, message: r.status === 'SPAM' ? 'Marked as spam.' : 'Declined.' };
  },
);

export const replyToContributionAction = action(
  z.object({ contributionId: id, text: replyText(true) }),
  async (input, ctx) => {
    await replyToContribution(ctx.actor, input);
    return { message: 'Reply sent.' };
  },
);

export const eraseContributionSenderAction = action(
  z.object({ contributionId: id, confirm: z.literal('on', { error: 'Tick the box to confirm.' }) }),
  async (input, ctx) => {
    await eraseContributionSender(ctx.actor, { contributionId: input.contributionId });
    return { message: 'The sender’s name, e-mail address and organisation were erased.' };
  },
);
