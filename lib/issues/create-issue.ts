import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { isoDate } from '@/lib/format/dates';
import { issueLabel } from '@/lib/format/labels';
import { effectiveSectionTemplate } from '@/lib/settings/section-template';
import { parseWith } from '@/lib/validation/field-errors';
import { createIssueSchema, type CreateIssueInput } from '@/lib/validation/issue';
import { isUniqueViolation } from './tx';

export type CreateIssueResult = { issueId: string; number: number; version: number; sectionIds: string[] };

export const issueNumberTakenMessage = (n: number) => `${issueLabel(n)} already exists: choose another number.`;

/**
 * Plans a new bulletin issue (state PLANNED) with the sections of the template in the publication
 * settings (the built-in template when none is set). Every field error at once; a number already in
 * use is one of them.
 */
export async function createIssue(actor: Actor, input: CreateIssueInput): Promise<CreateIssueResult> {
  const person = enforceCan(actor, 'issue.manage');
  const parsed = parseWith(createIssueSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { number, coverLabel, coverDate } = parsed.data;

  const db = getDb();
  if (await db.issue.findUnique({ where: { number }, select: { id: true } }))
    throw new ValidationError({ number: [issueNumberTakenMessage(number)] });

  try {
    return await db.$transaction(async (tx) => {
      const settings = await tx.publicationSettings.findUnique({ where: { id: 1 }, select: { sectionTemplate: true } });
      const template = effectiveSectionTemplate(settings?.sectionTemplate).entries;
      const issue = await tx.issue.create({
        data: {
          number,
          coverLabel,
          coverDate,
          sections: {
            create: template.map((s, position) => ({ title: s.title, acceptsKind: s.acceptsKind, position })),
          },
        },
        select: {
          id: true,
          number: true,
          version: true,
          sections: { orderBy: { position: 'asc' }, select: { id: true } },
        },
      });
      await recordEvent(tx, {
        actorId: person.id,
        action: 'issue.create',
        entityType: 'Issue',
        entityId: issue.id,
        toState: 'PLANNED',
        data: {
          number,
          coverLabel,
          coverDate: coverDate ? isoDate(coverDate) : null,
          sections: template.map((s) => s.title),
        },
      });
      return {
        issueId: issue.id,
        number: issue.number,
        version: issue.version,
        sectionIds: issue.sections.map((s) => s.id),
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError({ number: [issueNumberTakenMessage(number)] });
    throw e;
  }
}
