import { randomInt } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { IssueState, ItemKind, ItemState, TagKind } from '@/generated/prisma/enums';
import { docFromParagraphs, toPlainText } from '@/lib/rich-text/document';
import { uniqueIssueNumber, uniqueSlug } from './db';

/**
 * Rows for the reader-side tests (search, topics, calendar, catalogue). The test database is shared
 * by every test file of a run, so each test makes its own words: `uniqueWord()` is letters only (one
 * token for the text parser, no stem to share with real words) and appears nowhere else.
 */

const LETTERS = 'bcdfghjklmnpqrstvwxz';
export function uniqueWord(prefix = 'zq'): string {
  let word = prefix;
  for (let i = 0; i < 10; i++) word += LETTERS[randomInt(LETTERS.length)];
  return word;
}

export async function createReaderIssue(
  db: Db,
  opts: { state?: IssueState; coverDate?: Date; publishedAt?: Date; coverLabel?: string } = {},
) {
  const state = opts.state ?? 'PUBLISHED';
  return db.issue.create({
    data: {
      number: await uniqueIssueNumber(),
      coverLabel: opts.coverLabel ?? 'Test 2002',
      coverDate: opts.coverDate ?? new Date('2002-06-01'),
      state,
      publishedAt: state === 'PUBLISHED' ? (opts.publishedAt ?? new Date('2002-06-01T09:00:00Z')) : null,
      sections: {
        create: [
          { title: 'Lead', position: 0 },
          { title: 'Meetings and Policy', position: 1 },
        ],
      },
    },
    include: { sections: { orderBy: { position: 'asc' } } },
  });
}

export type ReaderItemOptions = {
  authorId: string;
  /** Where it is placed; omitted: in no issue. */
  section?: { id: string; issueId: string };
  state?: ItemState;
  kind?: ItemKind;
  title?: string;
  standfirst?: string;
  paragraphs?: string[];
  tags?: { kind: TagKind; name: string; slug?: string }[];
  sources?: string[];
  meetingId?: string;
  publicationId?: string;
  publishedAt?: Date;
};

/** An item with its tags (found or created by kind and slug) and sources. */
export async function createReaderItem(db: Db, o: ReaderItemOptions) {
  const body = docFromParagraphs(o.paragraphs ?? ['A paragraph of test text.']);
  const state = o.state ?? 'PUBLISHED';
  const tagIds: string[] = [];
  for (const t of o.tags ?? []) {
    const slug = t.slug ?? t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const tag = await db.tag.upsert({
      where: { kind_slug: { kind: t.kind, slug } },
      create: { kind: t.kind, name: t.name, slug },
      update: {},
    });
    tagIds.push(tag.id);
  }
  return db.item.create({
    data: {
      kind: o.kind ?? (o.meetingId ? 'MEETING_REPORT' : o.publicationId ? 'PUBLICATION_REVIEW' : 'ARTICLE'),
      title: o.title ?? `Reader test item ${randomInt(1e9)}`,
      slug: uniqueSlug('reader'),
      standfirst: o.standfirst ?? '',
      body,
      bodyText: toPlainText(body),
      state,
      publishedAt: state === 'PUBLISHED' ? (o.publishedAt ?? new Date('2002-06-01T09:00:00Z')) : null,
      authorId: o.authorId,
      issueId: o.section?.issueId,
      sectionId: o.section?.id,
      meetingId: o.meetingId,
      publicationId: o.publicationId,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
      sources: { create: (o.sources ?? []).map((name, position) => ({ name, position })) },
    },
  });
}
