import 'server-only';
import type { ItemKind, ItemState } from '@/generated/prisma/enums';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotAllowedError, NotFoundError, ValidationError, enforce } from '@/lib/errors';
import { issueLabel, itemKindLabel } from '@/lib/format/labels';
import { isUniqueViolation, renumberSectionItems, type Tx } from './tx';
import { writeSection } from './write-issue';

export type PlaceItemResult = {
  itemId: string;
  issueId: string;
  sectionId: string;
  position: number;
  version: number;
  moved: boolean;
};

const kindPlural: Record<ItemKind, string> = {
  ARTICLE: 'articles',
  MEETING_REPORT: 'meeting reports',
  PUBLICATION_REVIEW: 'publication reviews',
};

export const slugTakenInIssueMessage = (slug: string, issueNumber: number) =>
  `Another item in ${issueLabel(issueNumber)} already uses the slug "${slug}": change this item's slug before placing it here.`;

/** Locks an item's row after its issue's (always in that order), and reads what placing needs. */
export async function lockItem(tx: Tx, itemId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Item" WHERE "id" = ${itemId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError();
  return tx.item.findUniqueOrThrow({
    where: { id: itemId },
    select: {
      id: true,
      title: true,
      slug: true,
      kind: true,
      state: true,
      authorId: true,
      issueId: true,
      sectionId: true,
      position: true,
    },
  });
}

/**
 * Places an item at the end of a section, or moves it to another section of the same issue.
 * An item belongs to at most one issue: one placed elsewhere is refused with where it is. Refused as
 * well: archived and published items, an item of a kind the section does not accept, a slug another
 * item of the issue uses (ValidationError on "slug"), and any placement into a published issue
 * (its items are published together; withdraw it first).
 */
export async function placeItem(actor: Actor, itemId: string, sectionId: string): Promise<PlaceItemResult> {
  const person = enforceCan(actor, 'issue.manage');
  try {
    return await writeSection(person.id, sectionId, async ({ tx, issue, section, record, bumpVersion }) => {
      const item = await lockItem(tx, itemId);
      enforce(decideItem(person, 'item.place', item));

      if (item.state === 'ARCHIVED')
        throw new NotAllowedError(`"${item.title}" is archived: it cannot be placed in an issue.`);
      if (item.issueId && item.issueId !== issue.id) {
        const other = await tx.issue.findUnique({ where: { id: item.issueId }, select: { number: true } });
        const where = other ? issueLabel(other.number) : 'another issue';
        throw new NotAllowedError(
          item.state === 'PUBLISHED'
            ? `"${item.title}" is published in ${where}.`
            : `"${item.title}" is already placed in ${where}: remove it from there first.`,
        );
      }
      if (item.state === 'PUBLISHED' && item.issueId !== issue.id)
        throw new NotAllowedError(`"${item.title}" is already published.`);
      if (issue.state === 'PUBLISHED')
        throw new NotAllowedError(
          `${issueLabel(issue.number)} is published: withdraw it before changing which items it holds.`,
        );
      if (item.sectionId === section.id)
        return { itemId, issueId: issue.id, sectionId, position: item.position, version: issue.version, moved: false };

      const acceptsKind = section.acceptsKind as ItemKind | null;
      if (acceptsKind && acceptsKind !== item.kind) {
        throw new ValidationError({
          sectionId: [
            `The section "${section.title}" accepts only ${kindPlural[acceptsKind]}; "${item.title}" is a ${itemKindLabel[item.kind].toLowerCase()}.`,
          ],
        });
      }
      if (item.issueId !== issue.id) {
        const clash = await tx.item.findFirst({
          where: { issueId: issue.id, slug: item.slug, id: { not: itemId } },
          select: { id: true },
        });
        if (clash) throw new ValidationError({ slug: [slugTakenInIssueMessage(item.slug, issue.number)] });
      }

      const last = await tx.item.aggregate({ where: { sectionId }, _max: { position: true } });
      await tx.item.update({
        where: { id: itemId },
        data: { issueId: issue.id, sectionId, position: (last._max.position ?? -1) + 1 },
      });
      await renumberSectionItems(tx, sectionId);
      if (item.sectionId) await renumberSectionItems(tx, item.sectionId);
      const placed = await tx.item.findUniqueOrThrow({ where: { id: itemId }, select: { position: true } });

      // The first item placed starts production of a planned issue.
      if (issue.state === 'PLANNED') {
        await tx.issue.update({ where: { id: issue.id }, data: { state: 'IN_PRODUCTION' } });
        await record({ action: 'issue.startProduction', fromState: 'PLANNED', toState: 'IN_PRODUCTION' });
      }
      const version = await bumpVersion((version) => ({
        action: item.issueId ? 'item.moveSection' : 'item.place',
        entity: { type: 'Item', id: itemId },
        data: {
          issueId: issue.id,
          issueNumber: issue.number,
          sectionId,
          fromSectionId: item.sectionId,
          position: placed.position,
          issueVersion: version,
          itemState: item.state as ItemState,
        },
      }));
      return { itemId, issueId: issue.id, sectionId, position: placed.position, version, moved: true };
    });
  } catch (e) {
    // Two placements racing for one slug: the unique index decides, the editor gets the same message.
    if (isUniqueViolation(e)) {
      const issue = await getDb().section.findUnique({
        where: { id: sectionId },
        select: { issue: { select: { number: true } } },
      });
      const item = await getDb().item.findUnique({ where: { id: itemId }, select: { slug: true } });
      throw new ValidationError({ slug: [slugTakenInIssueMessage(item?.slug ?? '', issue?.issue.number ?? 0)] });
    }
    throw e;
  }
}
