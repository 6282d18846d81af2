import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { sendMail, type Mail } from '@/lib/mail/send-mail';
import { CONSENT_TEXT, subscriberEmailField } from '@/lib/validation/subscriber';
import { parseCsv } from './csv';
import { confirmationMail } from './mails';
import { CONFIRM_TOKEN_LIFETIME_MS, hashConfirmToken, newConfirmToken } from './tokens';

export const IMPORT_MAX_ROWS = 10_000;
/** Each needs a confirmation mail, sent while the admin waits. */
export const IMPORT_MAX_TO_CONFIRM = 500;

export type ImportResult = {
  created: number;
  confirmed: number;
  pending: number;
  /** Addresses already on the list (left exactly as they are) or repeated in the file. */
  skipped: number;
  invalid: { line: number; reason: string }[];
};

/**
 * CSV import (admins). Columns email, name, organisation, in that order or named in a header row.
 * Addresses already on the list are left alone (an import never re-subscribes someone who left).
 *
 * - By default every new address is PENDING and gets a confirmation link: double opt-in as for the
 *   form, and nothing is sent to it until it is followed.
 * - With `consentElsewhere`, the admin states that these people agreed elsewhere (a paper form, a
 *   previous list): they are CONFIRMED at once, and the statement is kept with each of them
 *   (consentSource "import-consented", consentNote) and in the audit trail.
 */
export async function importSubscribers(
  actor: Actor,
  input: { csv: string; consentElsewhere: boolean; consentNote: string },
  ctx: { ip?: string | null; now?: Date } = {},
): Promise<ImportResult> {
  const person = enforceCan(actor, 'subscriber.manage');
  const now = ctx.now ?? new Date();
  if (input.consentElsewhere && !input.consentNote.trim())
    throw new ValidationError({
      consentNote: ['Say how and when these people agreed to receive the bulletin: it is kept with each address.'],
    });
  const rows = parseCsv(input.csv);
  const header = rows[0]?.map((c) => c.trim().toLowerCase()) ?? [];
  const hasHeader = header.includes('email') || header.includes('e-mail');
  const col = (name: string, fallback: number) => {
    const i = header.findIndex((h) => h === name || (name === 'email' && h === 'e-mail'));
    return hasHeader ? i : fallback;
  };
  const [emailCol, nameCol, orgCol] = [col('email', 0), col('name', 1), col('organisation', 2)];
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length > IMPORT_MAX_ROWS)
    throw new ValidationError({ csv: [`Import at most ${IMPORT_MAX_ROWS} rows at a time (this has ${data.length}).`] });

  const invalid: ImportResult['invalid'] = [];
  const wanted = new Map<string, { email: string; name: string; organisation: string }>();
  let skipped = 0;
  data.forEach((row, i) => {
    const line = i + (hasHeader ? 2 : 1);
    const parsed = subscriberEmailField.safeParse(row[emailCol] ?? '');
    if (!parsed.success) {
      invalid.push({ line, reason: `“${(row[emailCol] ?? '').slice(0, 80)}” is not an e-mail address.` });
      return;
    }
    if (wanted.has(parsed.data)) {
      skipped += 1;
      return;
    }
    wanted.set(parsed.data, {
      email: parsed.data,
      name: (nameCol >= 0 ? (row[nameCol] ?? '') : '').trim().slice(0, 120),
      organisation: (orgCol >= 0 ? (row[orgCol] ?? '') : '').trim().slice(0, 200),
    });
  });

  const db = getDb();
  const { result, mails } = await db.$transaction(
    async (tx) => {
      const existing = await tx.subscriber.findMany({
        where: { email: { in: [...wanted.keys()] } },
        select: { email: true },
      });
      for (const e of existing) wanted.delete(e.email);
      skipped += existing.length;
      const fresh = [...wanted.values()];
      if (!input.consentElsewhere && fresh.length > IMPORT_MAX_TO_CONFIRM)
        throw new ValidationError({
          csv: [
            `${fresh.length} new addresses would each get a confirmation mail now; import at most ${IMPORT_MAX_TO_CONFIRM} at a time.`,
          ],
        });
      const tokens = new Map<string, string>();
      const expiresAt = new Date(now.getTime() + CONFIRM_TOKEN_LIFETIME_MS);
      const created = await tx.subscriber.createManyAndReturn({
        data: fresh.map((r) => {
          if (input.consentElsewhere)
            return {
              ...r,
              status: 'CONFIRMED' as const,
              consentText: 'Consent collected outside Quire, as the administrator stated in the note.',
              consentSource: 'import-consented',
              consentNote: input.consentNote,
              confirmedAt: now,
            };
          const token = newConfirmToken();
          tokens.set(r.email, token);
          return {
            ...r,
            status: 'PENDING' as const,
            consentText: CONSENT_TEXT,
            consentSource: 'import',
            confirmTokenHash: hashConfirmToken(token),
            confirmTokenExpiresAt: expiresAt,
            confirmationSentAt: now,
          };
        }),
        select: { id: true, email: true, status: true },
      });
      await tx.auditEvent.createMany({
        data: created.map((s) => ({
          actorId: person.id,
          action: 'subscriber.import',
          entityType: 'Subscriber',
          entityId: s.id,
          toState: s.status,
          ip: ctx.ip ?? null,
          note: input.consentElsewhere ? input.consentNote : null,
          data: { source: input.consentElsewhere ? 'import-consented' : 'import' },
        })),
      });
      const mails: Mail[] = [];
      for (const s of created) {
        const token = tokens.get(s.email);
        if (token) mails.push(await confirmationMail(tx, s, token, expiresAt));
      }
      return {
        mails,
        result: {
          created: created.length,
          confirmed: created.filter((s) => s.status === 'CONFIRMED').length,
          pending: created.filter((s) => s.status === 'PENDING').length,
          skipped,
          invalid,
        },
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  for (const mail of mails) await sendMail(db, mail);
  return result;
}
