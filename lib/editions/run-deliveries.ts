import 'server-only';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import { recordEvent } from '@/lib/audit/record-event';
import { getDb, type Db } from '@/lib/db/client';
import { mailFrom, smtpSettings } from '@/lib/mail/send-mail';
import { siteUrl } from '@/lib/site-url';
import { returnRateLimit, takeRateLimit, type RateLimit } from '@/lib/rate-limit/rate-limit';
import { oneClickPath, unsubscribePagePath, unsubscribeToken } from '@/lib/subscribers/tokens';
import { getMailingSettings } from './mailing-settings';
import { personaliseEdition, type PreparedEdition } from './render-edition';
import { classifySmtpError, CONNECTION_RETRY_MS, retryDelayMs, smtpAnswer } from './smtp-outcome';

/**
 * The delivery job: sends queued deliveries of e-mail editions through SMTP. Any number of runners
 * (app instances, processes) may run it at once.
 *
 * Claiming: one statement picks up to a batch of due rows with FOR UPDATE SKIP LOCKED and marks them
 * SENDING with this runner's lease token and a lease expiry, then commits: two runners never claim
 * the same row, and nobody holds a database lock while talking to the SMTP server.
 *
 * Sending, per message: (1) renew the lease, fenced on the lease token, still SENDING and the reader
 * still CONFIRMED: if this fails, someone else owns the row now (or it was cancelled) and it is left
 * alone; (2) the SMTP transaction; (3) mark SENT, fenced on the lease token, at once.
 *
 * A runner killed at any point leaves its rows SENDING; once their lease expires any runner claims
 * them again: no reader is skipped. The one window that can double a message is between the SMTP
 * server's "250 accepted" and step 3's commit (a few milliseconds): a runner killed exactly then has
 * sent a message it did not record, and the row is sent again after the lease. That is the trade-off
 * chosen, at-least-once over at-most-once: a reader may (very rarely) get the edition twice, never
 * not at all. The retried message is byte-for-byte the same, with the same Message-ID
 * (`<edition-…-<delivery id>@host>`), which lets receiving systems recognise the copy.
 *
 * Failures: 4xx → back in the queue with back-off (1, 2, 4… minutes), FAILED after the setting's
 * maximum of attempts; 5xx at RCPT → FAILED and the reader BOUNCED; other 5xx → FAILED; no answer at
 * all (connection, TLS, authentication) → back in the queue without using an attempt, batch stopped.
 * The send rate (messages per minute, MailingSettings) is taken from a PostgreSQL counter shared by
 * every runner before claiming.
 */

export type OutgoingMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
};

export type DeliveryTransport = { send(message: OutgoingMessage): Promise<{ response: string }>; close(): void };

/**
 * Nodemailer over the configured SMTP server, pooled (connections are reused across messages, up to
 * `maxConnections` at once). Plain and STARTTLS connections are opened here with TCP_NODELAY: without
 * it, Nagle's algorithm and the server's delayed ACK stall every message by about 40 ms (measured: 60
 * ms a message on loopback without, 11 ms with). Implicit TLS (SMTP_SECURE, port 465) is left to
 * nodemailer as it is.
 */
export function createSmtpDeliveryTransport(overrides: Record<string, unknown> = {}): DeliveryTransport {
  const options: Record<string, unknown> = {
    ...smtpSettings(),
    pool: true,
    maxConnections: 4,
    maxMessages: 500,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    ...overrides,
  };
  if (!options.secure && !options.getSocket) {
    options.getSocket = (
      o: { host?: string; port?: number; connectionTimeout?: number },
      callback: (err: Error | null, socket?: { connection: net.Socket }) => void,
    ) => {
      const socket = net.connect({ host: o.host ?? 'localhost', port: Number(o.port ?? 587) });
      socket.setNoDelay(true);
      socket.setTimeout(Number(o.connectionTimeout ?? 30_000));
      const fail = (err: Error) => {
        socket.destroy();
        callback(Object.assign(err, { code: 'ECONNECTION' }));
      };
      socket.once('timeout', () => fail(new Error('Connection timeout')));
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.setTimeout(0);
        socket.removeListener('error', fail);
        callback(null, { connection: socket });
      });
    };
  }
  const transporter = nodemailer.createTransport(options as nodemailer.TransportOptions);
  return {
    async send(message) {
      const info = (await transporter.sendMail(message)) as { response?: string };
      return { response: String(info.response ?? '250 accepted') };
    },
    close: () => transporter.close(),
  };
}

export const SEND_RATE_BUCKET = 'edition.send';
export const sendRateLimit = (perMinute: number): RateLimit => ({
  bucket: SEND_RATE_BUCKET,
  key: 'site',
  limit: perMinute,
  windowMs: 60_000,
});

export type DeliveryRunOptions = {
  transport: DeliveryTransport;
  db?: Db;
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  /** The clock (tests inject one). */
  now?: () => Date;
  /** Back-off after a temporary refusal (default: retryDelayMs). */
  retryDelay?: (attempt: number) => number;
  /** Messages in flight at once (each on its own pooled connection; default 4). */
  concurrency?: number;
  /** Called just before each SMTP transaction (tests use it to stop a runner at a chosen moment). */
  beforeSend?: (deliveryId: bigint) => Promise<void> | void;
};

export type DeliveryBatchResult = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Rows this runner no longer owned, or whose reader is no longer confirmed. */
  skipped: number;
  /** The send rate is used up until this time (nothing was claimed). */
  rateLimitedUntil: Date | null;
  /** A connection-level failure stopped the batch. */
  connectionError: string | null;
};

type Claimed = { id: bigint; editionId: string; subscriberId: string; email: string; preparedAt: Date | null };

const defaultWorkerId = () => `${hostname()}:${process.pid}`;

/** Prepared editions, rendered once at publication and read once per runner (per preparation). */
const preparedCache = new Map<string, PreparedEdition & { title: string }>();

async function prepared(db: Db, editionId: string, preparedAt: Date | null) {
  const key = `${editionId}:${preparedAt?.getTime() ?? 0}`;
  const hit = preparedCache.get(key);
  if (hit) return hit;
  const row = await db.edition.findUniqueOrThrow({
    where: { id: editionId },
    select: { subject: true, html: true, text: true, preparedAt: true },
  });
  const settings = await db.publicationSettings.findUnique({ where: { id: 1 }, select: { title: true } });
  const value = { subject: row.subject, html: row.html, text: row.text, title: settings?.title || 'Quire' };
  if (preparedCache.size > 20) preparedCache.clear();
  preparedCache.set(key, value);
  return value;
}

export async function runDeliveryBatch(options: DeliveryRunOptions): Promise<DeliveryBatchResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 300_000;
  const retryDelay = options.retryDelay ?? retryDelayMs;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const leaseToken = `${options.workerId ?? defaultWorkerId()}:${randomBytes(6).toString('hex')}`;
  const result: DeliveryBatchResult = {
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    skipped: 0,
    rateLimitedUntil: null,
    connectionError: null,
  };

  const settings = await getMailingSettings(db);
  const limit = sendRateLimit(settings.sendRatePerMinute);
  const start = now();
  const reservation = await takeRateLimit(db, limit, { want: batchSize, now: start });
  if (reservation.granted === 0) return { ...result, rateLimitedUntil: reservation.resetAt };

  const claimed = await db.$queryRaw<Claimed[]>`
    WITH picked AS (
      SELECT d."id" FROM "EditionDelivery" d
      JOIN "Edition" e ON e."id" = d."editionId" AND e."state" = 'SENDING'
      WHERE (d."status" = 'QUEUED' AND d."nextAttemptAt" <= ${start})
         OR (d."status" = 'SENDING' AND d."leaseExpiresAt" <= ${start})
      ORDER BY d."nextAttemptAt", d."id"
      LIMIT ${reservation.granted}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "EditionDelivery" d
    SET "status" = 'SENDING', "leaseToken" = ${leaseToken}, "leaseExpiresAt" = ${new Date(start.getTime() + leaseMs)}
    FROM picked, "Subscriber" s, "Edition" e
    WHERE d."id" = picked."id" AND s."id" = d."subscriberId" AND e."id" = d."editionId"
    RETURNING d."id", d."editionId", d."subscriberId", s."email", e."preparedAt"`;
  result.claimed = claimed.length;
  let unused = reservation.granted - claimed.length;
  claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const base = siteUrl();
  const host = new URL(base).hostname || 'localhost';
  const from = mailFrom();
  const touched = new Set<string>();

  // Up to `concurrency` messages in flight; each follows the same fenced steps on its own row.
  let next = 0;
  let stopped = false;
  const sendOne = async (row: Claimed): Promise<'stop' | void> => {
    touched.add(row.editionId);
    const t = now();
    // (1) Renew the lease, fenced: still ours, still SENDING, the reader still confirmed.
    const renewed = await db.$queryRaw<{ attempts: number }[]>`
      UPDATE "EditionDelivery" d
      SET "attempts" = d."attempts" + 1, "lastAttemptAt" = ${t}, "leaseExpiresAt" = ${new Date(t.getTime() + leaseMs)}
      WHERE d."id" = ${row.id} AND d."leaseToken" = ${leaseToken} AND d."status" = 'SENDING'
        AND EXISTS (SELECT 1 FROM "Subscriber" s WHERE s."id" = d."subscriberId" AND s."status" = 'CONFIRMED')
      RETURNING d."attempts"`;
    if (renewed.length === 0) {
      // Not ours any more, or cancelled, or the reader left meanwhile: then the row is cancelled.
      await db.$executeRaw`
        UPDATE "EditionDelivery" d SET "status" = 'CANCELLED', "leaseExpiresAt" = NULL
        WHERE d."id" = ${row.id} AND d."leaseToken" = ${leaseToken} AND d."status" = 'SENDING'`;
      result.skipped += 1;
      unused += 1;
      return;
    }
    const attempts = renewed[0]!.attempts;

    const edition = await prepared(db, row.editionId, row.preparedAt);
    const token = unsubscribeToken(settings.unsubscribeKey, row.subscriberId);
    const copy = personaliseEdition(edition, `${base}${unsubscribePagePath(token)}`);
    const message: OutgoingMessage = {
      from,
      to: row.email,
      subject: copy.subject,
      text: copy.text,
      html: copy.html,
      messageId: `<edition-${row.editionId}-${row.id}@${host}>`,
      headers: {
        'List-Unsubscribe': `<${base}${oneClickPath(token)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'List-Id': `${edition.title.replace(/["\\\r\n<>]/g, '')} <edition.${host}>`,
      },
    };

    try {
      await options.beforeSend?.(row.id);
      const answer = await options.transport.send(message);
      // (3) Recorded at once. A row cancelled meanwhile (withdrawal) was still sent: SENT is the truth.
      await db.$executeRaw`
        UPDATE "EditionDelivery"
        SET "status" = 'SENT', "sentAt" = ${now()}, "lastAnswer" = ${answer.response.slice(0, 500)},
            "leaseToken" = NULL, "leaseExpiresAt" = NULL
        WHERE "id" = ${row.id} AND "leaseToken" = ${leaseToken} AND "status" IN ('SENDING', 'CANCELLED')`;
      result.sent += 1;
    } catch (error) {
      const outcome = classifySmtpError(error);
      const answer = smtpAnswer(error);
      const at = now();
      if (outcome === 'connection') {
        // No answer about this message: back in the queue without using an attempt.
        await db.$executeRaw`
          UPDATE "EditionDelivery"
          SET "status" = 'QUEUED', "leaseToken" = NULL, "leaseExpiresAt" = NULL, "lastAnswer" = ${answer},
              "attempts" = GREATEST("attempts" - 1, 0), "nextAttemptAt" = ${new Date(at.getTime() + CONNECTION_RETRY_MS)}
          WHERE "id" = ${row.id} AND "leaseToken" = ${leaseToken} AND "status" = 'SENDING'`;
        unused += 1;
        result.connectionError = answer;
        return 'stop';
      }
      if (outcome === 'retry' && attempts < settings.maxAttempts) {
        await db.$executeRaw`
          UPDATE "EditionDelivery"
          SET "status" = 'QUEUED', "leaseToken" = NULL, "leaseExpiresAt" = NULL, "lastAnswer" = ${answer},
              "nextAttemptAt" = ${new Date(at.getTime() + retryDelay(attempts))}
          WHERE "id" = ${row.id} AND "leaseToken" = ${leaseToken} AND "status" = 'SENDING'`;
        result.retried += 1;
        return;
      }
      await db.$executeRaw`
        UPDATE "EditionDelivery"
        SET "status" = 'FAILED', "leaseToken" = NULL, "leaseExpiresAt" = NULL, "lastAnswer" = ${answer}
        WHERE "id" = ${row.id} AND "leaseToken" = ${leaseToken} AND "status" = 'SENDING'`;
      result.failed += 1;
      if (outcome === 'bounce') await markBounced(db, row.subscriberId, row.editionId, at);
    }
  };
  const worker = async () => {
    while (!stopped && next < claimed.length) {
      const row = claimed[next++]!;
      if ((await sendOne(row)) === 'stop') stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, claimed.length)) }, worker));
  if (stopped && next < claimed.length) {
    // A connection-level failure: the rows not started go back in the queue (they would fail the same way).
    const rest = claimed.slice(next).map((r) => r.id);
    await db.$executeRaw`
      UPDATE "EditionDelivery"
      SET "status" = 'QUEUED', "leaseToken" = NULL, "leaseExpiresAt" = NULL,
          "nextAttemptAt" = ${new Date(now().getTime() + CONNECTION_RETRY_MS)}
      WHERE "id" = ANY(${rest}::bigint[]) AND "leaseToken" = ${leaseToken} AND "status" = 'SENDING'`;
    unused += rest.length;
  }

  await returnRateLimit(db, limit, unused, { now: start });
  // Idle: also close editions whose last deliveries were cancelled by readers leaving, not sent here.
  await finishEditions(db, claimed.length === 0 ? null : [...touched], now());
  return result;
}

/** The server refused the address for good: no later edition is tried. */
async function markBounced(db: Db, subscriberId: string, editionId: string, at: Date) {
  await db.$transaction(async (tx) => {
    const changed = await tx.subscriber.updateMany({
      where: { id: subscriberId, status: 'CONFIRMED' },
      data: { status: 'BOUNCED', bouncedAt: at },
    });
    if (changed.count === 0) return;
    await tx.editionDelivery.updateMany({
      where: { subscriberId, status: 'QUEUED' },
      data: { status: 'CANCELLED' },
    });
    await recordEvent(tx, {
      actorId: null,
      action: 'subscriber.bounce',
      entityType: 'Subscriber',
      entityId: subscriberId,
      fromState: 'CONFIRMED',
      toState: 'BOUNCED',
      data: { editionId },
    });
  });
}

/**
 * Editions with nothing left to send become DONE, once (the conditional update decides who records
 * it). `null`: every edition still SENDING.
 */
async function finishEditions(db: Db, editionIds: string[] | null, at: Date) {
  if (editionIds?.length === 0) return;
  const done = await db.$queryRaw<{ id: string; issueId: string }[]>`
    UPDATE "Edition" e SET "state" = 'DONE', "finishedAt" = ${at}, "updatedAt" = ${at}
    WHERE (${editionIds === null} OR e."id" = ANY(${editionIds ?? []}::text[])) AND e."state" = 'SENDING'
      AND NOT EXISTS (SELECT 1 FROM "EditionDelivery" d WHERE d."editionId" = e."id" AND d."status" IN ('QUEUED', 'SENDING'))
    RETURNING e."id", e."issueId"`;
  for (const edition of done) {
    const counts = await db.editionDelivery.groupBy({
      by: ['status'],
      where: { editionId: edition.id },
      _count: { _all: true },
    });
    await recordEvent(db, {
      actorId: null,
      action: 'edition.done',
      entityType: 'Edition',
      entityId: edition.id,
      fromState: 'SENDING',
      toState: 'DONE',
      data: {
        issueId: edition.issueId,
        ...Object.fromEntries(counts.map((c) => [c.status.toLowerCase(), c._count._all])),
      },
    });
  }
}

/** Runs batches until there is nothing due (or the rate is used up); for tests, the bench and scripts. */
export async function runDeliveries(
  options: DeliveryRunOptions & { maxBatches?: number },
): Promise<DeliveryBatchResult> {
  const total: DeliveryBatchResult = {
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    skipped: 0,
    rateLimitedUntil: null,
    connectionError: null,
  };
  for (let n = 0; n < (options.maxBatches ?? Infinity); n++) {
    const r = await runDeliveryBatch(options);
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.retried += r.retried;
    total.failed += r.failed;
    total.skipped += r.skipped;
    total.rateLimitedUntil = r.rateLimitedUntil;
    total.connectionError = r.connectionError;
    if (r.claimed === 0 || r.connectionError) break;
  }
  return total;
}
