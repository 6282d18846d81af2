import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { getDeskOverview } from '@/lib/content/items/get-desk-overview';
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
          <p className="muted">Nothing has happened yet.</p>
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
