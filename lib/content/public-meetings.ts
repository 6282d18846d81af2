import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { publicItemWhere } from '@/lib/authz/reader';
import { getDb } from '@/lib/db/client';

/**
 * The meetings calendar's reads: meetings that published items report on (a meeting record that only
 * unpublished work refers to stays private, as lib/content/published.ts has it), each with those
 * reports. One query each, whatever the number of meetings and reports.
 */

const calendarMeetingSelect = {
  id: true,
  name: true,
  startDate: true,
  endDate: true,
  datePrecision: true,
  city: true,
  country: true,
  organisers: true,
  participants: true,
  url: true,
  createdAt: true,
  updatedAt: true,
  items: {
    where: publicItemWhere,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    select: { id: true, title: true, slug: true, section: { select: { issue: { select: { number: true } } } } },
  },
} satisfies Prisma.MeetingSelect;

export type CalendarMeeting = Prisma.MeetingGetPayload<{ select: typeof calendarMeetingSelect }>;

/** Every public meeting, latest start first (undated ones last). */
export async function listCalendarMeetings(): Promise<CalendarMeeting[]> {
  return getDb().meeting.findMany({
    where: { items: { some: publicItemWhere } },
    orderBy: [{ startDate: { sort: 'desc', nulls: 'last' } }, { name: 'asc' }, { id: 'asc' }],
    select: calendarMeetingSelect,
  });
}

/** One public meeting, or null (also for a meeting only unpublished work reports on). */
export async function getCalendarMeeting(id: string): Promise<CalendarMeeting | null> {
  return getDb().meeting.findFirst({
    where: { id, items: { some: publicItemWhere } },
    select: calendarMeetingSelect,
  });
}
