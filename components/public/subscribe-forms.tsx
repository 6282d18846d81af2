'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import {
  confirmSubscriptionAction,
  resubscribeAction,
  subscribeAction,
  unsubscribeAction,
} from '@/app/(public)/subscribe/actions';
import { CheckboxField, FormMessage, TextField } from '@/components/ui/fields';
import { CONSENT_TEXT } from '@/lib/validation/subscriber-consent';

/** The subscribe form: works without JavaScript (a plain form post to the server action). */
export function SubscribeForm() {
  const [state, formAction, pending] = useActionState(subscribeAction, null);
  if (state?.ok && state.outcome === 'accepted') return <FormMessage state={state} />;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        errors={errors.email}
      />
      <TextField
        name="name"
        label="Name (optional)"
        autoComplete="name"
        defaultValue={values.name}
        errors={errors.name}
      />
      <TextField
        name="organisation"
        label="Organisation (optional)"
        autoComplete="organization"
        defaultValue={values.organisation}
        errors={errors.organisation}
      />
      <CheckboxField
        name="consent"
        label={CONSENT_TEXT}
        defaultChecked={values.consent === 'on'}
        errors={errors.consent}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Subscribing…' : 'Subscribe'}
      </button>
    </form>
  );
}

/**
 * The confirmation button. Always drawn by the page (`open` says whether the link can still be used),
 * so that without JavaScript the page drawn after the post shows the action's answer.
 */
export function ConfirmForm({ token, open }: { token: string; open: boolean }) {
  const [state, formAction, pending] = useActionState(confirmSubscriptionAction, null);
  if (state?.ok || !open)
    return (
      <>
        {state?.ok ? <FormMessage state={state} /> : <p>This link has been used already or has expired.</p>}
        {state?.ok && state.outcome === 'confirmed' ? null : (
          <p>
            <Link href="/subscribe">Subscribe again</Link> to get a new one.
          </p>
        )}
      </>
    );
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Confirming…' : 'Confirm my subscription'}
      </button>
    </form>
  );
}

/**
 * Unsubscribe, then the offer to undo it. The button (a POST) rather than the link itself does it:
 * mail scanners open links in messages, and must not unsubscribe anyone.
 */
export function UnsubscribeForms({ token, unsubscribed }: { token: string; unsubscribed: boolean }) {
  const [leave, leaveAction, leaving] = useActionState(unsubscribeAction, null);
  const [back, backAction, returning] = useActionState(resubscribeAction, null);
  const gone = back?.ok && back.outcome === 'resubscribed' ? false : unsubscribed || Boolean(leave?.ok);
  return (
    <>
      <FormMessage state={back ?? leave} />
      {!gone ? (
        <form action={leaveAction}>
          <input type="hidden" name="token" value={token} />
          {!back && <p>Stop receiving the bulletin at this address?</p>}
          <button type="submit" className="button" disabled={leaving}>
            {leaving ? 'Unsubscribing…' : 'Unsubscribe'}
          </button>
        </form>
      ) : (
        <form action={backAction}>
          <input type="hidden" name="token" value={token} />
          <p>{leave ? 'Changed your mind?' : 'You are not subscribed at this address.'}</p>
          <button type="submit" className="button" disabled={returning}>
            {returning ? 'Subscribing…' : 'Subscribe again'}
          </button>
        </form>
      )}
    </>
  );
}
