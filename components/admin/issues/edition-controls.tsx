'use client';

import { useActionState } from 'react';
import { sendTestEditionAction, setEditionSendingAction } from '@/app/admin/issues/edition-actions';
import { FormMessage } from '@/components/ui/fields';

/** Send or not (before publishing) and "Send a test to myself". */
export function EditionControls({
  issueId,
  sendEnabled,
  canChoose,
}: {
  issueId: string;
  sendEnabled: boolean;
  canChoose: boolean;
}) {
  const [choice, choose, choosing] = useActionState(setEditionSendingAction, null);
  const [test, sendTest, testing] = useActionState(sendTestEditionAction, null);
  return (
    <>
      {canChoose && (
        <form action={choose} className="edition-choice">
          <FormMessage state={choice} />
          <input type="hidden" name="issueId" value={issueId} readOnly />
          <input type="hidden" name="send" value={sendEnabled ? 'off' : 'on'} readOnly />
          <button type="submit" className="button button--quiet" disabled={choosing}>
            {sendEnabled ? 'Do not send it for this issue' : 'Send it when published'}
          </button>
        </form>
      )}
      <form action={sendTest} className="edition-test">
        <FormMessage state={test} />
        <input type="hidden" name="issueId" value={issueId} readOnly />
        <button type="submit" className="button button--quiet" disabled={testing}>
          {testing ? 'Sending…' : 'Send a test to myself'}
        </button>
      </form>
    </>
  );
}
