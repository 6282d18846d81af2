import 'server-only';
import type { ItemKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { NotAllowedError, ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/validation/field-errors';
import { acceptsKindSchema } from '@/lib/validation/issue';
import { writeSection } from './write-issue';

/**
 * Restricts a section to one kind of item (null: any kind). Items already there of another kind stay
 * and show up as readiness blockers (returned here as mismatchedItemIds so the desk can say so); in a
 * published issue that would leave published content in the wrong place, so it is refused there.
 */
export async function setSectionKind(
  actor: Actor,
  sectionId: string,
  acceptsKind: ItemKind | null | '',
): Promise<{ version: number; mismatchedItemIds: string[] }> {
  const person = enforceCan(actor, 'issue.manage');
  const parsed = parseWith(acceptsKindSchema, acceptsKind);
  if (!parsed.ok)
    throw new ValidationError({ acceptsKind: parsed.fieldErrors[''] ?? ['Choose a kind of item, or any kind.'] });
  const kind = parsed.data;

  return writeSection(person.id, sectionId, async ({ tx, issue, section, bumpVersion }) => {
    const mismatched = kind
      ? await tx.item.findMany({
          where: { sectionId, kind: { not: kind } },
          select: { id: true },
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
        })
      : [];
    const mismatchedItemIds = mismatched.map((i) => i.id);
    if (section.acceptsKind === kind) return { version: issue.version, mismatchedItemIds };
    if (issue.state === 'PUBLISHED' && mismatchedItemIds.length > 0) {
      throw new NotAllowedError(
        `The section "${section.title}" of this published issue holds items of another kind: move them before restricting it.`,
      );
    }
    await tx.section.update({ where: { id: sectionId }, data: { acceptsKind: kind } });
    const version = await bumpVersion((version) => ({
      action: 'issue.setSectionKind',
      data: { sectionId, before: section.acceptsKind, after: kind, version },
    }));
    return { version, mismatchedItemIds };
  });
}
