import 'server-only';
import { publicIssueWhere, publicItemWhere } from '@/lib/authz/reader';
import { getDb } from '@/lib/db/client';

/**
 * What the home page's right column shows: recent bulletin issues, meetings and the newest
 * publications, all published ones only (lib/authz/reader.ts: a meeting or publication is public only
 * when a published item of a published issue refers to it). It takes no input, the time included, so a
 * cache can hold it until the next publication; the page splits meetings into upcoming and past.
 * Three queries, whatever the number of rows.
 */

/** How many meetings are read: the latest-starting ones, enough to hold every upcoming one a quarterly lists. */
export const HOME_MEETINGS_READ = 20;

export async function getHomeColumn() {
  const db = getDb();
  const [issues, meetings, publications] = await Promise.all([
    db.issue.findMany({
      where: publicIssueWhere,
      orderBy: { number: 'desc' },
      take: 6,
      select: { number: true, coverLabel: true },
    }),
    db.meeting.findMany({
      where: { items: { some: publicItemWhere } },
      orderBy: [{ startDate: { sort: 'desc', nulls: 'last' } }, { name: 'asc' }, { id: 'asc' }],
      take: HOME_MEETINGS_READ,
      select: {
        id: true,
        name: true,
        startDate: true,
        endDate: true,
        datePrecision: true,
        city: true,
        country: true,
      },
    }),
    db.publication.findMany({
      where: { items: { some: publicItemWhere } },
      orderBy: [{ date: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }, { id: 'asc' }],
      take: 5,
      select: { id: true, title: true, issuingBody: true, availability: true, date: true, datePrecision: true },
    }),
  ]);
  return { issues, meetings, publications };
}

export type HomeColumn = Awaited<ReturnType<typeof getHomeColumn>>;
