'use client';

import { useActionState } from 'react';
import type { ActionResult, ActionState } from '@/lib/actions/action';
import { CheckboxField, FormMessage, TextAreaField } from '@/components/ui/fields';

type Action = (prev: unknown, input: FormData) => Promise<ActionResult>;

export type ContributionActionsProps = {
  contribution: { id: string; open: boolean; erased: boolean; kindNoun: string };
  actions: { accept: Action; decline: Action; reply: Action; erase: Action };
};

function useForm(action: Action) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return { state, formAction, pending, errors };
}

/**
 * What an editor can do with one contribution: accept it as a draft (once), decline it or mark it as
 * spam with an optional reply, reply without deciding, and erase the sender's personal data. Each
 * button posts to its own server action, which checks the policy and the contribution's state again.
 */
export function ContributionActions({ contribution, actions }: ContributionActionsProps) {
  const accept = useForm(actions.accept);
  const decline = useForm(actions.decline);
  const reply = useForm(actions.reply);
  const erase = useForm(actions.erase);
  const id = <input type="hidden" name="contributionId" value={contribution.id} />;
  return (
    <div className="contribution-actions">
      {contribution.open && (
        <section className="panel" aria-labelledby="accept-heading">
          <h2 id="accept-heading">Accept</h2>
          <form action={accept.formAction} aria-label="Accept as a draft">
            {id}
            <p>
              Creates {contribution.kindNoun} as a draft owned by you, crediting the sender unless they asked not to be
              named.
            </p>
            <FormMessage state={accept.state} />
            <button type="submit" className="button" disabled={accept.pending}>
              {accept.pending ? 'Accepting…' : 'Accept as a draft'}
            </button>
          </form>
        </section>
      )}
      {contribution.open && (
        <section className="panel" aria-labelledby="decline-heading">
          <h2 id="decline-heading">Decline or mark as spam</h2>
          <form action={decline.formAction} aria-label="Decline or mark as spam">
            {id}
            <TextAreaField
              name="reply"
              id="decline-reply"
              label="Reply to the sender (optional)"
              hint={
                contribution.erased
                  ? 'The sender’s address was erased: no mail will be sent.'
                  : 'Sent by e-mail and kept here.'
              }
              rows={4}
              errors={decline.errors.reply}
            />
            <FormMessage state={decline.state} />
            <button type="submit" name="decision" value="DECLINED" className="button" disabled={decline.pending}>
              Decline
            </button>{' '}
            <button
              type="submit"
              name="decision"
              value="SPAM"
              className="button button--quiet"
              disabled={decline.pending}
            >
              Mark as spam
            </button>
          </form>
        </section>
      )}
      {!contribution.erased && (
        <section className="panel" aria-labelledby="reply-heading">
          <h2 id="reply-heading">Reply without deciding</h2>
          <form action={reply.formAction} aria-label="Reply to the sender">
            {id}
            <TextAreaField name="text" id="reply-text" label="Your reply" rows={4} errors={reply.errors.text} />
            <FormMessage state={reply.state} />
            <button type="submit" className="button" disabled={reply.pending}>
              {reply.pending ? 'Sending…' : 'Send reply'}
            </button>
          </form>
        </section>
      )}
      {!contribution.erased && (
        <section className="panel" aria-labelledby="erase-heading">
          <h2 id="erase-heading">Erase the sender’s personal data</h2>
          <form action={erase.formAction} aria-label="Erase the sender’s personal data">
            {id}
            <p>
              Removes the name, e-mail address and organisation here and in the outbox. The message, the decision and
              the replies stay.
            </p>
            <CheckboxField name="confirm" id="erase-confirm" label="Yes, erase them" errors={erase.errors.confirm} />
            <FormMessage state={erase.state} />
            <button type="submit" className="button button--danger" disabled={erase.pending}>
              Erase personal data
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
