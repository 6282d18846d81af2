import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import type { SubscriberStatus } from '@/generated/prisma/enums';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getMailingSettingsForEdit } from '@/lib/editions/get-mailing-settings-for-edit';
import { listSubscribers } from '@/lib/subscribers/list-subscribers';
import { SUBSCRIBER_STATUSES } from '@/lib/validation/subscriber';
import { Pagination } from '@/components/admin/lists/pagination';
import { SelectField, TextField } from '@/components/ui/fields';
import {
  ImportForm,
  MailingSettingsForm,
  RemoveSubscriberButton,
} from '@/components/admin/subscribers/subscriber-forms';

// No `referrer: 'no-referrer'` here: with it, browsers send `Origin: null` on form posts and Next refuses server actions.
export const metadata: Metadata = { title: 'Subscribers' };

const statusLabel: Record<SubscriberStatus, string> = {
  PENDING: 'Pending',
  CONFIRMED: 'Confirmed',
  UNSUBSCRIBED: 'Unsubscribed',
  BOUNCED: 'Bounced',
};
const sourceLabel: Record<string, string> = {
  form: 'Subscribe form',
  import: 'Imported, confirmed by them',
  'import-consented': 'Imported, consent stated by an admin',
};
const day = (d: Date | null) =>
  d ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '–';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Admins: who receives the e-mail edition, with search, counts, export, import and removal. */
export default async function SubscribersPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'subscriber.manage')) forbidden();
  const params = await searchParams;
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const q = one('q').slice(0, 200);
  const status = (SUBSCRIBER_STATUSES as readonly string[]).includes(one('status'))
    ? (one('status') as SubscriberStatus)
    : null;
  const page = Math.max(1, Number.parseInt(one('page'), 10) || 1);
  const [list, mailing] = await Promise.all([
    listSubscribers(actor, { q, status, page }),
    getMailingSettingsForEdit(actor),
  ]);
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const hrefFor = (n: number) => {
    const sp = new URLSearchParams();
    if (q) sp.set('q', q);
    if (status) sp.set('status', status);
    if (n > 1) sp.set('page', String(n));
    const s = sp.toString();
    return `/admin/subscribers${s ? `?${s}` : ''}`;
  };

  return (
    <>
      <h1>Subscribers</h1>
      <p className="bo-lede">
        Readers who receive each new issue by e-mail. Addresses are personal data: they are shown here and nowhere else.
      </p>

      <section className="panel" aria-labelledby="counts-heading">
        <h2 id="counts-heading">On the list</h2>
        <ul className="subscriber-counts" data-testid="subscriber-counts">
          {SUBSCRIBER_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/admin/subscribers?status=${s}`}>
                <strong>{list.counts[s]}</strong> {statusLabel[s].toLowerCase()}
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <a href="/admin/subscribers/export" download>
            Export all as CSV
          </a>
        </p>
      </section>

      <section className="panel" aria-labelledby="list-heading">
        <h2 id="list-heading">Find a subscriber</h2>
        <form method="get" className="form-row" role="search">
          <TextField name="q" id="subscriber-q" label="Address, name or organisation" defaultValue={q} type="search" />
          <SelectField
            name="status"
            id="subscriber-status"
            label="Status"
            defaultValue={status ?? ''}
            options={[
              { value: '', label: 'Any' },
              ...SUBSCRIBER_STATUSES.map((s) => ({ value: s, label: statusLabel[s] })),
            ]}
          />
          <button type="submit" className="button">
            Search
          </button>
        </form>
        <p className="muted" role="status">
          {list.total === 0 ? 'No subscribers match.' : `${list.total} match${list.total === 1 ? 'es' : ''}.`}
        </p>
        {list.entries.length > 0 && (
          <div className="table-wrap">
            <table className="accounts">
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Status</th>
                  <th scope="col">Consent</th>
                  <th scope="col">Since</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.entries.map((s) => (
                  <tr key={s.id} data-email={s.email}>
                    <th scope="row">
                      {s.email}
                      {(s.name || s.organisation) && (
                        <span className="accounts__email">{[s.name, s.organisation].filter(Boolean).join(', ')}</span>
                      )}
                    </th>
                    <td>
                      <span className={`badge badge--${s.status.toLowerCase()}`}>{statusLabel[s.status]}</span>
                    </td>
                    <td>{sourceLabel[s.consentSource] ?? s.consentSource}</td>
                    <td>{day(s.confirmedAt ?? s.createdAt)}</td>
                    <td>
                      <RemoveSubscriberButton subscriberId={s.id} label={s.email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={list.page} pageCount={pageCount} hrefFor={hrefFor} label="Subscriber pages" />
      </section>

      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <ImportForm />
      </section>

      <section className="panel" aria-labelledby="sending-heading">
        <h2 id="sending-heading">Sending</h2>
        <MailingSettingsForm sendRatePerMinute={mailing.sendRatePerMinute} maxAttempts={mailing.maxAttempts} />
      </section>
    </>
  );
}
