import 'server-only';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { lockIssue, type LockedIssue, type Tx } from './tx';

export type LockedSection = { id: string; issueId: string; title: string; acceptsKind: string | null };

/** Finds a section and locks its issue: the start of every change to a section (see writeSection). */
export async function lockSectionIssue(
  tx: Tx,
  sectionId: string,
): Promise<{ issue: LockedIssue; section: LockedSection }> {
  const found = await tx.section.findUnique({ where: { id: sectionId }, select: { issueId: true } });
  if (!found) throw new NotFoundError();
  const issue = await lockIssue(tx, found.issueId);
  // Read again under the lock: it may have been removed while we waited.
  const section = await tx.section.findUnique({
    where: { id: sectionId },
    select: { id: true, issueId: true, title: true, acceptsKind: true },
  });
  if (!section) throw new NotFoundError();
  return { issue, section };
}

/** Section titles are unique within an issue (ignoring case), so the contents never repeat a heading. */
export async function assertSectionTitleFree(
  tx: Tx,
  issueId: string,
  title: string,
  exceptSectionId?: string,
): Promise<void> {
  // Compared here, not with Prisma's `equals` + `mode: 'insensitive'`: that becomes an unescaped
  // ILIKE, where "%" and "_" match anything and a trailing "\\" is a database error (a 500).
  const wanted = title.toLocaleLowerCase('und');
  const siblings = await tx.section.findMany({
    where: { issueId, ...(exceptSectionId ? { id: { not: exceptSectionId } } : {}) },
    select: { title: true },
  });
  const clash = siblings.some((s) => s.title.toLocaleLowerCase('und') === wanted);
  if (clash) throw new ValidationError({ title: [`This issue already has a section called "${title}".`] });
}
