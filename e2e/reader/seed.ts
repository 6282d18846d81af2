import { randomInt } from 'node:crypto';
import type { ItemKind, TagKind } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import { seedIssue } from '../issues/seed';
import { expireCachedPages } from '../cache-helpers';

/**
 * A published bulletin issue of the reader-side browser tests' own, with published items: words,
 * tags, meetings and publications unique to the test, so it finds its rows whatever else the
 * database holds. The issue takes a free number below the demo's N° 25 (e2e/issues/seed.ts), so the
 * home page's latest issue stays the demo's; removeReaderIssue frees it again.
 */

const LETTERS = 'bcdfghjklmnpqrstvwxz';
export function uniqueWord(prefix = 'zq'): string {
  let word = prefix;
  for (let i = 0; i < 10; i++) word += LETTERS[randomInt(LETTERS.length)];
  return word;
}

export type ReaderItem = {
  title: string;
  text: string;
  kind?: ItemKind;
  standfirst?: string;
  tags?: { kind: TagKind; name: string; slug: string }[];
  meeting?: { name: string; startDate: Date; endDate?: Date; city?: string; country?: string };
  publication?: { title: string; authors?: string; issuingBody?: string; availability?: 'PUBLISHED' | 'FORTHCOMING' };
};

export async function seedReaderIssue(db: Db, authorId: string, items: ReaderItem[]) {
  const issue = await seedIssue(db, { state: 'IN_PRODUCTION', sections: [{ title: 'Lead' }, { title: 'Reports' }] });
  const publishedAt = new Date();
  const created = [];
  for (const [position, item] of items.entries()) {
    const meeting = item.meeting ? await db.meeting.create({ data: item.meeting }) : null;
    const publication = item.publication
      ? await db.publication.create({ data: { issuingBody: 'IOM', ...item.publication, date: new Date('2002-01-01') } })
      : null;
    const tagIds: string[] = [];
    for (const t of item.tags ?? [])
      tagIds.push(
        (await db.tag.upsert({ where: { kind_slug: { kind: t.kind, slug: t.slug } }, create: t, update: {} })).id,
      );
    const kind = item.kind ?? (meeting ? 'MEETING_REPORT' : publication ? 'PUBLICATION_REVIEW' : 'ARTICLE');
    created.push(
      await db.item.create({
        data: {
          kind,
          title: item.title,
          slug: `reader-${uniqueWord('')}`,
          standfirst: item.standfirst ?? '',
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: item.text }] }] },
          bodyText: item.text,
          state: 'PUBLISHED',
          publishedAt,
          authorId,
          issueId: issue.id,
          sectionId: issue.sections[position % 2]!.id,
          position,
          meetingId: meeting?.id,
          publicationId: publication?.id,
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
        },
        include: { meeting: true, publication: true },
      }),
    );
  }
  await db.issue.update({ where: { id: issue.id }, data: { state: 'PUBLISHED', publishedAt } });
  await expireCachedPages(db);
  return { issue, items: created };
}

/** Removes a seeded issue, its items and their meetings and publications. */
export async function removeReaderIssue(db: Db, issueId: string) {
  const items = await db.item.findMany({ where: { issueId }, select: { meetingId: true, publicationId: true } });
  await db.item.deleteMany({ where: { issueId } });
  await db.issue.delete({ where: { id: issueId } });
  const meetingIds = items.map((i) => i.meetingId).filter((id): id is string => !!id);
  const publicationIds = items.map((i) => i.publicationId).filter((id): id is string => !!id);
  await db.meeting.deleteMany({ where: { id: { in: meetingIds }, items: { none: {} } } });
  await db.publication.deleteMany({ where: { id: { in: publicationIds }, items: { none: {} } } });
  await expireCachedPages(db);
}
