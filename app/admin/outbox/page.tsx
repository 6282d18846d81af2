import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { formatUtc } from '@/lib/format/dates';
import { listOutbox } from '@/lib/mail/list-outbox';
import { smtpConfigured } from '@/lib/mail/send-mail';
import { siteUrl } from '@/lib/site-url';

export const metadata: Metadata = { title: 'Outbox', referrer: 'no-referrer' };

const statusLine = {
  KEPT: 'Kept here (no SMTP configured)',
  SENT: 'Sent by SMTP',
  FAILED: 'SMTP failed: kept here',
} as const;

/** The text of a message, with links to this site made clickable. */
function MailText({ text }: { text: string }) {
  const own = siteUrl();
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="mail__text">
      {parts.map((part, i) =>
        part.startsWith(`${own}/`) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default async function OutboxPage() {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) forbidden();
  const mails = await listOutbox({ actor });
  return (
    <>
      <h1>Outbox</h1>
      <p className="bo-lede">
        {smtpConfigured()
          ? 'Mail is sent through SMTP. Messages that could not be sent are kept here with their text.'
          : 'No SMTP server is configured, so mail is kept here. Pass each link on to its recipient yourself; each works once.'}
      </p>
      <section className="panel" aria-label="Messages">
        {mails.length === 0 && <p>No messages yet.</p>}
        {mails.map((m) => (
          <article key={m.id} className="mail" aria-labelledby={`mail-${m.id}`} data-to={m.to}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <p className="mail__meta">
              To {m.to} · {formatUtc(m.createdAt)} · {statusLine[m.status]}
              {m.error && ` (${m.error})`}
            </p>
            <MailText text={m.text} />
          </article>
        ))}
      </section>
    </>
  );
}
