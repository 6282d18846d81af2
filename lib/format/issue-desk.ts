import type { IssueState, ItemKind } from '@/generated/prisma/enums';

/** Words and times of the issue desk. Browser-safe. */

export const issueStateLabel: Record<IssueState, string> = {
  PLANNED: 'Planned',
  IN_PRODUCTION: 'In production',
  PUBLISHED: 'Published',
  WITHDRAWN: 'Withdrawn',
};

/** A section's accepted kind, as the desk's selects offer it ("" is any kind). */
export const acceptsKindOptions: { value: '' | ItemKind; label: string }[] = [
  { value: '', label: 'Any kind' },
  { value: 'ARTICLE', label: 'Articles only' },
  { value: 'MEETING_REPORT', label: 'Meeting reports only' },
  { value: 'PUBLICATION_REVIEW', label: 'Publication reviews only' },
];

export const acceptsKindLabel = (kind: ItemKind | null) =>
  acceptsKindOptions.find((o) => o.value === (kind ?? ''))!.label;

const utcFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** "1 Jul 2002, 09:00 UTC": the desk states every moment in UTC, and says so. */
export function formatUtc(date: Date): string {
  return `${utcFormat.format(date)} UTC`;
}
