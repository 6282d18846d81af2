/**
 * The demo seed: writes the content of ./demo-content.ts (settings, three accounts, issues N° 25 and
 * N° 26 with their sections, items, meetings, publications, tags, sources, revisions, a review comment
 * and a reader contribution).
 *
 * Idempotent: every row has a fixed id or is found by its unique key, and everything is written in
 * one transaction. Running it again puts the demo rows back exactly as seeded: the children of demo
 * items (sources, tags, revisions, review comments) are replaced, and the demo users keep their
 * password hash (the shared password is hashed only when an account has none).
 */
import type { Prisma } from '@/generated/prisma/client';
import type { ItemKind, TagKind } from '@/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import type { Db } from '@/lib/db/create-db';
import { parseRichText, toPlainText, type RichTextDoc } from '@/lib/rich-text/document';
import {
  DEMO_CONTRIBUTIONS,
  DEMO_ISSUES,
  DEMO_MEETINGS,
  DEMO_PASSWORD,
  DEMO_PUBLICATIONS,
  DEMO_SECTIONS,
  DEMO_SETTINGS,
  DEMO_TAGS,
  DEMO_USERS,
  type DemoIssue,
  type DemoItem,
  type DemoSectionKey,
  type DemoSource,
  type DemoTagKey,
  type DemoUserKey,
  type IsoDate,
} from './demo-content';

type Tx = Prisma.TransactionClient;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A calendar date for a @db.Date column: UTC midnight. */
const day = (date: IsoDate): Date => new Date(`${date}T00:00:00.000Z`);
const optionalDay = (date: IsoDate | null | undefined): Date | null => (date ? day(date) : null);
const json = (value: unknown): Prisma.InputJsonValue => value as Prisma.InputJsonValue;

/** Lowercase, hyphenated, ASCII: "Bosnia and Herzegovina" -> "bosnia-and-herzegovina". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const demoSectionId = (issue: DemoIssue, key: DemoSectionKey): string => `${issue.id}-section-${key}`;
const demoTagId = (kind: TagKind, slug: string): string => `demo-tag-${kind.toLowerCase()}-${slug}`;
const demoRevisionId = (item: DemoItem): string => `${item.id}-revision-1`;
const demoSourceId = (item: DemoItem, position: number): string => `${item.id}-source-${position}`;

interface PreparedItem {
  item: DemoItem;
  body: RichTextDoc;
  bodyText: string;
  position: number;
}

/**
 * Checks the demo content against the rules the database and the app enforce, so that a mistake in
 * demo-content.ts fails with a readable message instead of a constraint violation mid-transaction.
 */
function prepareIssue(issue: DemoIssue): PreparedItem[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const positions = new Map<DemoSectionKey, number>();
  const prepared: PreparedItem[] = [];

  for (const item of issue.items) {
    const where = `N° ${issue.number}, ${item.id}`;
    if (!SLUG.test(item.slug)) problems.push(`${where}: slug "${item.slug}" is not lowercase-hyphenated`);
    if (slugs.has(item.slug)) problems.push(`${where}: slug "${item.slug}" is used twice in the issue`);
    slugs.add(item.slug);

    const section = DEMO_SECTIONS.find((s) => s.key === item.section);
    if (!section) problems.push(`${where}: unknown section "${item.section}"`);
    else if (section.acceptsKind && section.acceptsKind !== item.kind)
      problems.push(`${where}: section "${section.title}" accepts only ${section.acceptsKind}`);

    if (item.meeting && item.kind !== 'MEETING_REPORT')
      problems.push(`${where}: only meeting reports link to a meeting`);
    if (item.publication && item.kind !== 'PUBLICATION_REVIEW')
      problems.push(`${where}: only reviews link to a publication`);
    const settled = item.state === 'APPROVED' || item.state === 'PUBLISHED';
    if (settled && item.kind === 'MEETING_REPORT' && !item.meeting)
      problems.push(`${where}: an approved meeting report needs a meeting`);
    if (settled && item.kind === 'PUBLICATION_REVIEW' && !item.publication)
      problems.push(`${where}: an approved review needs a publication`);
    if (item.state === 'PUBLISHED' && (issue.state !== 'PUBLISHED' || !issue.publishedAt))
      problems.push(`${where}: published items belong in a published issue`);
    if (issue.state === 'PUBLISHED' && item.state !== 'PUBLISHED')
      problems.push(`${where}: every item of a published issue is published`);

    const parsed = parseRichText(item.body);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `${where}: body ${p.path}: ${p.message}`));
      continue;
    }
    const bodyText = toPlainText(parsed.doc);
    for (const comment of item.comments ?? []) {
      if (comment.quote && !bodyText.includes(comment.quote))
        problems.push(`${where}: comment ${comment.id} quotes text not in the body`);
    }

    const position = positions.get(item.section) ?? 0;
    positions.set(item.section, position + 1);
    prepared.push({ item, body: parsed.doc, bodyText, position });
  }

  if (problems.length > 0) throw new Error(`Demo content is invalid:\n- ${problems.join('\n- ')}`);
  return prepared;
}

export async function seedDemo(db: Db): Promise<void> {
  // Validate everything before touching the database.
  const issues = DEMO_ISSUES.map((issue) => ({ issue, items: prepareIssue(issue) }));

  await db.$transaction(
    async (tx) => {
      await seedSettings(tx);
      const userIds = await seedUsers(tx);
      const tagIds = await seedTags(tx);
      await seedMeetingsAndPublications(tx);

      for (const { issue, items } of issues) {
        const issueId = await seedIssue(tx, issue);
        for (const prepared of items) await seedItem(tx, issue, issueId, prepared, userIds, tagIds);
      }

      await seedContributions(tx);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

async function seedSettings(tx: Tx): Promise<void> {
  const sectionTemplate = json(DEMO_SECTIONS.map(({ title, acceptsKind }) => ({ title, acceptsKind })));
  const data = { ...DEMO_SETTINGS, sectionTemplate };
  await tx.publicationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
}

/** Creates missing demo accounts; existing ones keep their password hash and get name, role and status back. */
async function seedUsers(tx: Tx): Promise<Record<DemoUserKey, string>> {
  let passwordHash: string | undefined;
  const sharedHash = async () => (passwordHash ??= await hashPassword(DEMO_PASSWORD));
  const ids = {} as Record<DemoUserKey, string>;

  for (const key of Object.keys(DEMO_USERS) as DemoUserKey[]) {
    const user = DEMO_USERS[key];
    const email = user.email.toLowerCase();
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing) {
      const accessChanged = existing.role !== user.role || existing.status !== 'ACTIVE';
      await tx.user.update({
        where: { id: existing.id },
        data: {
          name: user.name,
          role: user.role,
          status: 'ACTIVE',
          ...(existing.passwordHash ? {} : { passwordHash: await sharedHash() }),
          // A signed-in session must not outlive a change of role or status.
          ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}),
        },
      });
      ids[key] = existing.id;
    } else {
      const created = await tx.user.create({
        data: {
          id: user.id,
          email,
          name: user.name,
          role: user.role,
          status: 'ACTIVE',
          passwordHash: await sharedHash(),
          createdAt: new Date(user.createdAt),
        },
      });
      ids[key] = created.id;
    }
  }
  return ids;
}

async function seedTags(tx: Tx): Promise<Record<DemoTagKey, string>> {
  const ids = {} as Record<DemoTagKey, string>;
  for (const key of Object.keys(DEMO_TAGS) as DemoTagKey[]) {
    const { kind, name } = DEMO_TAGS[key];
    const slug = slugify(name);
    const tag = await tx.tag.upsert({
      where: { kind_slug: { kind, slug } },
      create: { id: demoTagId(kind, slug), kind, name, slug },
      update: { name },
    });
    ids[key] = tag.id;
  }
  return ids;
}

async function seedMeetingsAndPublications(tx: Tx): Promise<void> {
  for (const meeting of Object.values(DEMO_MEETINGS)) {
    const data = { ...meeting, startDate: optionalDay(meeting.startDate), endDate: optionalDay(meeting.endDate) };
    await tx.meeting.upsert({ where: { id: meeting.id }, create: data, update: data });
  }
  for (const publication of Object.values(DEMO_PUBLICATIONS)) {
    const data = { ...publication, date: optionalDay(publication.date) };
    await tx.publication.upsert({ where: { id: publication.id }, create: data, update: data });
  }
}

/** Upserts the issue (by number) and its sections (by id); returns the issue's id. */
async function seedIssue(tx: Tx, issue: DemoIssue): Promise<string> {
  const createdAt = new Date(issue.createdAt);
  const data = {
    coverLabel: issue.coverLabel,
    coverDate: day(issue.coverDate),
    state: issue.state,
    publishedAt: issue.publishedAt ? new Date(issue.publishedAt) : null,
    scheduledAt: null,
    version: 1,
    createdAt,
  };
  const row = await tx.issue.upsert({
    where: { number: issue.number },
    create: { id: issue.id, number: issue.number, ...data },
    update: data,
  });

  for (const [position, section] of DEMO_SECTIONS.entries()) {
    const id = demoSectionId(issue, section.key);
    const sectionData = {
      issueId: row.id,
      title: section.title,
      position,
      acceptsKind: section.acceptsKind as ItemKind | null,
      createdAt,
    };
    await tx.section.upsert({ where: { id }, create: { id, ...sectionData }, update: sectionData });
  }
  return row.id;
}

function sourceRow(source: DemoSource) {
  return { name: source.name, url: source.url ?? null, date: optionalDay(source.date) };
}

async function seedItem(
  tx: Tx,
  issue: DemoIssue,
  issueId: string,
  { item, body, bodyText, position }: PreparedItem,
  userIds: Record<DemoUserKey, string>,
  tagIds: Record<DemoTagKey, string>,
): Promise<void> {
  const createdAt = new Date(item.createdAt);
  const meetingId = item.meeting ? DEMO_MEETINGS[item.meeting].id : null;
  const publicationId = item.publication ? DEMO_PUBLICATIONS[item.publication].id : null;
  const itemTagIds = [...new Set(item.tags.map((key) => tagIds[key]))];
  const authorId = userIds[item.author];

  const data = {
    kind: item.kind,
    title: item.title,
    slug: item.slug,
    standfirst: item.standfirst,
    body: json(body),
    bodyText,
    state: item.state,
    version: 1,
    authorId,
    issueId,
    sectionId: demoSectionId(issue, item.section),
    position,
    meetingId,
    publicationId,
    publishedAt: item.state === 'PUBLISHED' && issue.publishedAt ? new Date(issue.publishedAt) : null,
    correctedAt: null,
    createdAt,
  };
  await tx.item.upsert({ where: { id: item.id }, create: { id: item.id, ...data }, update: data });

  // Children are replaced wholesale, with deterministic ids.
  await tx.source.deleteMany({ where: { itemId: item.id } });
  if (item.sources.length > 0) {
    await tx.source.createMany({
      data: item.sources.map((source, i) => ({
        id: demoSourceId(item, i),
        itemId: item.id,
        position: i,
        ...sourceRow(source),
      })),
    });
  }

  await tx.itemTag.deleteMany({ where: { itemId: item.id } });
  if (itemTagIds.length > 0)
    await tx.itemTag.createMany({ data: itemTagIds.map((tagId) => ({ itemId: item.id, tagId })) });

  // The first (and, in the demo, only) saved state of the item's editable fields.
  const revisionId = demoRevisionId(item);
  const snapshot = json({
    title: item.title,
    slug: item.slug,
    standfirst: item.standfirst,
    body,
    sources: item.sources.map((source) => {
      const row = sourceRow(source);
      return { name: row.name, url: row.url, date: source.date ?? null };
    }),
    tagIds: itemTagIds,
    meetingId,
    publicationId,
  });
  // Published items were filed by the editor; work in progress is saved by whoever wrote it.
  const revisionAuthorId = item.state === 'PUBLISHED' ? userIds.editor : authorId;
  await tx.revision.deleteMany({ where: { itemId: item.id, id: { not: revisionId } } });
  const revision = { itemId: item.id, number: 1, itemVersion: 1, authorId: revisionAuthorId, snapshot, createdAt };
  await tx.revision.upsert({ where: { id: revisionId }, create: { id: revisionId, ...revision }, update: revision });

  const comments = item.comments ?? [];
  await tx.reviewComment.deleteMany({ where: { itemId: item.id, id: { notIn: comments.map((c) => c.id) } } });
  for (const comment of comments) {
    const commentData = {
      itemId: item.id,
      authorId: userIds[comment.author],
      body: comment.body,
      quote: comment.quote,
      resolvedAt: null,
      resolvedById: null,
      createdAt: new Date(comment.createdAt),
    };
    await tx.reviewComment.upsert({
      where: { id: comment.id },
      create: { id: comment.id, ...commentData },
      update: commentData,
    });
  }
}

async function seedContributions(tx: Tx): Promise<void> {
  for (const contribution of DEMO_CONTRIBUTIONS) {
    const data = {
      name: contribution.name,
      email: contribution.email,
      organisation: contribution.organisation,
      kind: contribution.kind,
      message: contribution.message,
      consent: contribution.consent,
      status: 'NEW' as const,
      itemId: null,
      triagedById: null,
      triagedAt: null,
      createdAt: new Date(contribution.createdAt),
    };
    await tx.contribution.upsert({
      where: { id: contribution.id },
      create: { id: contribution.id, ...data },
      update: data,
    });
  }
}
