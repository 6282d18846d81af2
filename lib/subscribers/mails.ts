import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import { getMailingSettings } from '@/lib/editions/mailing-settings';
import type { Mail } from '@/lib/mail/send-mail';
import { siteUrl } from '@/lib/site-url';
import { confirmPagePath, oneClickPath, unsubscribePagePath, unsubscribeToken } from './tokens';

/**
 * The mails a subscriber gets besides the edition. Every one carries the one-click unsubscribe: a
 * link at the foot and the List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058).
 */
type Client = Db | Prisma.TransactionClient;

export async function unsubscribeLinks(db: Client, subscriberId: string) {
  const { unsubscribeKey } = await getMailingSettings(db);
  const token = unsubscribeToken(unsubscribeKey, subscriberId);
  const base = siteUrl();
  return { page: `${base}${unsubscribePagePath(token)}`, oneClick: `${base}${oneClickPath(token)}` };
}

export const listHeaders = (oneClick: string) => ({
  'List-Unsubscribe': `<${oneClick}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

const footer = (page: string) => `\n--\nUnsubscribe (one click, no sign-in): ${page}\n`;

async function settingsTitle(db: Client) {
  return (await db.publicationSettings.findUnique({ where: { id: 1 }, select: { title: true } }))?.title || 'Quire';
}

export async function confirmationMail(
  db: Client,
  to: { id: string; email: string },
  token: string,
  expiresAt: Date,
): Promise<Mail> {
  const title = await settingsTitle(db);
  const links = await unsubscribeLinks(db, to.id);
  const until = expiresAt.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    to: to.email,
    subject: `Confirm your subscription to ${title}`,
    text:
      `Someone, probably you, asked to receive ${title} by e-mail at this address.\n\n` +
      `To confirm, open this link (valid until ${until}, once):\n${siteUrl()}${confirmPagePath(token)}\n\n` +
      'If you did not ask for this, ignore this message: nothing will be sent to you.\n' +
      footer(links.page),
    headers: listHeaders(links.oneClick),
  };
}

export async function welcomeMail(db: Client, to: { id: string; email: string }): Promise<Mail> {
  const title = await settingsTitle(db);
  const links = await unsubscribeLinks(db, to.id);
  return {
    to: to.email,
    subject: `You are subscribed to ${title}`,
    text:
      `Thank you: each new issue of ${title} will come to this address when it is published.\n\n` +
      `The archive is at ${siteUrl()}/issues.\n` +
      footer(links.page),
    headers: listHeaders(links.oneClick),
  };
}

/** Someone asked to subscribe an address that already is: its owner hears of it; the form says nothing. */
export async function alreadySubscribedMail(db: Client, to: { id: string; email: string }): Promise<Mail> {
  const title = await settingsTitle(db);
  const links = await unsubscribeLinks(db, to.id);
  return {
    to: to.email,
    subject: `You are already subscribed to ${title}`,
    text:
      `Someone, probably you, asked to subscribe this address to ${title}. It is subscribed already: ` +
      'nothing has changed, and you need not do anything.\n' +
      footer(links.page),
    headers: listHeaders(links.oneClick),
  };
}
