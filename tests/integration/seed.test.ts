import { describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { seedDemo } from '@/prisma/seed/demo';
import { freshDatabase } from '../helpers/db';

async function counts(db: ReturnType<typeof createDb>) {
  return {
    users: await db.user.count(),
    issues: await db.issue.count(),
    sections: await db.section.count(),
    items: await db.item.count(),
    meetings: await db.meeting.count(),
    publications: await db.publication.count(),
    sources: await db.source.count(),
    tags: await db.tag.count(),
    itemTags: await db.itemTag.count(),
    revisions: await db.revision.count(),
    comments: await db.reviewComment.count(),
    contributions: await db.contribution.count(),
    settings: await db.publicationSettings.count(),
  };
}

describe('demo seed', () => {
  it('loads the demo bulletin, and loading it twice duplicates nothing', async () => {
    const db = createDb(await freshDatabase());
    try {
      await seedDemo(db);
      const first = await counts(db);
      expect(first.users).toBe(3);
      expect(first.settings).toBe(1);
      await seedDemo(db);
      expect(await counts(db)).toEqual(first);

      const n25 = await db.issue.findUniqueOrThrow({
        where: { number: 25 },
        include: { sections: { orderBy: { position: 'asc' } } },
      });
      expect(n25.state).toBe('PUBLISHED');
      expect(n25.sections.map((s) => s.title)).toEqual([
        'Lead',
        'Meetings and Policy',
        'New Publications',
        'Other Publications',
        'Information Exchange',
      ]);
      const n26 = await db.issue.findUniqueOrThrow({ where: { number: 26 } });
      expect(n26.state).toBe('IN_PRODUCTION');
      const n26States = (await db.item.findMany({ where: { issueId: n26.id }, select: { state: true } })).map(
        (i) => i.state,
      );
      expect(new Set(n26States)).toEqual(new Set(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED']));
    } finally {
      await db.$disconnect();
    }
  });
});
