'use server';

import { publicAction } from '@/lib/actions/action';
import { NEUTRAL_ANSWER } from '@/lib/subscribers/messages';
import { confirmSubscription } from '@/lib/subscribers/confirm-subscription';
import { subscribe } from '@/lib/subscribers/subscribe';
import { resubscribeByToken, unsubscribeByToken } from '@/lib/subscribers/unsubscribe';
import { confirmTokenSchema, subscribeSchema, unsubscribeTokenSchema } from '@/lib/validation/subscriber';

// Public: readers have no account. Each answer is as neutral as the lib/subscribers function makes it.

export const subscribeAction = publicAction(subscribeSchema, async (input, { ip }) => {
  const { outcome } = await subscribe(input, { ip });
  return outcome === 'throttled'
    ? { outcome, message: 'Too many sign-ups from your network in the last hour. Please try again later.' }
    : { outcome, message: NEUTRAL_ANSWER };
});

export const confirmSubscriptionAction = publicAction(confirmTokenSchema, async ({ token }) => {
  const { outcome } = await confirmSubscription(token);
  return {
    outcome,
    message:
      outcome === 'confirmed'
        ? 'You are subscribed: each new issue will come to your inbox when it is published.'
        : 'This link has been used already or has expired. Subscribe again to get a new one.',
  };
});

export const unsubscribeAction = publicAction(unsubscribeTokenSchema, async ({ token }) => {
  const { outcome } = await unsubscribeByToken(token, { via: 'page' });
  return {
    outcome,
    message:
      outcome === 'invalid'
        ? 'This unsubscribe link is not valid.'
        : 'You are unsubscribed: no more issues will be sent to this address.',
  };
});

export const resubscribeAction = publicAction(unsubscribeTokenSchema, async ({ token }) => {
  const { outcome } = await resubscribeByToken(token);
  return {
    outcome,
    message:
      outcome === 'resubscribed'
        ? 'Welcome back: you are subscribed again.'
        : outcome === 'needs-confirmation'
          ? 'This address was never confirmed: subscribe with the form to get a confirmation link.'
          : 'This link is not valid.',
  };
});
