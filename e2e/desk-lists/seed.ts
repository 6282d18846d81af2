import { randomInt } from 'node:crypto';
import type { ItemKind, ItemState } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/create-db';
import { withFreeIssueNumber } from '../issue-numbers';

/**
 * Rows the desk-list browser tests seed for themselves: titles carry a tag of their own, so a test
 * finds its rows whatever else the database holds, and nothing touches the demo content.
 */

export const uniqueTag = () => `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

export type SeedItemOptions = {
  authorId: string;
  title: string;
  kind?: ItemKind;
  state?: ItemState;
  section?: { id: string; issueId: string };
  meetingId?: string;
  publicationId?: string;
  tagIds?: string[];
  updatedAt?: Date;
};

/** An item; an approved report or review gets a meeting or publication of its own if none is given (the database insists). */
export async function seedItem(db: Db, o: SeedItemOptions) {
  const text = `Body of ${o.title}.`;
  const needsRecord = o.state === 'APPROVED' || o.state === 'PUBLISHED';
  const meetingId =
    o.meetingId ??
    (needsRecord && o.kind === 'MEETING_REPORT'
      ? (await db.meeting.create({ data: { name: `Meeting for ${o.title}` } })).id
      : undefined);
  const publicationId =
    o.publicationId ??
    (needsRecord && o.kind === 'PUBLICATION_REVIEW'
      ? (await db.publication.create({ data: { title: `Report for ${o.title}` } })).id
      : undefined);
  return db.item.create({
    data: {
      kind: o.kind ?? 'ARTICLE',
      title: o.title,
      slug: `e2e-${uniqueTag()}`,
      standfirst: `Standfirst of ${o.title}.`,
      body: doc(text),
      bodyText: text,
      state: o.state ?? 'DRAFT',
      authorId: o.authorId,
      issueId: o.section?.issueId,
      sectionId: o.section?.id,
      meetingId,
      publicationId,
      updatedAt: o.updatedAt,
      tags: o.tagIds ? { create: o.tagIds.map((tagId) => ({ tagId })) } : undefined,
    },
  });
}

/** Open (and optionally resolved) review comments on an item. */
export async function seedComments(db: Db, itemId: string, authorId: string, open: number, resolved = 0) {
  for (let i = 0; i < open + resolved; i++) {
    await db.reviewComment.create({
      data: {
        itemId,
        authorId,
        body: `Comment ${i + 1}.`,
        resolvedAt: i < open ? null : new Date(),
        resolvedById: i < open ? null : authorId,
      },
    });
  }
}

/** A bulletin issue in production, never published, with a free number below the demo's N° 25 (e2e/issue-numbers.ts). */
export async function seedIssue(db: Db, label: string) {
  return withFreeIssueNumber(db, (number) =>
    db.issue.create({
      data: {
        number,
        coverLabel: label,
        state: 'IN_PRODUCTION',
        sections: { create: [{ title: 'Lead', position: 0 }] },
      },
      include: { sections: true },
    }),
  );
}

/** Takes a seeded issue away again (its items first), so the few free numbers stay free. */
export async function removeIssue(db: Db, issueId: string) {
  await db.item.deleteMany({ where: { issueId } });
  await db.issue.delete({ where: { id: issueId } });
}
