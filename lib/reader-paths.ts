import type { TagKind } from '@/generated/prisma/enums';

/** Addresses of the reader's tools: topics, calendars, the publication catalogue and its citations. */

export const TOPIC_KINDS = { country: 'COUNTRY', region: 'REGION', theme: 'THEME' } as const satisfies Record<
  string,
  TagKind
>;
export type TopicKindParam = keyof typeof TOPIC_KINDS;

export function topicKindFromParam(raw: string): TagKind | null {
  return Object.hasOwn(TOPIC_KINDS, raw) ? TOPIC_KINDS[raw as TopicKindParam] : null;
}

export function topicPath(tag: { kind: TagKind; slug: string }): string {
  return `/topics/${tag.kind.toLowerCase()}/${tag.slug}`;
}

export function topicFeedPath(tag: { kind: TagKind; slug: string }): string {
  return `${topicPath(tag)}/feed.xml`;
}

/** Every meeting readers may see, as one subscribable calendar. */
export const MEETINGS_CALENDAR_PATH = '/meetings.ics';

export function meetingCalendarPath(meetingId: string): string {
  return `/meetings/${meetingId}/calendar.ics`;
}

export function publicationPath(publicationId: string): string {
  return `/publications/${publicationId}`;
}

export const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export function isCitationFormat(raw: string): raw is CitationFormat {
  return (CITATION_FORMATS as readonly string[]).includes(raw);
}

/** One publication's citation in a format. */
export function publicationCitationPath(publicationId: string, format: CitationFormat): string {
  return `${publicationPath(publicationId)}/cite/${format}`;
}

/** The citations of a filtered catalogue (the catalogue's own query string follows). */
export function catalogueCitationPath(format: CitationFormat, query = ''): string {
  return `/publications/cite/${format}${query ? `?${query}` : ''}`;
}
