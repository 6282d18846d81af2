import 'server-only';
import QRCode from 'qrcode';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { now } from '@/lib/clock';
import { endAllSessions } from '@/lib/auth/sessions';
import { decryptSecret, encryptSecret } from '@/lib/auth/two-factor-crypto';
import {
  hashRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  verifySecondFactor,
} from '@/lib/auth/two-factor';
import { decideAccountAction } from './decide-account-action';

export type TwoFactorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };

/** Whether this person signs in with a second factor, for "Your account". */
export async function getTwoFactorStatus(actor: Actor): Promise<TwoFactorStatus> {
  const person = enforceCan(actor, 'account.twoFactor');
  const db = getDb();
  const [user, left] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: person.id }, select: { totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId: person.id, usedAt: null } }),
  ]);
  return { enabled: user.totpEnabledAt !== null, enabledAt: user.totpEnabledAt, recoveryCodesLeft: left };
}

export type Enrolment = { secret: string; uri: string; qrCode: string };

/**
 * The secret being set up (a new one, or the one already shown, so reloading the page does not
 * invalidate a QR code already scanned), with its otpauth:// URI and the QR code as an SVG data URL
 * made on the server (no script: the CSP allows data: images). Null when two-factor is already on.
 */
export async function startTwoFactorEnrolment(actor: Actor): Promise<Enrolment | null> {
  const person = enforceCan(actor, 'account.twoFactor');
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: person.id },
    select: { email: true, totpEnabledAt: true, totpPendingSecret: true },
  });
  if (user.totpEnabledAt) return null;
  let secret = user.totpPendingSecret ? decryptSecret(user.totpPendingSecret, person.id) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.user.update({ where: { id: person.id }, data: { totpPendingSecret: encryptSecret(secret, person.id) } });
  }
  const uri = otpauthUri(secret, user.email);
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` };
}

export const CODE_DID_NOT_MATCH =
  'That code did not match. Enter the 6 digits your app shows now (they change every 30 seconds).';
export const TOO_MANY_CODES = 'Too many wrong codes: try again in 15 minutes.';

/**
 * Turns two-factor on once the first code from the app matches the pending secret (throttled like
 * sign-in codes), with ten new recovery codes, returned once and stored hashed. That code's time step
 * is recorded, so it cannot be used again to sign in. Audit: 'account.enableTwoFactor'.
 */
export async function confirmTwoFactorEnrolment(options: {
  actor: Actor;
  ip: string | null;
  code: string;
}): Promise<{ recoveryCodes: string[] }> {
  const person = enforceCan(options.actor, 'account.twoFactor');
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: person.id },
    select: { totpEnabledAt: true, totpPendingSecret: true },
  });
  if (user.totpEnabledAt) throw new ValidationError({ code: ['Two-factor sign-in is already on.'] }, 'Already on.');
  const secret = user.totpPendingSecret ? decryptSecret(user.totpPendingSecret, person.id) : null;
  if (!secret || !user.totpPendingSecret)
    throw new ValidationError({ code: ['Reload the page to get a new QR code.'] }, 'Reload the page.');
  const check = await verifySecondFactor(
    { userId: person.id, code: options.code, ip: options.ip, pendingSecret: secret },
    db,
  );
  if (!check.ok) {
    const message = check.reason === 'throttled' ? TOO_MANY_CODES : CODE_DID_NOT_MATCH;
    throw new ValidationError({ code: [message] }, message);
  }
  const at = now();
  const step = matchingStep(secret, options.code.replace(/\s/g, ''), at);
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({
      where: { id: person.id, totpEnabledAt: null, totpPendingSecret: user.totpPendingSecret },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: at, totpLastStep: step },
    });
    if (claimed.count !== 1)
      throw new ValidationError({ code: ['Reload the page and try again.'] }, 'Reload the page.');
    await tx.recoveryCode.deleteMany({ where: { userId: person.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: person.id, codeHash: hashRecoveryCode(c), createdAt: at })),
    });
    await recordEvent(tx, {
      actorId: person.id,
      action: 'account.enableTwoFactor',
      entityType: 'User',
      entityId: person.id,
      ip: options.ip,
    });
  });
  return { recoveryCodes: codes };
}

/**
 * An admin resets another person's second factor (lost phone and codes): the secret and recovery codes
 * are deleted, every session of theirs ends, and they enrol again at their next sign-in if two-factor
 * is required. Audit: 'user.resetTwoFactor'.
 */
export async function resetTwoFactor(options: { actor: Actor; ip: string | null; userId: string }): Promise<object> {
  await getDb().$transaction(async (tx) => {
    await decideAccountAction(tx, options.actor, 'user.resetTwoFactor', options.userId);
    const before = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { totpEnabledAt: true } });
    await tx.user.update({
      where: { id: options.userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: options.userId } });
    const ended = await endAllSessions(tx, options.userId, 'twoFactorReset');
    await recordEvent(tx, {
      actorId: options.actor!.id,
      action: 'user.resetTwoFactor',
      entityType: 'User',
      entityId: options.userId,
      ip: options.ip,
      data: { wasEnabled: before.totpEnabledAt !== null, sessionsEnded: ended },
    });
  });
  return {};
}
