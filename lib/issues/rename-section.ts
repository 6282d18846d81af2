import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/validation/field-errors';
import { sectionTitleSchema } from '@/lib/validation/issue';
import { assertSectionTitleFree } from './sections';
import { writeSection } from './write-issue';

/** Renames a section (also of a published issue: the new heading shows on the next request). */
export async function renameSection(
  actor: Actor,
  sectionId: string,
  title: string,
): Promise<{ version: number; changed: boolean }> {
  const person = enforceCan(actor, 'issue.manage');
  const parsed = parseWith(sectionTitleSchema, title);
  if (!parsed.ok) throw new ValidationError({ title: parsed.fieldErrors[''] ?? ['Enter a section title.'] });

  return writeSection(person.id, sectionId, async ({ tx, issue, section, bumpVersion }) => {
    if (section.title === parsed.data) return { version: issue.version, changed: false };
    await assertSectionTitleFree(tx, issue.id, parsed.data, sectionId);
    await tx.section.update({ where: { id: sectionId }, data: { title: parsed.data } });
    const version = await bumpVersion((version) => ({
      action: 'issue.renameSection',
      data: { sectionId, before: section.title, after: parsed.data, version },
    }));
    return { version, changed: true };
  });
}
