/**
 * Subscribing (double opt-in, the neutral answer, rate limits), confirming, unsubscribing and coming
 * back, and the admins' tools (list, import, export, remove), against a real PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { subscribe, SUBSCRIBE_ADDRESS_LIMIT, SUBSCRIBE_EMAIL_LIMIT } from '@/lib/subscribers/subscribe';
import { confirmSubscription, isConfirmationOpen } from '@/lib/subscribers/confirm-subscription';
import { getUnsubscribeState, resubscribeByToken, unsubscribeByToken } from '@/lib/subscribers/unsubscribe';
import { importSubscribers } from '@/lib/subscribers/import-subscribers';
import { exportSubscribersCsv } from '@/lib/subscribers/export-subscribers';
import { listSubscribers } from '@/lib/subscribers/list-subscribers';
import { removeSubscriber } from '@/lib/subscribers/remove-subscriber';
import { parseCsv } from '@/lib/subscribers/csv';
import { getMailingSettings } from '@/lib/editions/mailing-settings';
import { unsubscribeToken } from '@/lib/subscribers/tokens';
import { takeRateLimit } from '@/lib/rate-limit/rate-limit';
import { rejectionOf, useAppClient } from '../helpers/app-client';
import { createPeople } from '../helpers/issue-fixtures';

process.env.NEXTAUTH_URL = 'http://quire.test';
delete process.env.SMTP_HOST;

const app = useAppClient({ fresh: true });
let people: Awaited<ReturnType<typeof createPeople>>;
beforeAll(async () => {
  people = await createPeople(app.db);
});

let seq = 0;
const address = (tag = 'reader') => `${tag}-${++seq}-${Date.now().toString(36)}@readers.test`;
const form = (email: string, extra: Partial<{ name: string; organisation: string }> = {}) => ({
  email,
  name: extra.name ?? '',
  organisation: extra.organisation ?? '',
  consent: 'on' as const,
});
/** A different client address per call, so the per-address limit stays out of the way. */
const ip = () => `198.51.100.${(seq % 250) + 1}`;

const mailsTo = (email: string) =>
  app.db.outboxMessage.findMany({ where: { to: email }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
const tokenIn = (text: string) => /\/subscribe\/confirm\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? null;
const row = (email: string) => app.db.subscriber.findUnique({ where: { email } });
async function unsubscribeLink(email: string) {
  const { unsubscribeKey } = await getMailingSettings(app.db);
  return unsubscribeToken(unsubscribeKey, (await row(email))!.id);
}

describe('subscribing', () => {
  it('keeps a new address pending, with only the hash of a 7-day confirmation link stored', async () => {
    const email = address();
    const now = new Date();
    expect(await subscribe(form(email.toUpperCase(), { name: 'Ana' }), { ip: ip(), now })).toEqual({
      outcome: 'accepted',
    });
    const s = (await row(email))!;
    expect(s).toMatchObject({ status: 'PENDING', name: 'Ana', consentSource: 'form' });
    expect(s.consentText).toMatch(/unsubscribe/);
    const [mail] = await mailsTo(email);
    const token = tokenIn(mail!.text)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.confirmTokenHash).not.toContain(token);
    expect(s.confirmTokenExpiresAt!.getTime() - now.getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(mail!.text).toMatch(/http:\/\/quire\.test\/unsubscribe\//);
  });

  it('answers new, pending and confirmed addresses alike, sending one mail each time', async () => {
    const email = address();
    const answers = [];
    answers.push(await subscribe(form(email), { ip: ip() }));
    answers.push(await subscribe(form(email), { ip: ip() })); // pending
    const second = (await mailsTo(email)).at(-1)!;
    await confirmSubscription(tokenIn(second.text)!);
    answers.push(await subscribe(form(email), { ip: ip() })); // confirmed
    expect(answers).toEqual([{ outcome: 'accepted' }, { outcome: 'accepted' }, { outcome: 'accepted' }]);
    const subjects = (await mailsTo(email)).map((m) => m.subject);
    expect(subjects).toEqual([
      expect.stringMatching(/^Confirm your subscription/),
      expect.stringMatching(/^Confirm your subscription/),
      expect.stringMatching(/^You are subscribed/),
      expect.stringMatching(/^You are already subscribed/),
    ]);
    expect((await row(email))!.status).toBe('CONFIRMED');
  });

  it('makes an earlier confirmation link useless when a new one is sent', async () => {
    const email = address();
    await subscribe(form(email), { ip: ip() });
    await subscribe(form(email), { ip: ip() });
    const [first, second] = (await mailsTo(email)).map((m) => tokenIn(m.text)!);
    expect(await isConfirmationOpen(first!)).toBe(false);
    expect(await confirmSubscription(first!)).toEqual({ outcome: 'invalid' });
    expect(await confirmSubscription(second!)).toEqual({ outcome: 'confirmed' });
  });

  it('confirms once, and not after 7 days', async () => {
    const email = address();
    const now = new Date();
    await subscribe(form(email), { ip: ip(), now });
    const token = tokenIn((await mailsTo(email))[0]!.text)!;
    const [a, b] = await Promise.all([confirmSubscription(token), confirmSubscription(token)]);
    expect([a.outcome, b.outcome].sort()).toEqual(['confirmed', 'invalid']);
    expect(
      await app.db.auditEvent.count({ where: { action: 'subscriber.confirm', entityId: (await row(email))!.id } }),
    ).toBe(1);

    const late = address();
    await subscribe(form(late), { ip: ip(), now });
    const lateToken = tokenIn((await mailsTo(late))[0]!.text)!;
    expect(await confirmSubscription(lateToken, { now: new Date(now.getTime() + 7 * 86_400_000 + 1000) })).toEqual({
      outcome: 'invalid',
    });
    expect((await row(late))!.status).toBe('PENDING');
    expect(await confirmSubscription('not-a-token')).toEqual({ outcome: 'invalid' });
  });

  it('limits confirmation mails per e-mail address, silently', async () => {
    const email = address('limited');
    const now = new Date();
    for (let i = 0; i < SUBSCRIBE_EMAIL_LIMIT.limit + 2; i++)
      expect(await subscribe(form(email), { ip: ip(), now })).toEqual({ outcome: 'accepted' });
    expect(await mailsTo(email)).toHaveLength(SUBSCRIBE_EMAIL_LIMIT.limit);
    // The counters hold no address.
    const windows = JSON.stringify(await app.db.rateLimitWindow.findMany({}));
    expect(windows).not.toContain(email);
  });

  it('limits sign-ups per client address, saying so without saying anything about an address', async () => {
    const client = '203.0.113.77';
    const now = new Date();
    const outcomes = [];
    for (let i = 0; i < SUBSCRIBE_ADDRESS_LIMIT.limit + 1; i++)
      outcomes.push((await subscribe(form(address('spray')), { ip: client, now })).outcome);
    expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(SUBSCRIBE_ADDRESS_LIMIT.limit);
    expect(outcomes.at(-1)).toBe('throttled');
  });
});

describe('the shared rate limiter', () => {
  it('never grants more than the limit to callers racing each other, and starts again next window', async () => {
    const limit = { bucket: 'test.race', key: `k-${Date.now()}`, limit: 7, windowMs: 60_000 };
    const now = new Date('2031-05-05T10:00:10Z');
    const answers = await Promise.all(Array.from({ length: 20 }, () => takeRateLimit(app.db, limit, { now })));
    expect(answers.reduce((n, a) => n + a.granted, 0)).toBe(7);
    const batch = await takeRateLimit(app.db, limit, { now: new Date('2031-05-05T10:01:00Z'), want: 5 });
    expect(batch).toMatchObject({ granted: 5, remaining: 2 });
    expect((await takeRateLimit(app.db, limit, { now: new Date('2031-05-05T10:01:30Z'), want: 5 })).granted).toBe(2);
  });
});

describe('unsubscribing', () => {
  async function confirmed(email = address()) {
    await subscribe(form(email), { ip: ip() });
    await confirmSubscription(tokenIn((await mailsTo(email)).at(-1)!.text)!);
    return email;
  }

  it('takes effect at once from the link, no sign-in, and can be undone from the same link', async () => {
    const email = await confirmed();
    const token = await unsubscribeLink(email);
    expect(await getUnsubscribeState(token)).toEqual({ status: 'CONFIRMED', canResubscribe: false });
    expect(await unsubscribeByToken(token, { via: 'one-click' })).toEqual({ outcome: 'unsubscribed' });
    expect((await row(email))!).toMatchObject({ status: 'UNSUBSCRIBED' });
    expect(await unsubscribeByToken(token, { via: 'page' })).toEqual({ outcome: 'already' });
    expect(await getUnsubscribeState(token)).toEqual({ status: 'UNSUBSCRIBED', canResubscribe: true });
    expect(await resubscribeByToken(token)).toEqual({ outcome: 'resubscribed' });
    expect((await row(email))!.status).toBe('CONFIRMED');
    const events = await app.db.auditEvent.findMany({
      where: { entityId: (await row(email))!.id },
      orderBy: { id: 'asc' },
      select: { action: true, data: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      'subscriber.subscribe',
      'subscriber.confirm',
      'subscriber.unsubscribe',
      'subscriber.resubscribe',
    ]);
    expect(events[2]!.data).toMatchObject({ via: 'one-click' });
  });

  it('refuses forged and altered links', async () => {
    const email = await confirmed();
    const token = await unsubscribeLink(email);
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const other = `${(await row(email))!.id}.${'x'.repeat(43)}`;
    for (const t of [altered, other, 'garbage', `${token}x`]) {
      expect(await unsubscribeByToken(t, { via: 'one-click' })).toEqual({ outcome: 'invalid' });
      expect(await getUnsubscribeState(t)).toBeNull();
    }
    expect((await row(email))!.status).toBe('CONFIRMED');
  });

  it('does not let a never-confirmed address skip confirmation by re-subscribing from the link', async () => {
    const email = address();
    await subscribe(form(email), { ip: ip() });
    const token = await unsubscribeLink(email);
    expect(await unsubscribeByToken(token, { via: 'page' })).toEqual({ outcome: 'unsubscribed' });
    expect(await resubscribeByToken(token)).toEqual({ outcome: 'needs-confirmation' });
    expect((await row(email))!.status).toBe('UNSUBSCRIBED');
  });
});

describe('the admins’ subscriber tools', () => {
  it('are for admins only', async () => {
    for (const who of [people.editor, people.contributor, people.deactivated, people.anonymous]) {
      const refusals = await Promise.all([
        rejectionOf(listSubscribers(who)),
        rejectionOf(exportSubscribersCsv(who)),
        rejectionOf(importSubscribers(who, { csv: 'a@b.test', consentElsewhere: false, consentNote: '' })),
        rejectionOf(removeSubscriber(who, 'x')),
      ]);
      for (const r of refusals) expect(r instanceof NotAllowedError || r instanceof NotFoundError).toBe(true);
    }
  });

  it('import: new addresses confirm by mail, existing ones are left alone, bad lines are reported', async () => {
    const existing = address('existing');
    await subscribe(form(existing), { ip: ip() });
    const [a, b] = [address('imp'), address('imp')];
    const csv = `email,name,organisation\r\n${a},"Doe, Jane",IOM\r\n${existing},Someone,X\r\nnot-an-address,Bad,\r\n${b.toUpperCase()},,\r\n${a},Again,\r\n`;
    const result = await importSubscribers(people.admin, { csv, consentElsewhere: false, consentNote: '' });
    expect(result).toMatchObject({ created: 2, confirmed: 0, pending: 2, skipped: 2 });
    expect(result.invalid).toEqual([{ line: 4, reason: expect.stringContaining('not an e-mail address') }]);
    expect((await row(a))!).toMatchObject({
      status: 'PENDING',
      name: 'Doe, Jane',
      organisation: 'IOM',
      consentSource: 'import',
    });
    expect((await row(existing))!.name).toBe('');
    expect(await mailsTo(a)).toHaveLength(1);
    expect(await mailsTo(b)).toHaveLength(1);
    expect(
      await app.db.auditEvent.count({
        where: { action: 'subscriber.import', entityId: { in: [(await row(a))!.id, (await row(b))!.id] } },
      }),
    ).toBe(2);
  });

  it('import with consent collected elsewhere: confirmed at once, the statement kept with each address', async () => {
    const refused = await rejectionOf(
      importSubscribers(people.admin, { csv: address(), consentElsewhere: true, consentNote: '' }),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    const c = address('paper');
    const note = 'Signed the paper form at the Vienna meeting, May 2002';
    const result = await importSubscribers(people.admin, { csv: c, consentElsewhere: true, consentNote: note });
    expect(result).toMatchObject({ created: 1, confirmed: 1, pending: 0 });
    expect((await row(c))!).toMatchObject({
      status: 'CONFIRMED',
      consentSource: 'import-consented',
      consentNote: note,
    });
    expect(await mailsTo(c)).toHaveLength(0);
    const event = await app.db.auditEvent.findFirstOrThrow({
      where: { action: 'subscriber.import', entityId: (await row(c))!.id },
    });
    expect(event).toMatchObject({ actorId: people.admin.id, note, toState: 'CONFIRMED' });
  });

  it('export: every subscriber, importable again, with spreadsheet formulas defused', async () => {
    const evil = address('evil');
    await subscribe(form(evil, { name: '=HYPERLINK("http://evil.test","x")', organisation: '+41 22' }), { ip: ip() });
    const csv = await exportSubscribersCsv(people.admin);
    const rows = parseCsv(csv);
    expect(rows[0]!.slice(0, 4)).toEqual(['email', 'name', 'organisation', 'status']);
    const mine = rows.find((r) => r[0] === evil)!;
    expect(mine[1]).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(mine[2]).toBe(`'+41 22`);
    expect(mine[3]).toBe('pending');
    expect(rows.length - 1).toBe(await app.db.subscriber.count());
    expect(
      await app.db.auditEvent.count({ where: { action: 'subscriber.export', actorId: people.admin.id } }),
    ).toBeGreaterThan(0);
  });

  it('list: search, status filter and counts', async () => {
    const org = `Org${Date.now()}`;
    const e1 = address('listed');
    await subscribe(form(e1, { organisation: org }), { ip: ip() });
    const list = await listSubscribers(people.admin, { q: org.toLowerCase() });
    expect(list.entries.map((e) => e.email)).toEqual([e1]);
    expect(list.total).toBe(1);
    const pending = await listSubscribers(people.admin, { status: 'PENDING' });
    expect(pending.entries.every((e) => e.status === 'PENDING')).toBe(true);
    const total = Object.values(pending.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(await app.db.subscriber.count());
    expect(pending.counts.PENDING).toBe(await app.db.subscriber.count({ where: { status: 'PENDING' } }));
  });

  it('remove: the row, their deliveries and kept mail go; the audit trail keeps the id, not the address', async () => {
    const email = address('leaving');
    await subscribe(form(email), { ip: ip() });
    const id = (await row(email))!.id;
    expect(await mailsTo(email)).toHaveLength(1);
    await removeSubscriber(people.admin, id);
    expect(await row(email)).toBeNull();
    expect(await mailsTo(email)).toHaveLength(0);
    const events = await app.db.auditEvent.findMany({ where: { entityId: id } });
    expect(events.map((e) => e.action)).toEqual(['subscriber.subscribe', 'subscriber.remove']);
    expect(JSON.stringify(events, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(email);
    expect(await rejectionOf(removeSubscriber(people.admin, id))).toBeInstanceOf(NotFoundError);
  });
});
