import { buildMeetingsCalendar, ICS_CONTENT_TYPE } from '@/lib/calendar/meetings-ics';
import { listCalendarMeetings } from '@/lib/content/public-meetings';
import { getSettings } from '@/lib/content/published';
import { siteUrl } from '@/lib/site-url';

// Read at request time: there is no database at build time, and the calendar must follow publishing.
export const dynamic = 'force-dynamic';

/** Every public meeting as one iCalendar feed, to subscribe to (Google Calendar, Outlook, Apple Calendar). */
export async function GET(request: Request) {
  const [settings, meetings] = await Promise.all([getSettings(), listCalendarMeetings()]);
  const ics = buildMeetingsCalendar({ base: siteUrl(request), name: `${settings.title}: meetings`, meetings });
  return new Response(ics, {
    headers: { 'Content-Type': ICS_CONTENT_TYPE, 'Content-Disposition': 'inline; filename="meetings.ics"' },
  });
}
