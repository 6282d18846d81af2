import { buildMeetingsCalendar, ICS_CONTENT_TYPE } from '@/lib/calendar/meetings-ics';
import { calendarSpan } from '@/lib/calendar/meeting-dates';
import { getCalendarMeeting } from '@/lib/content/public-meetings';
import { siteUrl } from '@/lib/site-url';
import { answeringOutage } from '@/lib/outage/route-handler';

export const dynamic = 'force-dynamic';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * One meeting as an .ics file to add to a calendar. 404 for a meeting readers may not see, and for
 * one without dates a calendar can hold (see lib/calendar/meeting-dates.ts).
 */
export const GET = answeringOutage(async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  const { id } = await params;
  const meeting = ID.test(id) ? await getCalendarMeeting(id) : null;
  if (!meeting || !calendarSpan(meeting)) {
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const ics = buildMeetingsCalendar({ base: siteUrl(request), name: meeting.name, meetings: [meeting] });
  return new Response(ics, {
    headers: {
      'Content-Type': ICS_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="meeting-${meeting.id}.ics"`,
    },
  });
});
