import type { ItemEventView } from '@/lib/audit/list-item-events';
import { itemStateLabel } from '@/lib/workflow/states';
import type { ItemState } from '@/generated/prisma/enums';
import { eventLabel } from '@/lib/format/desk-labels';
import { LocalTime } from './local-time';

const stateName = (s: string | null) => (s && s in itemStateLabel ? itemStateLabel[s as ItemState] : s);

/** The item's audit trail, oldest first: who moved it where, when, with the note they left. */
export function ItemActivity({ events }: { events: ItemEventView[] }) {
  return (
    <section className="panel" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      {events.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="activity" data-testid="activity">
          {events.map((e) => (
            <li key={e.id} data-action={e.action}>
              <strong>{eventLabel[e.action] ?? e.action}</strong>
              {e.fromState && e.toState && (
                <span className="muted">
                  {' '}
                  ({stateName(e.fromState)} → {stateName(e.toState)})
                </span>
              )}
              <br />
              <span className="muted">
                {e.actor?.name ?? 'The system'} · <LocalTime date={e.createdAt} />
              </span>
              {e.note && <p className="activity__note">{e.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
