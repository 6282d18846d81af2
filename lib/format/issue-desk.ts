import type { IssueState, ItemKind } from '@/generated/prisma/enums';

/** Words of the issue desk (its times: lib/format/dates.ts). Browser-safe. */

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
