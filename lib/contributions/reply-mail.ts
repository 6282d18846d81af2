import 'server-only';

/**
 * The mail carrying an editor's reply to a contribution's sender: the editor's words and the
 * reference, nothing the sender typed (it may carry a spammer's link).
 */
export function replyMail(reference: string, text: string) {
  return {
    subject: `Re: your contribution ${reference}`,
    text: [text, '', '—', `The editors, in reply to your contribution ${reference}.`].join('\n'),
  };
}
