import { randomInt } from 'node:crypto';
import type { IssueState, ItemKind, ItemState } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/create-db';

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

/**
 * Issues these tests publish get numbers below the demo's N° 25, so the home page's "latest issue"
 * (the highest published number) stays the demo's for tests running alongside. Free numbers are
 * picked at random and the unique index settles a race between the two workers.
 */
export async function seedIssue(
  db: Db,
  opts: {
    state?: IssueState;
    sections: { title: string; acceptsKind?: ItemKind | null }[];
    coverLabel?: string;
    scheduledAt?: Date;
  },
) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const taken = new Set(
      (await db.issue.findMany({ where: { number: { lt: 25 } }, select: { number: true } })).map((i) => i.number),
    );
    const free = Array.from({ length: 24 }, (_, i) => i + 1).filter((n) => !taken.has(n));
    if (free.length === 0) throw new Error('seedIssue: no free issue number below 25 left.');
    const number = free[randomInt(free.length)]!;
    try {
      return await db.issue.create({
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
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') continue;
      throw e;
    }
  }
  throw new Error('seedIssue: could not find a free issue number.');
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
}
