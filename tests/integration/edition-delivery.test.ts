/**
 * The e-mail edition end to end against a real SMTP server on loopback (smtp-server), read back with
 * mailparser: subscribe, confirm, publish, deliver; retries, bounces, two runners, withdrawal, the
 * send rate. (A runner killed with SIGKILL mid-batch: edition-delivery-crash.test.ts.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishIssue } from '@/lib/issues/publish-issue';
import { unpublishIssue } from '@/lib/issues/unpublish-issue';
import { runDeliveries } from '@/lib/editions/run-deliveries';
import { setEditionSending } from '@/lib/editions/set-edition-sending';
import { getEditionProgress } from '@/lib/editions/get-edition-progress';
import { subscribe } from '@/lib/subscribers/subscribe';
import { confirmSubscription } from '@/lib/subscribers/confirm-subscription';
import { unsubscribeByToken } from '@/lib/subscribers/unsubscribe';
import { getMailingSettings } from '@/lib/editions/mailing-settings';
import { unsubscribeToken } from '@/lib/subscribers/tokens';
import { POST as oneClickPost } from '@/app/api/unsubscribe/[token]/route';
import { useAppClient } from '../helpers/app-client';
import { createPeople, createReadyIssue } from '../helpers/issue-fixtures';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp';

process.env.NEXTAUTH_URL = 'http://quire.test';
delete process.env.SMTP_HOST;

const app = useAppClient({ fresh: true });
let people: Awaited<ReturnType<typeof createPeople>>;
let seq = 0;
const address = (tag: string) => `${tag}-${++seq}-${Date.now().toString(36)}@readers.test`;

beforeAll(async () => {
  people = await createPeople(app.db);
  await getMailingSettings(app.db);
  await app.db.mailingSettings.update({ where: { id: 1 }, data: { sendRatePerMinute: 100_000 } });
});

// Each test starts with no subscribers (and so no deliveries): a runner sends whatever is due.
beforeEach(async () => {
  await app.db.subscriber.deleteMany({});
  await app.db.edition.updateMany({ where: { state: 'SENDING' }, data: { state: 'DONE' } });
});

const servers: TestSmtp[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function smtp(options: Parameters<typeof startTestSmtp>[0] = {}) {
  const s = await startTestSmtp(options);
  servers.push(s);
  return s;
}

/** The confirmation link last kept in the outbox for this address. */
async function confirmTokenFor(email: string): Promise<string> {
  const mail = await app.db.outboxMessage.findFirstOrThrow({
    where: { to: email, subject: { startsWith: 'Confirm your subscription' } },
    orderBy: { createdAt: 'desc' },
  });
  return /\/subscribe\/confirm\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
}

async function confirmedSubscribers(n: number, tag = 'bulk') {
  const emails = Array.from({ length: n }, () => address(tag));
  await app.db.subscriber.createMany({
    data: emails.map((email) => ({
      email,
      status: 'CONFIRMED' as const,
      consentText: 'test',
      consentSource: 'form',
      confirmedAt: new Date(),
    })),
  });
  return emails;
}

/** Confirmed subscribers of other tests are in this database too: only this test's addresses count. */
/** A header as the message carries it (mailparser folds List-* headers into one structured "list"). */
const rawHeader = (mail: { headerLines: readonly { key: string; line: string }[] }, name: string) =>
  mail.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ');

const mine = (s: TestSmtp, emails: string[]) => {
  const set = new Set(emails);
  return s.received.filter((r) => r.to.some((t) => set.has(t)));
};

async function publish(issueId: string) {
  const issue = await app.db.issue.findUniqueOrThrow({ where: { id: issueId }, select: { version: true } });
  return publishIssue(people.editor, issueId, { expectedVersion: issue.version });
}

async function editionOf(issueId: string) {
  return app.db.edition.findUniqueOrThrow({ where: { issueId }, include: { deliveries: true } });
}

// One test at a time sends: each test's runner would deliver the others' queued editions too.
describe.sequential('the e-mail edition over SMTP', () => {
  it('reaches every confirmed subscriber exactly once, with both parts and a working one-click unsubscribe; pending and unsubscribed addresses get nothing', async () => {
    const server = await smtp();
    const [ana, ben, cleo, dan] = [address('ana'), address('ben'), address('cleo'), address('dan')];
    for (const email of [ana, ben, cleo, dan])
      expect(
        await subscribe({ email, name: 'Reader', organisation: 'NGO', consent: 'on' }, { ip: '192.0.2.1' }),
      ).toEqual({ outcome: 'accepted' });
    for (const email of [ana, ben, dan])
      expect(await confirmSubscription(await confirmTokenFor(email))).toEqual({ outcome: 'confirmed' });
    const danRow = await app.db.subscriber.findUniqueOrThrow({ where: { email: dan } });
    const { unsubscribeKey } = await getMailingSettings(app.db);
    expect(await unsubscribeByToken(unsubscribeToken(unsubscribeKey, danRow.id), { via: 'page' })).toEqual({
      outcome: 'unsubscribed',
    });

    const { issue, items } = await createReadyIssue(app.db);
    await publish(issue.id);
    const queued = await editionOf(issue.id);
    expect(queued.state).toBe('SENDING');
    // No SMTP configured for the app itself: one copy in the outbox, with the count, no placeholder.
    const kept = await app.db.outboxMessage.findFirstOrThrow({ where: { subject: queued.subject } });
    expect(kept.to).toBe('2 confirmed subscribers (kept: no SMTP configured)');
    expect(kept.text).not.toContain('%%');

    const run = await runDeliveries({ transport: server.transport(), workerId: 'one' });
    expect(run.failed).toBe(0);
    const got = mine(server, [ana, ben, cleo, dan]);
    expect(got.map((r) => r.to[0]).sort()).toEqual([ana, ben].sort());

    const titles = await app.db.item.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      select: { title: true },
    });
    for (const { mail } of got) {
      expect(mail.subject).toContain(`N° ${issue.number}`);
      expect(mail.text).toBeTruthy();
      expect(mail.html).toBeTruthy();
      for (const { title } of titles) {
        expect(mail.text).toContain(title);
        expect(mail.html as string).toContain(title);
      }
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(rawHeader(mail, 'List-Unsubscribe')).toMatch(/^<http:\/\/quire\.test\/api\/unsubscribe\/[^>]+>$/);
      expect(mail.messageId).toMatch(/^<edition-.+@quire\.test>$/);
      expect(mail.html as string).toContain('style="');
    }

    // The header's address, POSTed as a mailbox provider does: unsubscribed at once.
    const anaMail = got.find((r) => r.to[0] === ana)!.mail;
    const header = rawHeader(anaMail, 'List-Unsubscribe') ?? '';
    const url = /<(http[^>]+)>/.exec(header)![1]!;
    expect(url).toMatch(/^http:\/\/quire\.test\/api\/unsubscribe\//);
    expect(anaMail.text).toContain(url.replace('/api/unsubscribe/', '/unsubscribe/'));
    const token = url.split('/').pop()!;
    const response = await oneClickPost(
      new Request(url, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    expect((await app.db.subscriber.findUniqueOrThrow({ where: { email: ana } })).status).toBe('UNSUBSCRIBED');

    // Nothing more goes out; the edition is done, and its deliveries all sent.
    await runDeliveries({ transport: server.transport(), workerId: 'one' });
    expect(mine(server, [ana, ben, cleo, dan])).toHaveLength(2);
    const done = await editionOf(issue.id);
    expect(done.state).toBe('DONE');
    expect(done.deliveries.map((d) => d.status)).toEqual(['SENT', 'SENT']);

    // No address in the audit trail.
    const audit = JSON.stringify(await app.db.auditEvent.findMany({}), (_k, v) =>
      typeof v === 'bigint' ? String(v) : v,
    );
    for (const email of [ana, ben, cleo, dan]) expect(audit).not.toContain(email);
    expect(audit).toContain('"edition.queue"');
    expect(audit).toContain('"edition.done"');
  });

  it('retries a temporary refusal after its back-off and delivers once', async () => {
    let refused = 0;
    const [reader] = await confirmedSubscribers(1, 'greylisted');
    const server = await smtp({
      onData: (to) =>
        to.includes(reader!) && refused++ === 0 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : null,
    });
    const { issue } = await createReadyIssue(app.db);
    await publish(issue.id);
    const t0 = new Date();
    const first = await runDeliveries({ transport: server.transport(), now: () => t0 });
    expect(first.retried).toBeGreaterThanOrEqual(1);
    const waiting = (await editionOf(issue.id)).deliveries.find((d) => d.status !== 'SENT')!;
    expect(waiting).toMatchObject({ status: 'QUEUED', attempts: 1 });
    expect(waiting.lastAnswer).toContain('451');
    expect(waiting.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);

    // Not before its time…
    await runDeliveries({ transport: server.transport(), now: () => new Date(t0.getTime() + 30_000) });
    expect(mine(server, [reader!])).toHaveLength(0);
    // …then once.
    await runDeliveries({ transport: server.transport(), now: () => new Date(t0.getTime() + 61_000) });
    expect(mine(server, [reader!])).toHaveLength(1);
    const row = (await editionOf(issue.id)).deliveries.find((d) => d.id === waiting.id)!;
    expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(refused).toBe(2);
  });

  it('gives up after the maximum of attempts, and marks a refused recipient bounced; the desk lists both answers', async () => {
    const [flaky, gone] = await confirmedSubscribers(2, 'failing');
    const server = await smtp({
      refuseRecipient: (a) => (a === gone ? { code: 550, message: '5.1.1 No such user here' } : null),
      onData: (to) => (to.includes(flaky!) ? { code: 452, message: '4.3.1 Insufficient storage' } : null),
    });
    await app.db.mailingSettings.update({ where: { id: 1 }, data: { maxAttempts: 2 } });
    try {
      const { issue } = await createReadyIssue(app.db);
      await publish(issue.id);
      const t0 = Date.now();
      await runDeliveries({ transport: server.transport(), now: () => new Date(t0) });
      await runDeliveries({ transport: server.transport(), now: () => new Date(t0 + 120_000) });
      const subs = await app.db.subscriber.findMany({ where: { email: { in: [flaky!, gone!] } } });
      const byEmail = new Map(subs.map((s) => [s.email, s]));
      const deliveries = (await editionOf(issue.id)).deliveries;
      const of = (email: string) => deliveries.find((d) => d.subscriberId === byEmail.get(email)!.id)!;
      expect(of(flaky!)).toMatchObject({ status: 'FAILED', attempts: 2 });
      expect(of(flaky!).lastAnswer).toContain('452');
      expect(of(gone!)).toMatchObject({ status: 'FAILED', attempts: 1 });
      expect(of(gone!).lastAnswer).toContain('550');
      expect(byEmail.get(gone!)!.status).toBe('BOUNCED');
      expect(byEmail.get(flaky!)!.status).toBe('CONFIRMED');

      const progress = await getEditionProgress(people.admin, issue.id);
      expect(progress.counts.FAILED).toBe(2);
      expect(progress.failures.map((f) => f.answer).join(' ')).toMatch(/550[\s\S]*|452/);
      expect(progress.failures.map((f) => f.recipient)).toEqual(expect.arrayContaining([flaky, gone]));
      // Editors see the answers, not the addresses.
      expect((await getEditionProgress(people.editor, issue.id)).failures.every((f) => f.recipient === null)).toBe(
        true,
      );
      expect(mine(server, [flaky!, gone!])).toHaveLength(0);
    } finally {
      await app.db.mailingSettings.update({ where: { id: 1 }, data: { maxAttempts: 5 } });
    }
  });

  it('two runners over 500 subscribers deliver 500 messages, no duplicates', async () => {
    const emails = await confirmedSubscribers(500, 'crowd');
    const server = await smtp();
    const { issue } = await createReadyIssue(app.db);
    await publish(issue.id);
    const [a, b] = await Promise.all([
      runDeliveries({ transport: server.transport(), workerId: 'runner-a', batchSize: 25 }),
      runDeliveries({ transport: server.transport(), workerId: 'runner-b', batchSize: 25 }),
    ]);
    expect(a.sent + b.sent).toBe(500);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const counts = server.countByRecipient();
    expect(emails.filter((e) => counts.get(e) === 1)).toHaveLength(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const ids = new Set(server.received.map((r) => r.mail.messageId));
    expect(ids.size).toBe(server.received.length);
    expect((await editionOf(issue.id)).state).toBe('DONE');
  });

  it('withdrawing stops what is not sent; publishing again sends the rest, not the sent ones again', async () => {
    const emails = await confirmedSubscribers(10, 'withdrawn');
    const server = await smtp();
    const { issue } = await createReadyIssue(app.db);
    await publish(issue.id);
    const edition = await editionOf(issue.id);
    const total = edition.deliveries.length;
    await runDeliveries({ transport: server.transport(), batchSize: 4, maxBatches: 1 });
    const sentFirst = server.received.length;
    expect(sentFirst).toBe(4);

    const current = await app.db.issue.findUniqueOrThrow({ where: { id: issue.id } });
    await unpublishIssue(people.editor, issue.id, { expectedVersion: current.version });
    const cancelled = await editionOf(issue.id);
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.deliveries.filter((d) => d.status === 'CANCELLED')).toHaveLength(total - 4);
    await runDeliveries({ transport: server.transport() });
    expect(server.received).toHaveLength(4);

    await publish(issue.id);
    await runDeliveries({ transport: server.transport() });
    expect(server.received).toHaveLength(total);
    const counts = server.countByRecipient();
    expect(emails.every((e) => counts.get(e) === 1)).toBe(true);
    expect((await editionOf(issue.id)).state).toBe('DONE');
  });

  it('keeps to the send rate per minute, across runs, from the setting in PostgreSQL', async () => {
    await confirmedSubscribers(8, 'rated');
    const server = await smtp();
    await app.db.mailingSettings.update({ where: { id: 1 }, data: { sendRatePerMinute: 5 } });
    try {
      const { issue } = await createReadyIssue(app.db);
      await publish(issue.id);
      const minute = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000 * 10;
      const first = await runDeliveries({ transport: server.transport(), now: () => new Date(minute + 1000) });
      expect(first.sent).toBe(5);
      expect(first.rateLimitedUntil?.getTime()).toBe(minute + 60_000);
      const again = await runDeliveries({ transport: server.transport(), now: () => new Date(minute + 30_000) });
      expect(again.sent).toBe(0);
      const next = await runDeliveries({ transport: server.transport(), now: () => new Date(minute + 61_000) });
      expect(next.sent).toBe(3);
    } finally {
      await app.db.mailingSettings.update({ where: { id: 1 }, data: { sendRatePerMinute: 100_000 } });
    }
  });

  it('closes an edition whose readers all left before it went out', async () => {
    const [reader] = await confirmedSubscribers(1, 'leaving');
    const { issue } = await createReadyIssue(app.db);
    await publish(issue.id);
    const { unsubscribeKey } = await getMailingSettings(app.db);
    const row = await app.db.subscriber.findUniqueOrThrow({ where: { email: reader! } });
    await unsubscribeByToken(unsubscribeToken(unsubscribeKey, row.id), { via: 'one-click' });
    const server = await smtp();
    expect((await runDeliveries({ transport: server.transport() })).claimed).toBe(0);
    const edition = await editionOf(issue.id);
    expect(edition.state).toBe('DONE');
    expect(edition.deliveries.map((d) => d.status)).toEqual(['CANCELLED']);
    expect(server.received).toHaveLength(0);
  });

  it('sends nothing for an issue whose editors turned the edition off', async () => {
    await confirmedSubscribers(2, 'quiet');
    const { issue } = await createReadyIssue(app.db);
    expect(await setEditionSending(people.editor, issue.id, false)).toEqual({ changed: true });
    await publish(issue.id);
    const edition = await editionOf(issue.id);
    expect(edition.state).toBe('SKIPPED');
    expect(edition.deliveries).toHaveLength(0);
  });
});
