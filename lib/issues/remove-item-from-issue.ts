import 'server-only';
import { decideItem, type Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { ConflictError, NotAllowedError, NotFoundError, enforce } from '@/lib/errors';
import { lockItem } from './place-item';
import { renumberSectionItems } from './tx';
import { writeIssue } from './write-issue';

/**
 * Takes an item out of its issue (it stays in its workflow state, unplaced). A published item is
 * refused: taking it out would unpublish it without saying so; unpublish the issue first.
 * Calling it for an item in no issue changes nothing.
 */
export async function removeItemFromIssue(
  actor: Actor,
  itemId: string,
): Promise<{ removed: boolean; version: number | null }> {
  const person = enforceCan(actor, 'issue.manage');
  const found = await getDb().item.findUnique({
    where: { id: itemId },
    select: { issueId: true, authorId: true, state: true },
  });
  if (!found) throw new NotFoundError();
  enforce(decideItem(person, 'item.place', found));
  if (!found.issueId) return { removed: false, version: null };
  const issueId = found.issueId;

  return writeIssue(person.id, issueId, async ({ tx, issue, bumpVersion }) => {
    const item = await lockItem(tx, itemId);
    if (item.issueId !== issueId) {
      if (item.issueId === null) return { removed: false, version: null };
      throw new ConflictError({ itemId, issueId: item.issueId }, 'This item was moved to another issue meanwhile.');
    }
    if (item.state === 'PUBLISHED')
      throw new NotAllowedError(
        `"${item.title}" is published with this issue: unpublish the issue before taking it out.`,
      );
    await tx.item.update({ where: { id: itemId }, data: { issueId: null, sectionId: null, position: 0 } });
    await renumberSectionItems(tx, item.sectionId!);
    const version = await bumpVersion((version) => ({
      action: 'item.removeFromIssue',
      entity: { type: 'Item', id: itemId },
      data: { issueId, issueNumber: issue.number, sectionId: item.sectionId, issueVersion: version },
    }));
    return { removed: true, version };
  });
}
