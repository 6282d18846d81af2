import { buildMeetingsCalendar, ICS_CONTENT_TYPE } from '@/lib/calendar/meetings-ics';
import { listCalendarMeetings } from '@/lib/content/public-meetings';
import { getSettings } from '@/lib/content/published';
import { siteUrl } from '@/lib/site-url';
import { answeringOutage } from '@/lib/outage/route-handler';

// Cached like the public pages (docs/caching.md); the site's URL comes from NEXTAUTH_URL, not the request.
export const dynamic = 'force-static';
export const revalidate = 300;

/** Every public meeting as one iCalendar feed, to subscribe to (Google Calendar, Outlook, Apple Calendar). */
export const GET = answeringOutage(async function GET() {
  const [settings, meetings] = await Promise.all([getSettings(), listCalendarMeetings()]);
  const ics = buildMeetingsCalendar({ base: siteUrl(), name: `${settings.title}: meetings`, meetings });
  return new Response(ics, {
    headers: { 'Content-Type': ICS_CONTENT_TYPE, 'Content-Disposition': 'inline; filename="meetings.ics"' },
  });
});
