/**
 * A delivery runner killed mid-batch (SIGKILL, a real child process: no finally blocks, no clean-up)
 * and another started after it: no reader skipped, none sent the edition twice.
 *
 * The kill lands while the SMTP server holds a message without having answered it, with the rest of
 * the runner's batch claimed and unsent: the moment a crash leaves the most behind. The runner sends
 * one message at a time here, so that moment is exact (with N in flight, N messages could be between
 * the server's 250 and the runner's record of it: the window described in run-deliveries.ts). The server counts a
 * message only once it has answered 250, as a real MTA does (a connection lost before that answer is
 * not a delivery), so this is the honest test of "nothing skipped, nothing doubled". The one window it
 * cannot close, a crash between the server's 250 and the runner's commit, is described in
 * lib/editions/run-deliveries.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishIssue } from '@/lib/issues/publish-issue';
import { runDeliveries } from '@/lib/editions/run-deliveries';
import { getMailingSettings } from '@/lib/editions/mailing-settings';
import { freshDatabase } from '../helpers/db';
import { createDb, type Db } from '@/lib/db/client';
import { createPeople, createReadyIssue } from '../helpers/issue-fixtures';
import { startTestSmtp } from '../helpers/smtp';

process.env.NEXTAUTH_URL = 'http://quire.test';
delete process.env.SMTP_HOST;

let db: Db;
let url: string;
const holder = globalThis as unknown as { quireDb?: Db };
beforeAll(async () => {
  url = await freshDatabase();
  db = createDb(url);
  holder.quireDb = db;
  await getMailingSettings(db);
  await db.mailingSettings.update({ where: { id: 1 }, data: { sendRatePerMinute: 100_000 } });
});
afterAll(async () => {
  delete holder.quireDb;
  await db.$disconnect();
});
/** Long enough that the dead runner's rows are still leased when the successor first looks, on a busy machine. */
const LEASE_MS = 60_000;

function startChild(port: number, leaseMs: number, batch: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'tests/helpers/delivery-child.ts',
      url,
      String(port),
      String(leaseMs),
      String(batch),
      '1', // one message in flight at a time
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NEXTAUTH_URL: 'http://quire.test' } },
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
  return { child, ready };
}

describe('a delivery runner killed mid-batch', () => {
  it('leaves no address skipped and none doubled once another runner takes over after the lease', async () => {
    const people = await createPeople(db);
    const emails = Array.from({ length: 60 }, (_, i) => `crash-${i}-${Date.now().toString(36)}@readers.test`);
    await db.subscriber.createMany({
      data: emails.map((email) => ({
        email,
        status: 'CONFIRMED' as const,
        consentText: 'test',
        consentSource: 'form',
        confirmedAt: new Date(),
      })),
    });

    let child: ChildProcess | null = null;
    let killed: (() => void) | null = null;
    const killedNow = new Promise<void>((r) => (killed = r));
    let seen = 0;
    const server = await startTestSmtp({
      // The 23rd message (inside the runner's second batch of 20): the server holds it unanswered and
      // the runner is killed; the connection then drops, so that message never got its 250.
      onData: async () => {
        seen += 1;
        if (seen === 23 && child) {
          child.kill('SIGKILL');
          killed!();
          await new Promise((r) => setTimeout(r, 200));
          return { code: 421, message: 'connection lost' };
        }
        return null;
      },
    });
    try {
      const { issue } = await createReadyIssue(db);
      const version = (await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).version;
      await publishIssue(people.editor, issue.id, { expectedVersion: version });

      const started = startChild(server.port, LEASE_MS, 20);
      child = started.child;
      await started.ready;
      await killedNow;
      await new Promise<void>((r) =>
        child!.exitCode !== null || child!.signalCode ? r() : child!.once('exit', () => r()),
      );
      expect(child.signalCode).toBe('SIGKILL');

      const accepted = server.received.length;
      expect(accepted).toBe(22);
      const left = await db.editionDelivery.groupBy({ by: ['status'], _count: { _all: true } });
      const byStatus = Object.fromEntries(left.map((g) => [g.status, g._count._all]));
      // Sent and recorded: 22. Claimed by the dead runner and unsent: 18 (SENDING, leased). Not claimed: 20.
      expect(byStatus).toMatchObject({ SENT: 22, SENDING: 18, QUEUED: 20 });

      // Before the lease runs out, another runner leaves the dead one's rows alone…
      const early = await runDeliveries({ transport: server.transport(), workerId: 'successor', batchSize: 20 });
      expect(early.sent).toBe(20);
      expect(await db.editionDelivery.count({ where: { status: 'SENDING' } })).toBe(18);
      // …and takes them over once it has (its clock moved past the lease rather than the test waiting).
      const late = await runDeliveries({
        transport: server.transport(),
        workerId: 'successor',
        batchSize: 20,
        now: () => new Date(Date.now() + LEASE_MS + 1_000),
      });
      expect(late.sent).toBe(18);

      const counts = server.countByRecipient();
      expect(emails.filter((e) => counts.get(e) === 1)).toHaveLength(60);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(await db.editionDelivery.count({ where: { status: 'SENT' } })).toBe(60);
      expect((await db.edition.findUniqueOrThrow({ where: { issueId: issue.id } })).state).toBe('DONE');
    } finally {
      if (child && child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
      await server.close();
    }
  }, 90_000);
});
