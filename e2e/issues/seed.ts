import { randomInt } from 'node:crypto';
import type { IssueState, ItemKind, ItemState } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/create-db';
import { withFreeIssueNumber } from '../issue-numbers';
import { expireCachedPages } from '../cache-helpers';

/**
 * Rows the issue-desk browser tests seed for themselves. Nothing is shared between tests, and
 * nothing here touches the demo issues N° 25 and N° 26.
 */

export const uniqueTag = () => `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** An item in no issue yet (approved unless told otherwise); reviews and reports get their publication or meeting. */
export async function seedItem(db: Db, opts: { authorId: string; title: string; kind?: ItemKind; state?: ItemState }) {
  const kind = opts.kind ?? 'ARTICLE';
  const text = `Body of ${opts.title}.`;
  const meeting =
    kind === 'MEETING_REPORT'
      ? await db.meeting.create({
          data: {
            name: `Meeting for ${opts.title}`,
            startDate: new Date('2002-09-10'),
            endDate: new Date('2002-09-12'),
            city: 'Vienna',
            country: 'Austria',
          },
        })
      : null;
  const publication =
    kind === 'PUBLICATION_REVIEW'
      ? await db.publication.create({ data: { title: `Report for ${opts.title}`, issuingBody: 'IOM' } })
      : null;
  return db.item.create({
    data: {
      kind,
      title: opts.title,
      slug: `e2e-${uniqueTag()}-${randomInt(1e9).toString(36)}`,
      standfirst: `Standfirst of ${opts.title}.`,
      body: paragraph(text),
      bodyText: text,
      state: opts.state ?? 'APPROVED',
      authorId: opts.authorId,
      meetingId: meeting?.id,
      publicationId: publication?.id,
    },
  });
}

/** An issue of our own, with a free number below the demo's N° 25 (e2e/issue-numbers.ts). */
export async function seedIssue(
  db: Db,
  opts: {
    state?: IssueState;
    sections: { title: string; acceptsKind?: ItemKind | null }[];
    coverLabel?: string;
    scheduledAt?: Date;
  },
) {
  return withFreeIssueNumber(db, (number) =>
    db.issue.create({
      data: {
        number,
        coverLabel: opts.coverLabel ?? `E2E ${uniqueTag()}`,
        coverDate: new Date('2002-09-01'),
        state: opts.state ?? 'IN_PRODUCTION',
        scheduledAt: opts.scheduledAt,
        sections: {
          create: opts.sections.map((s, position) => ({
            title: s.title,
            acceptsKind: s.acceptsKind ?? null,
            position,
          })),
        },
      },
      include: { sections: { orderBy: { position: 'asc' } } },
    }),
  );
}

/** Places items into a section, in this order. */
export async function placeInSection(db: Db, section: { id: string; issueId: string }, itemIds: string[]) {
  for (const [position, id] of itemIds.entries()) {
    await db.item.update({ where: { id }, data: { issueId: section.issueId, sectionId: section.id, position } });
  }
}

/** The titles of a section's items in the stored order. */
export async function storedOrder(db: Db, sectionId: string) {
  return (
    await db.item.findMany({
      where: { sectionId },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { title: true },
    })
  ).map((i) => i.title);
}

/** Takes a published seeded issue off the public site again (test tidying, as unpublishIssue would). */
export async function withdraw(db: Db, issueId: string) {
  await db.$transaction([
    db.item.updateMany({ where: { issueId, state: 'PUBLISHED' }, data: { state: 'APPROVED', publishedAt: null } }),
    db.issue.update({ where: { id: issueId }, data: { state: 'WITHDRAWN', publishedAt: null, scheduledAt: null } }),
  ]);
  await expireCachedPages(db);
}
