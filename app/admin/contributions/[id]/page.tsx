import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getContribution } from '@/lib/contributions/get-contribution';
import { statusLabels } from '@/lib/contributions/list-contributions';
import { OPEN_STATUSES } from '@/lib/contributions/lock-contribution';
import { NotFoundError } from '@/lib/errors';
import { contributionKindShort } from '@/lib/validation/contribution';
import { formatUtc } from '@/lib/format/dates';
import { ContributionActions } from '@/components/admin/contributions/contribution-actions';
import {
  acceptContributionAction,
  declineContributionAction,
  eraseContributionSenderAction,
  replyToContributionAction,
} from '../actions';

export const metadata: Metadata = { title: 'Contribution', referrer: 'no-referrer' };

const kindNoun = { MEETING: 'a meeting report', PUBLICATION: 'a publication review' } as Record<string, string>;

/** One contribution: the message as plain text (never HTML), its details, replies and what can be done. */
export default async function ContributionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'contribution.read')) forbidden();
  const { id } = await params;
  const c = await getContribution(actor, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const d = c.details;
  const facts: [string, string | null | undefined][] = [
    ['Reference', c.reference],
    ['Kind', contributionKindShort[c.kind]],
    ['Status', statusLabels[c.status]],
    ['Received', formatUtc(c.createdAt)],
    ['From', c.erasedAt ? `Erased on ${formatUtc(c.erasedAt)}` : c.name],
    ['E-mail', c.erasedAt ? null : c.email],
    ['Organisation', c.organisation],
    ['Name in the bulletin', c.anonymous ? 'Asked not to be named' : 'May be credited'],
    ['Link (not opened for you)', c.link],
    ['Meeting starts', d.meetingStart],
    ['Meeting ends', d.meetingEnd],
    ['City', d.meetingCity],
    ['Country', d.meetingCountry],
    ['Issued by', d.issuingBody],
    ['Availability', d.availability ? (d.availability === 'FORTHCOMING' ? 'Forthcoming' : 'Published') : null],
  ];
  return (
    <>
      <p>
        <Link href="/admin/contributions">All contributions</Link>
      </p>
      <h1>{c.subject || c.reference}</h1>
      <dl className="contribution-facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd data-fact={k}>{v}</dd>
            </div>
          ))}
      </dl>
      {c.erasedAt && <p className="form-message">The sender’s personal data was erased on {formatUtc(c.erasedAt)}.</p>}
      {c.item && (
        <p>
          Accepted as <Link href={`/admin/items/${c.item.id}`}>{c.item.title}</Link>
          {c.triagedBy ? ` by ${c.triagedBy.name}` : ''}.
        </p>
      )}
      <section className="panel" aria-labelledby="message-heading">
        <h2 id="message-heading">Message</h2>
        <pre className="contribution-message" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
          {c.message}
        </pre>
      </section>
      <section className="panel" aria-labelledby="replies-heading">
        <h2 id="replies-heading">Replies</h2>
        {c.replies.length === 0 ? (
          <p>No replies yet.</p>
        ) : (
          <ol className="contribution-replies">
            {c.replies.map((r) => (
              <li key={r.id}>
                <p className="mail__meta">
                  {r.author.name}, {formatUtc(r.createdAt)}
                  {r.decision ? ` (with the decision: ${statusLabels[r.decision]})` : ''}
                </p>
                <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{r.text}</pre>
              </li>
            ))}
          </ol>
        )}
      </section>
      <ContributionActions
        contribution={{
          id: c.id,
          open: OPEN_STATUSES.includes(c.status),
          erased: c.erasedAt !== null,
          kindNoun: kindNoun[c.kind] ?? 'an article',
        }}
        actions={{
          accept: acceptContributionAction,
          decline: declineContributionAction,
          reply: replyToContributionAction,
          erase: eraseContributionSenderAction,
        }}
      />
    </>
  );
}
