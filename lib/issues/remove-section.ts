import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { NotAllowedError } from '@/lib/errors';
import { renumberSections } from './tx';
import { writeSection } from './write-issue';

/**
 * Removes an empty section. A section that holds items is refused with a message saying how many:
 * items are never dropped from an issue as a side effect.
 */
export async function removeSection(actor: Actor, sectionId: string): Promise<{ version: number }> {
  const person = enforceCan(actor, 'issue.manage');
  return writeSection(person.id, sectionId, async ({ tx, issue, section, bumpVersion }) => {
    const held = await tx.item.count({ where: { sectionId } });
    if (held > 0) {
      throw new NotAllowedError(
        `The section "${section.title}" holds ${held === 1 ? 'an item' : `${held} items`}: move ${held === 1 ? 'it' : 'them'} to another section or remove ${held === 1 ? 'it' : 'them'} from the issue first.`,
      );
    }
    await tx.section.delete({ where: { id: sectionId } });
    await renumberSections(tx, issue.id);
    const version = await bumpVersion((version) => ({
      action: 'issue.removeSection',
      data: { sectionId, title: section.title, version },
    }));
    return { version };
  });
}
