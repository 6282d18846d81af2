import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/validation/field-errors';
import { sectionInputSchema, type SectionInput } from '@/lib/validation/issue';
import { assertSectionTitleFree } from './sections';
import { writeIssue } from './write-issue';

/** Adds a section at the end of an issue. */
export async function addSection(
  actor: Actor,
  issueId: string,
  input: SectionInput,
): Promise<{ sectionId: string; position: number; version: number }> {
  const person = enforceCan(actor, 'issue.manage');
  const parsed = parseWith(sectionInputSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { title, acceptsKind } = parsed.data;

  return writeIssue(person.id, issueId, async ({ tx, bumpVersion }) => {
    await assertSectionTitleFree(tx, issueId, title);
    const position = await tx.section.count({ where: { issueId } });
    const section = await tx.section.create({ data: { issueId, title, acceptsKind, position }, select: { id: true } });
    const version = await bumpVersion((version) => ({
      action: 'issue.addSection',
      data: { sectionId: section.id, title, acceptsKind, position, version },
    }));
    return { sectionId: section.id, position, version };
  });
}
