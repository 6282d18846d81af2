import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { TagKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { can } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ConflictError, ValidationError, mergeFieldErrors, type FieldErrors } from '@/lib/errors';
import { toPlainText } from '@/lib/rich-text/document';
import { dateFromIso } from '@/lib/validation/common';
import { fieldErrorsFromZod, parseWith } from '@/lib/validation/field-errors';
import { settingsSchema } from '@/lib/validation/settings';
import { slugFromTitle, toSlug } from '@/lib/validation/slug';
import { findImportOf, type PreviousImport } from './find-import';
import { importReviewSchema, reviewedItemSchema, type ReviewedItem, type StandingField } from './review-schema';
import { issueVisibilityChanged, settingsChanged as expireAllPages } from '@/lib/cache/invalidate';

/**
 * "Create issue" on the review screen: the reviewed proposal becomes one bulletin issue in ONE
 * transaction: the issue, its sections, every item (approved for an issue in production, or published
 * with the original date for a past one), the meetings and publications they are about (existing ones
 * reused), their tags, a first revision per item of kind IMPORT, the chosen settings, and one
 * 'issue.import' audit event holding the hash of the imported text. The same text imported again is
 * refused with a conflict unless the editor confirms it.
 *
 * The rows are written here with the transaction client on purpose: the issue, meeting and publication
 * modules are being reworked, and an import must not depend on their internals.
 */

export type CommitImportResult = { issueId: string; number: number; itemCount: number; settingsChanged: string[] };
export type DuplicateImportConflict = { duplicateOf: PreviousImport };

const IMPORT_TX = { maxWait: 10_000, timeout: 60_000 } as const;

type PreparedItem = ReviewedItem & { slug: string; sectionIndex: number; position: number; path: string };

function prefixed(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k ? `${prefix}.${k}` : prefix, v]));
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

export async function commitImport(actor: Actor, input: unknown): Promise<CommitImportResult> {
  const person = enforceCan(actor, 'issue.import');
  const parsed = parseWith(importReviewSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const review = parsed.data;
  let errors: FieldErrors = {};

  // Every kept item, checked on its own so that its errors keep their full paths.
  const items: PreparedItem[] = [];
  const sections: { title: string; acceptsKind: ReviewedItem['kind'] | null; items: PreparedItem[] }[] = [];
  const slugs = new Set<string>();
  review.sections.forEach((section, si) => {
    const kept: PreparedItem[] = [];
    section.items.forEach((raw, ii) => {
      if (raw.include === false) return;
      const path = `sections.${si}.items.${ii}`;
      const result = reviewedItemSchema.safeParse(raw);
      if (!result.success) {
        errors = mergeFieldErrors(errors, prefixed(fieldErrorsFromZod(result.error), path));
        return;
      }
      const item = result.data;
      if (section.acceptsKind && item.kind !== section.acceptsKind)
        errors = mergeFieldErrors(errors, {
          [`${path}.kind`]: ['This section takes only another kind of item: change the kind or the section.'],
        });
      if (item.kind === 'MEETING_REPORT' && !item.meetingId && !item.meeting)
        errors = mergeFieldErrors(errors, { [`${path}.meeting.name`]: ['Enter the name of the meeting.'] });
      if (item.kind === 'PUBLICATION_REVIEW' && !item.publicationId && !item.publication)
        errors = mergeFieldErrors(errors, { [`${path}.publication.title`]: ['Enter the title of the publication.'] });
      // Slugs are unique within the issue: the second "Information Exchange" becomes "information-exchange-2".
      const base = slugFromTitle(item.title);
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base.slice(0, 110)}-${n}`;
      slugs.add(slug);
      kept.push({ ...item, slug, sectionIndex: sections.length, position: kept.length, path });
    });
    if (kept.length > 0) {
      sections.push({ title: section.title, acceptsKind: section.acceptsKind, items: kept });
      items.push(...kept);
    }
  });
  if (items.length === 0 && Object.keys(errors).length === 0)
    errors[''] = ['Keep at least one item: every item is left out.'];

  const published = review.mode === 'published';
  const publishedOn = review.publishedOn ?? review.issue.coverDate;
  if (published && !publishedOn) errors.publishedOn = ['Enter the day the issue was published (or its cover date).'];
  if (published && !review.issue.coverLabel) errors['issue.coverLabel'] = ['A published issue needs its cover label.'];

  // Standing matter: only admins change the settings, and only with values the settings form would take.
  const apply = [...new Set(review.applyStanding)] as StandingField[];
  let settingsValues: Partial<Record<StandingField, string>> = {};
  if (apply.length > 0) {
    if (!can(person, 'settings.edit'))
      errors.applyStanding = ['Only administrators may change the publication settings.'];
    else {
      const pick = Object.fromEntries(apply.map((f) => [f, true])) as Record<StandingField, true>;
      const checked = settingsSchema
        .pick(pick)
        .safeParse(Object.fromEntries(apply.map((f) => [f, review.standing[f] ?? ''])));
      if (!checked.success) errors = mergeFieldErrors(errors, prefixed(fieldErrorsFromZod(checked.error), 'standing'));
      else settingsValues = checked.data as Partial<Record<StandingField, string>>;
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const db = getDb();
  const numberTaken = () =>
    new ValidationError({ 'issue.number': [`N° ${review.issue.number} already exists: choose another number.`] });
  try {
    return await db.$transaction(async (tx) => {
      // One import of a given text at a time, so two editors importing it at once are told about each other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quire-import:${review.hash}`}, 0))`;
      const previous = await findImportOf(tx, review.hash);
      if (previous && !review.confirmDuplicate)
        throw new ConflictError<DuplicateImportConflict>(
          { duplicateOf: previous },
          `This text was imported before, as N° ${previous.number}. Tick “Import it again anyway” to import it once more.`,
        );
      if (await tx.issue.findUnique({ where: { number: review.issue.number }, select: { id: true } }))
        throw numberTaken();

      const now = new Date();
      const publishedAt = published ? dateFromIso(publishedOn!) : null;
      const issue = await tx.issue.create({
        data: {
          number: review.issue.number,
          coverLabel: review.issue.coverLabel,
          coverDate: dateFromIso(review.issue.coverDate),
          state: published ? 'PUBLISHED' : 'IN_PRODUCTION',
          publishedAt,
        },
        select: { id: true },
      });
      const sectionIds: string[] = [];
      for (const [position, s] of sections.entries()) {
        const row = await tx.section.create({
          data: { issueId: issue.id, title: s.title, acceptsKind: s.acceptsKind, position },
          select: { id: true },
        });
        sectionIds.push(row.id);
      }

      let meetingsCreated = 0;
      let publicationsCreated = 0;
      const meetingsReused = new Set<string>();
      const publicationsReused = new Set<string>();
      const referenceErrors: FieldErrors = {};
      const itemIds: string[] = [];
      for (const item of items) {
        const path = item.path;
        let meetingId: string | null = null;
        let meetingLabel: string | null = null;
        if (item.kind === 'MEETING_REPORT') {
          if (item.meetingId) {
            const existing = await tx.meeting.findUnique({
              where: { id: item.meetingId },
              select: { id: true, name: true },
            });
            if (!existing)
              referenceErrors[`${path}.meeting.name`] = ['That meeting no longer exists: create it from the fields.'];
            else {
              meetingId = existing.id;
              meetingLabel = existing.name;
              meetingsReused.add(existing.id);
            }
          } else if (item.meeting) {
            const m = item.meeting;
            const row = await tx.meeting.create({
              data: { ...m, startDate: dateFromIso(m.startDate), endDate: dateFromIso(m.endDate) },
              select: { id: true, name: true },
            });
            meetingId = row.id;
            meetingLabel = row.name;
            meetingsCreated++;
          }
        }
        let publicationId: string | null = null;
        let publicationLabel: string | null = null;
        if (item.kind === 'PUBLICATION_REVIEW') {
          if (item.publicationId) {
            const existing = await tx.publication.findUnique({
              where: { id: item.publicationId },
              select: { id: true, title: true },
            });
            if (!existing)
              referenceErrors[`${path}.publication.title`] = [
                'That publication no longer exists: create it from the fields.',
              ];
            else {
              publicationId = existing.id;
              publicationLabel = existing.title;
              publicationsReused.add(existing.id);
            }
          } else if (item.publication) {
            const p = item.publication;
            const row = await tx.publication.create({
              data: { ...p, date: dateFromIso(p.date) },
              select: { id: true, title: true },
            });
            publicationId = row.id;
            publicationLabel = row.title;
            publicationsCreated++;
          }
        }
        const created = await tx.item.create({
          data: {
            kind: item.kind,
            title: item.title,
            slug: item.slug,
            standfirst: item.standfirst,
            body: item.body as unknown as Prisma.InputJsonValue,
            bodyText: toPlainText(item.body),
            state: published ? 'PUBLISHED' : 'APPROVED',
            version: 1,
            authorId: person.id,
            issueId: issue.id,
            sectionId: sectionIds[item.sectionIndex]!,
            position: item.position,
            meetingId,
            publicationId,
            publishedAt,
          },
          select: { id: true },
        });
        itemIds.push(created.id);
        const tags = await writeTags(tx, created.id, item.tags);
        await tx.revision.create({
          data: {
            itemId: created.id,
            number: 1,
            kind: 'IMPORT',
            itemVersion: 1,
            authorId: person.id,
            createdAt: now,
            // The shape of lib/content/items/snapshot.ts (ItemSnapshot); tests read it back with readSnapshot.
            snapshot: {
              title: item.title,
              slug: item.slug,
              standfirst: item.standfirst,
              body: item.body,
              tags,
              sources: [],
              meetingId,
              publicationId,
              meetingLabel,
              publicationLabel,
            } as unknown as Prisma.InputJsonValue,
          },
        });
      }
      if (Object.keys(referenceErrors).length > 0) throw new ValidationError(referenceErrors);

      const settingsChanged = await applySettings(tx, person.id, settingsValues);

      await recordEvent(tx, {
        actorId: person.id,
        action: 'issue.import',
        entityType: 'Issue',
        entityId: issue.id,
        toState: published ? 'PUBLISHED' : 'IN_PRODUCTION',
        note: review.fileName ? `Imported from ${review.fileName}` : 'Imported from pasted text',
        data: {
          textHash: review.hash,
          number: review.issue.number,
          mode: review.mode,
          fileName: review.fileName ?? null,
          sections: sections.map((s) => s.title),
          itemCount: items.length,
          meetingsCreated,
          meetingsReused: meetingsReused.size,
          publicationsCreated,
          publicationsReused: publicationsReused.size,
          settingsChanged,
          duplicateConfirmed: !!previous,
        },
      });
      // An issue imported as published, or settings taken from it, show on public pages (lib/cache).
      if (settingsChanged.length > 0) await expireAllPages(tx);
      else if (published) await issueVisibilityChanged(tx, review.issue.number);
      return { issueId: issue.id, number: review.issue.number, itemCount: items.length, settingsChanged };
    }, IMPORT_TX);
  } catch (e) {
    if (isUniqueViolation(e)) throw numberTaken();
    throw e;
  }
}

/** Tags of one item: existing ones picked by kind and slug (their own spelling kept), new ones created. */
async function writeTags(tx: Prisma.TransactionClient, itemId: string, tags: { kind: TagKind; name: string }[]) {
  const wanted = new Map<string, { kind: TagKind; name: string; slug: string }>();
  for (const t of tags) {
    const slug = toSlug(t.name);
    if (slug) wanted.set(`${t.kind}:${slug}`, { kind: t.kind, name: t.name, slug });
  }
  if (wanted.size === 0) return [];
  const list = [...wanted.values()];
  await tx.tag.createMany({ data: list, skipDuplicates: true });
  const rows = await tx.tag.findMany({
    where: { OR: list.map(({ kind, slug }) => ({ kind, slug })) },
    select: { id: true, kind: true, name: true },
  });
  await tx.itemTag.createMany({ data: rows.map((r) => ({ itemId, tagId: r.id })), skipDuplicates: true });
  const order = ['COUNTRY', 'REGION', 'THEME'];
  return rows
    .map(({ kind, name }) => ({ kind, name }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The standing matter the admin chose, written to the settings row with its own 'settings.update' event. */
async function applySettings(
  tx: Prisma.TransactionClient,
  actorId: string,
  values: Partial<Record<StandingField, string>>,
): Promise<string[]> {
  const fields = Object.keys(values) as StandingField[];
  if (fields.length === 0) return [];
  await tx.$queryRaw`SELECT "id" FROM "PublicationSettings" WHERE "id" = 1 FOR UPDATE`;
  const current = await tx.publicationSettings.findUnique({ where: { id: 1 } });
  const changed = fields.filter((f) => (current?.[f] ?? '') !== values[f]);
  if (changed.length === 0) return [];
  const data = Object.fromEntries(changed.map((f) => [f, values[f]!]));
  // A new version: an admin with the settings form open is told, not overwritten (lib/settings/update-settings.ts).
  if (current) await tx.publicationSettings.update({ where: { id: 1 }, data: { ...data, version: { increment: 1 } } });
  else await tx.publicationSettings.create({ data: { id: 1, title: values.title ?? 'Bulletin', ...data } });
  await recordEvent(tx, {
    actorId,
    action: 'settings.update',
    entityType: 'PublicationSettings',
    entityId: '1',
    note: 'Standing matter taken from an imported bulletin',
    data: {
      changed,
      before: Object.fromEntries(changed.map((f) => [f, current?.[f] ?? null])),
      after: Object.fromEntries(changed.map((f) => [f, values[f]!])),
    },
  });
  return changed;
}
