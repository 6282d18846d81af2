import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getEditionProgress } from '@/lib/editions/get-edition-progress';
import { formatUtc } from '@/lib/format/dates';
import { EditionControls } from './edition-controls';

const stateLine = {
  DRAFT: 'Not sent yet: it is prepared and queued when the issue is published.',
  SKIPPED: 'Not sent: sending was turned off when the issue was published.',
  SENDING: 'Sending.',
  DONE: 'Sent.',
  CANCELLED: 'Stopped: the issue was withdrawn. Messages not sent by then were cancelled.',
} as const;

/**
 * The e-mail edition on an issue's desk page, self-contained (it loads what it shows): whether it is
 * sent, a preview and a test, and once published the progress (queued, sent, failed) with the SMTP
 * server's answers for failures.
 */
export async function EditionPanel({ issueId, published }: { issueId: string; published: boolean }) {
  const actor = await requireActor();
  if (!can(actor, 'edition.manage')) return null;
  const p = await getEditionProgress(actor, issueId);
  const outstanding = p.counts.QUEUED + p.counts.SENDING;
  const preview = `/admin/issues/${issueId}/edition`;
  return (
    <section className="panel" id="edition" aria-labelledby="edition-heading" data-testid="edition-panel">
      <h2 id="edition-heading">E-mail edition</h2>
      <p data-testid="edition-state">
        {p.state === 'DRAFT'
          ? p.sendEnabled
            ? `Goes to every confirmed subscriber (${p.confirmedSubscribers} now) when the issue is published.`
            : 'Will not be sent for this issue.'
          : stateLine[p.state]}
        {p.state === 'SENDING' && !p.smtp && ' No SMTP server is configured: the messages are kept, waiting.'}
      </p>
      {p.state !== 'DRAFT' && p.state !== 'SKIPPED' && (
        <dl className="edition-counts" data-testid="edition-counts">
          <div>
            <dt>Queued</dt>
            <dd>{outstanding}</dd>
          </div>
          <div>
            <dt>Sent</dt>
            <dd>{p.counts.SENT}</dd>
          </div>
          <div>
            <dt>Failed</dt>
            <dd>{p.counts.FAILED}</dd>
          </div>
          {p.counts.CANCELLED > 0 && (
            <div>
              <dt>Cancelled</dt>
              <dd>{p.counts.CANCELLED}</dd>
            </div>
          )}
        </dl>
      )}
      {p.queuedAt && (
        <p className="muted">
          Queued {formatUtc(p.queuedAt)}
          {p.finishedAt && `, finished ${formatUtc(p.finishedAt)}`}.
        </p>
      )}
      {p.failures.length > 0 && (
        <details open={p.counts.FAILED > 0}>
          <summary>Failures and retries ({p.failures.length})</summary>
          <ul className="edition-failures">
            {p.failures.map((f) => (
              <li key={f.id}>
                {f.recipient && <span className="accounts__email">{f.recipient}</span>} {f.answer} (attempt {f.attempts}
                {f.at ? `, ${formatUtc(f.at)}` : ''})
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <a href={preview} target="_blank" rel="noopener">
          Preview the e-mail
        </a>{' '}
        ·{' '}
        <a href={`${preview}?part=text`} target="_blank" rel="noopener">
          its text part
        </a>
      </p>
      <EditionControls issueId={issueId} sendEnabled={p.sendEnabled} canChoose={!published && p.state !== 'SENDING'} />
      {!p.smtp && (
        <p className="muted">
          No SMTP server is configured: tests and editions are kept{' '}
          {actor.role === 'ADMIN' ? <Link href="/admin/outbox">in the outbox</Link> : 'in the outbox'}.
        </p>
      )}
    </section>
  );
}
