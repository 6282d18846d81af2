import 'server-only';
import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/generated/prisma/client';
import { publicIssueWhere, publicItemWhere } from '@/lib/authz/reader';

/**
 * Read access for the public site: published content only (lib/authz/reader.ts). Each function is a
 * fixed number of queries, whatever the number of items.
 */

const itemCardSelect = {
  id: true,
  kind: true,
  title: true,
  slug: true,
  standfirst: true,
  publishedAt: true,
  meeting: {
    select: { id: true, name: true, startDate: true, endDate: true, datePrecision: true, city: true, country: true },
  },
  publication: {
    select: {
      id: true,
      title: true,
      authors: true,
      issuingBody: true,
      date: true,
      datePrecision: true,
      kind: true,
      availability: true,
      url: true,
      isbn: true,
    },
  },
} satisfies Prisma.ItemSelect;

export type PublicItemCard = Prisma.ItemGetPayload<{ select: typeof itemCardSelect }>;

export const getSettings = cache(async () => {
  const settings = await getDb().publicationSettings.findUnique({ where: { id: 1 } });
  return (
    settings ?? {
      id: 1,
      title: 'Quire',
      subtitle: '',
      publisher: '',
      postalAddress: '',
      contactEmail: '',
      contactPhone: '',
      webAddress: '',
      issn: '',
      disclaimer: '',
      reproductionNotice: '',
      sectionTemplate: [],
      timeZone: 'UTC',
      updatedAt: new Date(0),
    }
  );
});

/** A published bulletin issue with its sections in order, each with its published items in order. */
/**
 * What the whole-issue view (components/public/issue-view.tsx) shows: sections in order, each with
 * its items in order. `itemWhere` narrows the items: published ones for readers, every placed one
 * for an editor's preview (lib/issues/get-issue-for-preview.ts).
 */
export function issueViewSelect(itemWhere: Prisma.ItemWhereInput) {
  return {
    id: true,
    number: true,
    coverLabel: true,
    coverDate: true,
    publishedAt: true,
    sections: {
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        title: true,
        items: {
          where: itemWhere,
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
          select: { ...itemCardSelect, body: true },
        },
      },
    },
  } satisfies Prisma.IssueSelect;
}

export const getPublishedIssue = cache(async (number: number) => {
  return getDb().issue.findFirst({ where: { number, ...publicIssueWhere }, select: issueViewSelect(publicItemWhere) });
});

export type PublishedIssue = NonNullable<Awaited<ReturnType<typeof getPublishedIssue>>>;

export const getLatestPublishedIssueNumber = cache(async () => {
  const latest = await getDb().issue.findFirst({
    where: publicIssueWhere,
    orderBy: { number: 'desc' },
    select: { number: true },
  });
  return latest?.number ?? null;
});

/** Every published bulletin issue, newest first (the archive). */
export async function listPublishedIssues() {
  return getDb().issue.findMany({
    where: publicIssueWhere,
    orderBy: { number: 'desc' },
    select: { number: true, coverLabel: true, coverDate: true, publishedAt: true },
  });
}

/** One published item of a published bulletin issue, with everything its page shows. */
export const getPublishedItem = cache(async (issueNumber: number, slug: string) => {
  return getDb().item.findFirst({
    where: { slug, ...publicItemWhere, section: { issue: { number: issueNumber, ...publicIssueWhere } } },
    select: {
      ...itemCardSelect,
      body: true,
      correctedAt: true,
      meeting: {
        select: {
          ...itemCardSelect.meeting.select,
          organisers: true,
          participants: true,
          url: true,
        },
      },
      section: { select: { title: true, issue: { select: { number: true, coverLabel: true } } } },
      sources: { orderBy: { position: 'asc' }, select: { id: true, name: true, url: true, date: true } },
      tags: {
        select: { tag: { select: { id: true, kind: true, name: true, slug: true } } },
        orderBy: { tag: { name: 'asc' } },
      },
    },
  });
});

/**
 * Meetings that published items report on, with those reports. A meeting record that only unpublished
 * work refers to stays private.
 */
export async function listPublicMeetings() {
  return getDb().meeting.findMany({
    where: { items: { some: publicItemWhere } },
    orderBy: [{ startDate: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      datePrecision: true,
      city: true,
      country: true,
      organisers: true,
      url: true,
      items: {
        where: publicItemWhere,
        orderBy: { publishedAt: 'desc' },
        select: { title: true, slug: true, section: { select: { issue: { select: { number: true } } } } },
      },
    },
  });
}
