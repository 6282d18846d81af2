'use server';

import { action } from '@/lib/actions/action';
import { sendTestEdition } from '@/lib/editions/preview-edition';
import { setEditionSending } from '@/lib/editions/set-edition-sending';
import { editionIssueSchema, editionSendingSchema } from '@/lib/validation/subscriber';

// The e-mail edition panel of an issue's desk page; lib/editions applies the policy (editors).

export const setEditionSendingAction = action(editionSendingSchema, async ({ issueId, send }, { actor, ip }) => {
  await setEditionSending(actor, issueId, send === 'on', { ip });
  return {
    message:
      send === 'on'
        ? 'The e-mail edition will go to every confirmed subscriber when the issue is published.'
        : 'No e-mail edition will be sent for this issue.',
  };
});

export const sendTestEditionAction = action(editionIssueSchema, async ({ issueId }, { actor, ip }) => {
  const { to, result } = await sendTestEdition(actor, issueId, { ip });
  return {
    message:
      result === 'sent'
        ? `Test sent to ${to}.`
        : result === 'kept'
          ? `Test made for ${to} and kept in the outbox (no SMTP configured).`
          : `The test to ${to} could not be sent; it is kept in the outbox with the error.`,
  };
});
