import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getDeskOverview } from '@/lib/content/items/get-desk-overview';
import { countContributions } from '@/lib/contributions/list-contributions';
import { roleLabel } from '@/lib/format/labels';
import { ActivityList } from '@/components/admin/dashboard/activity-list';
import { DeskBlock } from '@/components/admin/dashboard/desk-block';
import { NewItemLinks } from '@/components/admin/lists/new-item-links';
import { formatUtc } from '@/lib/format/dates';
import { itemListHref } from '@/components/admin/lists/search-params';
import '@/components/admin/lists/desk-lists.css';

export const metadata: Metadata = { title: 'Dashboard' };

/**
 * The back office's front page: the queues of the editorial desk and what happened lately. Editors see
 * the whole desk; contributors their own items, with requested changes first. Everything comes from
 * getDeskOverview (policy-scoped, a fixed number of queries).
 */
export default async function AdminDashboard() {
  const actor = await requireActor();
  const desk = await getDeskOverview(actor);
  const editorial = desk.scope === 'all';
  const contributions = can(actor, 'contribution.read') ? await countContributions(actor) : null;

  const changesRequested = (
    <DeskBlock
      id="changes"
      title="Changes requested"
      intro={
        editorial
          ? 'Waiting on their authors.'
          : 'An editor has asked for changes: read the notes, revise, then submit again.'
      }
      block={desk.changesRequested}
      allHref={itemListHref({ state: 'CHANGES_REQUESTED' })}
      allLabel={(n) => `All ${n} with changes requested`}
      empty={editorial ? 'No item is waiting on its author.' : 'Nothing is waiting for you.'}
      attention={!editorial}
      showAuthor={editorial}
      extra={(item) => {
        const note = desk.changesRequested.notes[item.id];
        return note ? (
          <p className="desk-block__note">
            <span className="visually-hidden">Latest note </span>
            {note.by ? `${note.by.name}, ` : ''}
            <time dateTime={note.at.toISOString()}>{formatUtc(note.at)}</time>: “
            {note.note.length > 240 ? `${note.note.slice(0, 239)}…` : note.note}”
          </p>
        ) : null;
      }}
    />
  );
  const myDrafts = (
    <DeskBlock
      id="drafts"
      title="My drafts"
      block={desk.myDrafts}
      allHref={itemListHref({ state: 'DRAFT', author: editorial ? actor.id : undefined })}
      allLabel={(n) => `All ${n} of my drafts`}
      empty="You have no drafts. Start one with the buttons above."
    />
  );
  const inReview = (
    <DeskBlock
      id="review"
      title="Waiting for review"
      intro={
        editorial
          ? 'Submitted by their authors: comment, request changes or approve.'
          : 'Submitted: with the editors until they approve or ask for changes.'
      }
      block={desk.inReview}
      allHref={itemListHref({ state: 'IN_REVIEW' })}
      allLabel={(n) => `All ${n} in review`}
      empty={editorial ? 'Nothing is waiting for review.' : 'You have nothing waiting for review.'}
      showAuthor={editorial}
    />
  );

  return (
    <>
      <h1>Welcome, {actor.name}</h1>
      <p className="bo-lede" data-testid="current-role">
        You are signed in as {roleLabel[actor.role].toLowerCase()}.
      </p>
      <NewItemLinks />

      <AttentionSummary
        editorial={editorial}
        inReview={desk.inReview.total}
        changesRequested={desk.changesRequested.total}
        approvedUnplaced={desk.approvedUnplaced?.total ?? 0}
        newContributions={contributions?.NEW ?? 0}
      />

      {contributions && (
        <section className="panel" aria-labelledby="contributions-heading">
          <h2 id="contributions-heading">Contributions from readers</h2>
          <p data-testid="contribution-counts">
            <Link href="/admin/contributions?status=NEW">{contributions.NEW} new</Link> ·{' '}
            <Link href="/admin/contributions?status=IN_PROGRESS">{contributions.IN_PROGRESS} in progress</Link> ·{' '}
            <Link href="/admin/contributions">all</Link>
          </p>
        </section>
      )}

      {editorial ? (
        <div className="desk-grid">
          {inReview}
          {desk.approvedUnplaced && (
            <DeskBlock
              id="approved"
              title="Approved, not yet in a bulletin issue"
              intro="Ready to be placed in an issue."
              block={desk.approvedUnplaced}
              allHref={itemListHref({ state: 'APPROVED', issue: 'none' })}
              allLabel={(n) => `All ${n} approved and not placed`}
              empty="Every approved item is placed in an issue."
              showAuthor
            />
          )}
          {changesRequested}
          {myDrafts}
        </div>
      ) : (
        <>
          {changesRequested}
          <div className="desk-grid">
            {myDrafts}
            {inReview}
          </div>
        </>
      )}

      <section className="panel" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        <p className="muted">
          {editorial ? 'On every item and bulletin issue, newest first.' : 'On your items, newest first.'}
        </p>
        {desk.activity.length > 0 ? (
          <ActivityList events={desk.activity} />
        ) : (
          <p className="muted">No recorded activity yet: what needs attention is listed above.</p>
        )}
      </section>

      <h2 className="visually-hidden">Elsewhere</h2>
      <ul className="cards">
        {can(actor, 'user.manage') && (
          <>
            <li>
              <Link href="/admin/users">
                <strong>People</strong>
                Invite editors and contributors, change roles, deactivate accounts.
              </Link>
            </li>
            <li>
              <Link href="/admin/outbox">
                <strong>Outbox</strong>
                Invitations and password links that were not sent by e-mail.
              </Link>
            </li>
          </>
        )}
        <li>
          <Link href="/admin/account">
            <strong>Your account</strong>
            Your name and password.
          </Link>
        </li>
        <li>
          <Link href="/">
            <strong>The public site</strong>
            The bulletin as readers see it.
          </Link>
        </li>
      </ul>
    </>
  );
}

/**
 * The first thing on the dashboard: what waits for this person, counted, each linked to its list (so a
 * desk with items in review never reads as if nothing were going on, even before any activity is recorded).
 */
function AttentionSummary({
  editorial,
  inReview,
  changesRequested,
  approvedUnplaced,
  newContributions,
}: {
  editorial: boolean;
  inReview: number;
  changesRequested: number;
  approvedUnplaced: number;
  newContributions: number;
}) {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = editorial
    ? [
        inReview > 0 && { href: '#review', text: `${plural(inReview, 'item waits', 'items wait')} for review` },
        approvedUnplaced > 0 && {
          href: '#approved',
          text: `${plural(approvedUnplaced, 'approved item is', 'approved items are')} not yet in a bulletin issue`,
        },
        newContributions > 0 && {
          href: '/admin/contributions?status=NEW',
          text: `${plural(newContributions, 'new contribution', 'new contributions')} from readers`,
        },
      ]
    : [
        changesRequested > 0 && {
          href: '#changes',
          text: `${plural(changesRequested, 'item needs', 'items need')} your changes`,
        },
      ];
  const shown = lines.filter((l): l is { href: string; text: string } => Boolean(l));
  return (
    <section className="panel attention" aria-labelledby="attention-heading" data-testid="attention">
      <h2 id="attention-heading">Needs attention</h2>
      {shown.length === 0 ? (
        <p className="muted">Nothing is waiting for you.</p>
      ) : (
        <ul>
          {shown.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
