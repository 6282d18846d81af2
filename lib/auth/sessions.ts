import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Role, UserStatus } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db/client';
import { now } from '@/lib/clock';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/cookies';

/**
 * Server-side sessions (table Session). The cookie is a next-auth JWT, and next-auth re-signs it with
 * a fresh expiry on every GET /api/auth/session (core/routes/session.js: decode, jwt callback, encode
 * with maxAge from now), so neither the JWT's `exp` nor its claims can end a session. What ends one is
 * this row:
 *
 * - absolute lifetime: `expiresAt` = sign-in time + SESSION_MAX_AGE_SECONDS (12 hours), and the token's
 *   own `auth` claim (the sign-in time) is checked against the same limit;
 * - idle timeout: no back-office request for SecuritySettings.sessionIdleMinutes (default 120); calls
 *   to /api/auth/session do not count as activity;
 * - sign-out (`endSession`) and "sign out everywhere" / a password reset (`endAllSessions`).
 */
export const DEFAULT_IDLE_MINUTES = 120;
/** lastSeenAt is written at most this often per session, so a busy page costs one read, not a write. */
export const TOUCH_EVERY_MS = 60_000;

export type SessionEndReason = 'signOut' | 'signOutEverywhere' | 'passwordReset' | 'passwordChange' | 'twoFactorReset';

/** Opens a session for a person who just proved who they are; returns its id (for the token). */
export async function createSession(
  userId: string,
  options: { ip?: string | null; at?: Date; db?: Db | Prisma.TransactionClient } = {},
): Promise<{ id: string; createdAt: Date }> {
  const db = options.db ?? getDb();
  const createdAt = options.at ?? now();
  const id = randomBytes(24).toString('base64url');
  await db.session.create({
    data: {
      id,
      userId,
      createdAt,
      lastSeenAt: createdAt,
      expiresAt: new Date(createdAt.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      ip: options.ip ?? null,
    },
  });
  // Housekeeping: sessions past their absolute end for a day are of no use to anyone.
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date(createdAt.getTime() - 24 * 60 * 60 * 1000) } } });
  return { id, createdAt };
}

/** Ends one session (sign-out). Safe to call with an unknown or already ended id. */
export async function endSession(sessionId: string, reason: SessionEndReason, db: Db = getDb()): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: now(), endReason: reason },
  });
  return count === 1;
}

/** Ends every open session of a person, optionally all but one; returns how many. */
export async function endAllSessions(
  tx: Prisma.TransactionClient | Db,
  userId: string,
  reason: SessionEndReason,
  options: { except?: string } = {},
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, endedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { endedAt: now(), endReason: reason },
  });
  return count;
}

export type LiveSession = {
  sessionId: string;
  user: { id: string; role: Role; status: UserStatus; name: string; email: string; sessionVersion: number };
  /** Two-factor is required of this person (SecuritySettings) and they have not enrolled yet. */
  mustEnrolTwoFactor: boolean;
};

type Row = {
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  idleMinutes: number;
  requireTwoFactor: boolean | null;
  twoFactorOn: boolean;
  role: Role;
  status: UserStatus;
  name: string;
  email: string;
  sessionVersion: number;
};

/**
 * The person behind a session token's claims, if the session is still alive: one indexed read (the
 * session, its account and the idle setting in one statement), plus at most one write a minute to
 * record activity. Null when the session is unknown, ended, past its lifetime or idle too long, or
 * belongs to someone other than the token says.
 */
export async function resolveSession(
  claims: { sid: string; sub: string; auth: number },
  db: Db = getDb(),
): Promise<LiveSession | null> {
  const at = now();
  if (claims.auth * 1000 + SESSION_MAX_AGE_SECONDS * 1000 <= at.getTime()) return null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."userId", s."lastSeenAt", s."expiresAt", s."endedAt",
           COALESCE(c."sessionIdleMinutes", ${DEFAULT_IDLE_MINUTES}::int) AS "idleMinutes",
           c."requireTwoFactor", u."totpEnabledAt" IS NOT NULL AS "twoFactorOn",
           u."role"::text AS "role", u."status"::text AS "status", u."name", u."email", u."sessionVersion"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "SecuritySettings" c ON c."id" = 1
    WHERE s."id" = ${claims.sid}`;
  const row = rows[0];
  if (!row || row.userId !== claims.sub || row.endedAt) return null;
  if (row.expiresAt.getTime() <= at.getTime()) return null;
  if (row.lastSeenAt.getTime() + Number(row.idleMinutes) * 60_000 <= at.getTime()) return null;
  if (at.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: claims.sid, lastSeenAt: { lt: at } }, data: { lastSeenAt: at } });
  }
  return {
    sessionId: claims.sid,
    user: {
      id: row.userId,
      role: row.role,
      status: row.status,
      name: row.name,
      email: row.email,
      sessionVersion: Number(row.sessionVersion),
    },
    mustEnrolTwoFactor: row.requireTwoFactor === true && !row.twoFactorOn && row.role !== 'CONTRIBUTOR',
  };
}
