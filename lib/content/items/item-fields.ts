import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import { tagSlug } from '@/lib/validation/slug';
import { dateFromIso, isoFromDate } from '@/lib/validation/common';
import { docFromParagraphs, parseRichText, toPlainText } from '@/lib/rich-text/document';
import type { ItemFields } from '@/lib/validation/item';
import type { FieldErrors } from '@/lib/validation/field-errors';
import { readSnapshot, type ItemSnapshot } from './snapshot';

/** Internal to lib/content/items: reading and writing an item's editable fields and their rows. */

export type Tx = Prisma.TransactionClient;

/**
 * Checks what the schema cannot: that linked records exist and that the slug is free within the
 * item's bulletin issue. Returns field errors (empty when fine) and the linked records' labels.
 */
export async function checkReferences(
  db: Db,
  fields: Pick<ItemFields, 'slug' | 'meetingId' | 'publicationId'>,
  item: { id: string | null; issueId: string | null },
): Promise<{ fieldErrors: FieldErrors; meetingLabel: string | null; publicationLabel: string | null }> {
  const [meeting, publication, slugTaken] = await Promise.all([
    fields.meetingId ? db.meeting.findUnique({ where: { id: fields.meetingId }, select: { name: true } }) : null,
    fields.publicationId
      ? db.publication.findUnique({ where: { id: fields.publicationId }, select: { title: true } })
      : null,
    item.issueId
      ? db.item.findFirst({
          where: { issueId: item.issueId, slug: fields.slug, ...(item.id ? { id: { not: item.id } } : {}) },
          select: { id: true },
        })
      : null,
  ]);
  const fieldErrors: FieldErrors = {};
  if (fields.meetingId && !meeting) fieldErrors.meetingId = ['That meeting no longer exists: choose another.'];
  if (fields.publicationId && !publication)
    fieldErrors.publicationId = ['That publication no longer exists: choose another.'];
  if (slugTaken) fieldErrors.slug = [slugTakenMessage];
  return { fieldErrors, meetingLabel: meeting?.name ?? null, publicationLabel: publication?.title ?? null };
}

export const slugTakenMessage = 'Another item in this bulletin issue already uses this slug: choose another.';

/** The columns of Item that hold editable fields. */
export function itemColumns(fields: ItemFields) {
  return {
    title: fields.title,
    slug: fields.slug,
    standfirst: fields.standfirst,
    body: fields.body as unknown as Prisma.InputJsonValue,
    bodyText: toPlainText(fields.body),
    meetingId: fields.meetingId,
    publicationId: fields.publicationId,
  };
}

/**
 * Replaces an item's sources (in order) and tags (existing tags picked, new ones created).
 * Returns the tags as stored: an existing tag keeps its own spelling ("indonesia" picks "Indonesia").
 */
export async function writeSourcesAndTags(
  tx: Tx,
  itemId: string,
  fields: Pick<ItemFields, 'sources' | 'tags'>,
): Promise<ItemSnapshot['tags']> {
  await tx.source.deleteMany({ where: { itemId } });
  if (fields.sources.length > 0) {
    await tx.source.createMany({
      data: fields.sources.map((s, position) => ({
        itemId,
        position,
        name: s.name,
        url: s.url,
        date: dateFromIso(s.date),
      })),
    });
  }
  await tx.itemTag.deleteMany({ where: { itemId } });
  if (fields.tags.length > 0) {
    const wanted = fields.tags.map((t) => ({ kind: t.kind, name: t.name, slug: tagSlug(t.name) }));
    // ON CONFLICT DO NOTHING: two people adding the same new tag at once both end up with the one row.
    await tx.tag.createMany({ data: wanted, skipDuplicates: true });
    const tags = await tx.tag.findMany({
      where: { OR: wanted.map(({ kind, slug }) => ({ kind, slug })) },
      select: { id: true, kind: true, name: true },
    });
    await tx.itemTag.createMany({ data: tags.map((t) => ({ itemId, tagId: t.id })), skipDuplicates: true });
    return sortTags(tags.map(({ kind, name }) => ({ kind, name })));
  }
  return [];
}

const TAG_KIND_ORDER = ['COUNTRY', 'REGION', 'THEME'];

/** Tags have no order of their own: snapshots list them by kind, then name. */
export function sortTags<T extends { kind: string; name: string }>(tags: T[]): T[] {
  return [...tags].sort(
    (a, b) =>
      TAG_KIND_ORDER.indexOf(a.kind) - TAG_KIND_ORDER.indexOf(b.kind) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** The snapshot of fields just written; `tags` as writeSourcesAndTags returned them. */
export function snapshotOf(
  fields: ItemFields,
  tags: ItemSnapshot['tags'],
  labels: { meetingLabel: string | null; publicationLabel: string | null },
): ItemSnapshot {
  return {
    title: fields.title,
    slug: fields.slug,
    standfirst: fields.standfirst,
    body: fields.body,
    tags: sortTags(tags),
    sources: fields.sources.map((s) => ({ name: s.name, url: s.url, date: s.date })),
    meetingId: fields.meetingId,
    publicationId: fields.publicationId,
    meetingLabel: fields.meetingId ? labels.meetingLabel : null,
    publicationLabel: fields.publicationId ? labels.publicationLabel : null,
  };
}

export const snapshotSelect = {
  title: true,
  slug: true,
  standfirst: true,
  body: true,
  bodyText: true,
  meetingId: true,
  publicationId: true,
  meeting: { select: { name: true } },
  publication: { select: { title: true } },
  sources: { orderBy: { position: 'asc' }, select: { name: true, url: true, date: true } },
  tags: { select: { tag: { select: { kind: true, name: true } } } },
} satisfies Prisma.ItemSelect;

export function snapshotFromRow(row: Prisma.ItemGetPayload<{ select: typeof snapshotSelect }>): ItemSnapshot {
  // A body the schema refuses (written around the application) must not reach the form as an empty
  // document, or the next autosave would erase it: fall back to its plain text, paragraph by paragraph.
  const body = parseRichText(row.body).ok ? row.body : docFromParagraphs(row.bodyText.split(/\n{2,}/));
  return readSnapshot({
    title: row.title,
    slug: row.slug,
    standfirst: row.standfirst,
    body,
    tags: sortTags(row.tags.map((t) => ({ kind: t.tag.kind, name: t.tag.name }))),
    sources: row.sources.map((s) => ({ name: s.name, url: s.url, date: isoFromDate(s.date) })),
    meetingId: row.meetingId,
    publicationId: row.publicationId,
    meetingLabel: row.meeting?.name ?? null,
    publicationLabel: row.publication?.title ?? null,
  });
}

/** A unique index refused the write (with the driver adapter, Prisma still reports P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

/** Locks the item's row until the transaction ends; false when there is no such item. */
export async function lockItemRow(tx: Tx, itemId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Item" WHERE "id" = ${itemId} FOR UPDATE`;
  return rows.length > 0;
}
