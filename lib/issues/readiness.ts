import 'server-only';
import type { IssueState, ItemKind, ItemState } from '@/generated/prisma/enums';
import { itemKindLabel } from '@/lib/format/labels';
import { itemStateLabel } from '@/lib/workflow/states';
import { adminHref } from './hrefs';
import type { DbOrTx } from './tx';

/** What stands between a bulletin issue and publication, each with the place to fix it. */

export type BlockerKind =
  | 'missingCoverLabel'
  | 'noItems'
  | 'itemNotApproved'
  | 'wrongKind'
  | 'meetingIncomplete'
  | 'publicationWithoutIssuingBody';

export type Blocker = {
  kind: BlockerKind;
  message: string;
  /** Where the fix is made (back office). */
  fixHref: string;
  itemId?: string;
  sectionId?: string;
  meetingId?: string;
  publicationId?: string;
};

/**
 * What an editor should know but does not block publishing: an empty section (left out: readers never
 * see a section without items), a higher-numbered issue already out, a cover label another issue has.
 */
export type WarningKind = 'emptySection' | 'outOfNumberOrder' | 'coverLabelReused';

export type Warning = { kind: WarningKind; message: string; fixHref: string; sectionId?: string };

export type Readiness = {
  issueId: string;
  number: number;
  state: IssueState;
  version: number;
  ready: boolean;
  blockers: Blocker[];
  warnings: Warning[];
  /** The placed items as checked, in contents order (publishing uses this list). */
  items: { id: string; state: ItemState; version: number }[];
};

const kindPlural: Record<ItemKind, string> = {
  ARTICLE: 'articles',
  MEETING_REPORT: 'meeting reports',
  PUBLICATION_REVIEW: 'publication reviews',
};

/**
 * The readiness check, in two queries whatever the size of the issue (the issue with its sections,
 * then every placed item with its meeting and publication). Publishing runs it again inside its
 * transaction, after locking the rows, so what it checks is what gets published.
 */
export async function computeReadiness(db: DbOrTx, issueId: string): Promise<Readiness | null> {
  const issue = await db.issue.findUnique({
    where: { id: issueId },
    select: {
      id: true,
      number: true,
      coverLabel: true,
      state: true,
      version: true,
      sections: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, title: true, acceptsKind: true } },
    },
  });
  if (!issue) return null;
  const items = await db.item.findMany({
    where: { issueId },
    select: {
      id: true,
      title: true,
      kind: true,
      state: true,
      version: true,
      sectionId: true,
      position: true,
      meeting: { select: { id: true, name: true, startDate: true, city: true, country: true } },
      publication: { select: { id: true, title: true, issuingBody: true } },
    },
  });

  const sectionOrder = new Map(issue.sections.map((s, i) => [s.id, i]));
  items.sort(
    (a, b) =>
      (sectionOrder.get(a.sectionId!) ?? 0) - (sectionOrder.get(b.sectionId!) ?? 0) ||
      a.position - b.position ||
      (a.id < b.id ? -1 : 1),
  );

  const blockers: Blocker[] = [];
  const issueHref = adminHref.issueDetails(issue.id);
  if (issue.coverLabel.trim() === '') {
    blockers.push({
      kind: 'missingCoverLabel',
      message: 'The issue has no cover label (such as "Summer 2002").',
      fixHref: issueHref,
    });
  }
  if (items.length === 0) {
    blockers.push({ kind: 'noItems', message: 'The issue holds no items yet.', fixHref: adminHref.issue(issue.id) });
  }

  const warnings: Warning[] = [];
  const sectionsById = new Map(issue.sections.map((s) => [s.id, s]));
  const occupied = new Set(items.map((i) => i.sectionId));
  for (const section of issue.sections) {
    if (!occupied.has(section.id)) {
      warnings.push({
        kind: 'emptySection',
        message: `The section "${section.title}" is empty: it is left out, readers will not see it.`,
        fixHref: adminHref.issueSection(issue.id, section.id),
        sectionId: section.id,
      });
    }
  }
  if (issue.state !== 'PUBLISHED') {
    const later = await db.issue.findFirst({
      where: { number: { gt: issue.number }, state: 'PUBLISHED' },
      orderBy: { number: 'desc' },
      select: { number: true },
    });
    if (later) {
      warnings.push({
        kind: 'outOfNumberOrder',
        message: `N° ${later.number} is already published: N° ${issue.number} would come out after a higher number.`,
        fixHref: issueHref,
      });
    }
  }
  const label = issue.coverLabel.trim();
  if (label !== '') {
    const sameLabel = await db.issue.findMany({
      where: { id: { not: issue.id }, coverLabel: { equals: label, mode: 'insensitive' }, state: { not: 'WITHDRAWN' } },
      orderBy: { number: 'asc' },
      select: { number: true },
    });
    if (sameLabel.length > 0) {
      warnings.push({
        kind: 'coverLabelReused',
        message: `The cover label "${label}" is also on ${sameLabel.map((i) => `N° ${i.number}`).join(', ')}.`,
        fixHref: issueHref,
      });
    }
  }

  // Items of a published issue are published; everything else must be approved.
  const acceptable: ItemState[] = issue.state === 'PUBLISHED' ? ['APPROVED', 'PUBLISHED'] : ['APPROVED'];
  const meetingsSeen = new Set<string>();
  const publicationsSeen = new Set<string>();
  for (const item of items) {
    const section = sectionsById.get(item.sectionId!);
    if (!acceptable.includes(item.state)) {
      blockers.push({
        kind: 'itemNotApproved',
        message: `"${item.title}" is ${itemStateLabel[item.state].toLowerCase()}: it must be approved.`,
        fixHref: adminHref.item(item.id),
        itemId: item.id,
        sectionId: item.sectionId ?? undefined,
      });
    }
    if (section?.acceptsKind && section.acceptsKind !== item.kind) {
      blockers.push({
        kind: 'wrongKind',
        message: `"${item.title}" is a ${itemKindLabel[item.kind].toLowerCase()}, but the section "${section.title}" accepts only ${kindPlural[section.acceptsKind]}.`,
        fixHref: adminHref.issueSection(issue.id, section.id),
        itemId: item.id,
        sectionId: section.id,
      });
    }
    const meeting = item.meeting;
    if (meeting && !meetingsSeen.has(meeting.id)) {
      meetingsSeen.add(meeting.id);
      const noDates = meeting.startDate === null;
      const noPlace = meeting.city.trim() === '' && meeting.country.trim() === '';
      if (noDates || noPlace) {
        const missing =
          noDates && noPlace ? 'no dates and no place' : noDates ? 'no dates' : 'no place (city or country)';
        blockers.push({
          kind: 'meetingIncomplete',
          message: `The meeting "${meeting.name}" (reported in "${item.title}") has ${missing}.`,
          fixHref: adminHref.meeting(meeting.id),
          meetingId: meeting.id,
          itemId: item.id,
        });
      }
    }
    const publication = item.publication;
    if (publication && !publicationsSeen.has(publication.id)) {
      publicationsSeen.add(publication.id);
      if (publication.issuingBody.trim() === '') {
        blockers.push({
          kind: 'publicationWithoutIssuingBody',
          message: `The publication "${publication.title}" (reviewed in "${item.title}") does not name its issuing body.`,
          fixHref: adminHref.publication(publication.id),
          publicationId: publication.id,
          itemId: item.id,
        });
      }
    }
  }

  return {
    issueId: issue.id,
    number: issue.number,
    state: issue.state,
    version: issue.version,
    ready: blockers.length === 0,
    blockers,
    warnings,
    items: items.map((i) => ({ id: i.id, state: i.state, version: i.version })),
  };
}
