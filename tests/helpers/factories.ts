import { randomInt } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { IssueState, ItemKind, ItemState, Role } from '@/generated/prisma/enums';
import { docFromParagraphs, toPlainText } from '@/lib/rich-text/document';
import { uniqueIssueNumber, uniqueSlug } from './db';

/** Small builders for test rows. Each returns what it created; nothing is shared between tests. */

export async function createUser(
  db: Db,
  role: Role = 'CONTRIBUTOR',
  overrides: { status?: 'ACTIVE' | 'INVITED' | 'DEACTIVATED'; passwordHash?: string } = {},
) {
  const tag = `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${tag}@example.test`,
      name: `Test ${role.toLowerCase()} ${tag}`,
      role,
      status: overrides.status ?? 'ACTIVE',
      passwordHash: overrides.passwordHash,
    },
  });
}

export async function createIssue(db: Db, opts: { state?: IssueState; number?: number; sections?: string[] } = {}) {
  const state = opts.state ?? 'PUBLISHED';
  return db.issue.create({
    data: {
      number: opts.number ?? (await uniqueIssueNumber()),
      coverLabel: 'Test 2002',
      coverDate: new Date('2002-06-01'),
      state,
      publishedAt: state === 'PUBLISHED' ? new Date('2002-06-01T09:00:00Z') : null,
      sections: {
        create: (opts.sections ?? ['Lead', 'Meetings and Policy']).map((title, position) => ({ title, position })),
      },
    },
    include: { sections: { orderBy: { position: 'asc' } } },
  });
}

export async function createItem(
  db: Db,
  opts: {
    authorId: string;
    title?: string;
    kind?: ItemKind;
    state?: ItemState;
    section?: { id: string; issueId: string };
    position?: number;
    meetingId?: string;
    publicationId?: string;
    paragraphs?: string[];
  },
) {
  const body = docFromParagraphs(opts.paragraphs ?? ['A paragraph of test text.']);
  const state = opts.state ?? 'DRAFT';
  return db.item.create({
    data: {
      kind: opts.kind ?? 'ARTICLE',
      title: opts.title ?? `Test item ${randomInt(1e9)}`,
      slug: uniqueSlug(),
      standfirst: 'A standfirst.',
      body,
      bodyText: toPlainText(body),
      state,
      publishedAt: state === 'PUBLISHED' ? new Date('2002-06-01T09:00:00Z') : null,
      authorId: opts.authorId,
      issueId: opts.section?.issueId,
      sectionId: opts.section?.id,
      position: opts.position ?? 0,
      meetingId: opts.meetingId,
      publicationId: opts.publicationId,
    },
  });
}

export async function createMeeting(db: Db, overrides: { startDate?: Date; endDate?: Date } = {}) {
  return db.meeting.create({
    data: {
      name: `Test meeting ${randomInt(1e9)}`,
      startDate: overrides.startDate ?? new Date('2002-02-26'),
      endDate: overrides.endDate ?? new Date('2002-02-28'),
      city: 'Bali',
      country: 'Indonesia',
    },
  });
}
