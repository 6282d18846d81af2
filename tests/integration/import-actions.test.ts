/**
 * The bulletin importer through its real server actions (app/admin/issues/import/actions.ts) with real
 * session tokens: who may read and import a bulletin, what one import writes (in one transaction), the
 * duplicate check, matching existing records, standing matter, and hostile input answered with a
 * refusal or a proposal, never an exception. Only next/headers and next/cache are stand-ins.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import { readSnapshot } from '@/lib/content/items/snapshot';
import { parseRichText } from '@/lib/rich-text/document';
import { reviewFromProposal, reviewPayload, type ReviewState } from '@/lib/import/review-from-proposal';
import type { ProposeImportResult } from '@/lib/import/propose-import';
import { readBulletin } from '@/lib/import/fixtures/fixtures';
import { NAUGHTY_STRINGS } from '@/lib/import/fixtures/naughty-strings';
import { useAppClient } from '../helpers/app-client';
import { uniqueIssueNumber } from '../helpers/db';
import { createUser } from '../helpers/factories';
import { cachePage, isCached } from '../helpers/cache';

const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  headers: new Map<string, string>([['x-forwarded-for', '192.0.2.30']]),
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
  headers: async () => ({ get: (name: string) => request.headers.get(name.toLowerCase()) ?? null }),
}));
vi.mock('next/cache', () => ({ refresh: () => {}, revalidatePath: () => {} }));

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const actions = await import('@/app/admin/issues/import/actions');

const app = useAppClient({ fresh: true });
let db: Db;
beforeAll(() => {
  db = app.db;
});

type Person = 'anonymous' | 'deactivated' | 'contributor' | 'editor' | 'admin';
async function actAs(person: Person): Promise<string | null> {
  request.cookies.clear();
  if (person === 'anonymous') return null;
  const role: Role = person === 'contributor' ? 'CONTRIBUTOR' : person === 'admin' ? 'ADMIN' : 'EDITOR';
  const user = await createUser(db, role);
  const token = await encodeSessionToken(user);
  if (person === 'deactivated')
    await db.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
  request.cookies.set(sessionCookie().name, token);
  return user.id;
}

const propose = (upload: { text?: string; fileBase64?: string; fileName?: string }) =>
  actions.proposeImportAction(null, { upload });

async function proposalOf(text: string): Promise<ProposeImportResult> {
  const result = await propose({ text });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Creates the issue; answers the redirect's target or the refusal. */
async function commit(
  review: unknown,
): Promise<{ redirect: string } | Exclude<Awaited<ReturnType<typeof actions.commitImportAction>>, { ok: true }>> {
  try {
    const result = await actions.commitImportAction(null, { review });
    if (result.ok) throw new Error('expected a redirect');
    return result;
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT')) throw e;
    return { redirect: digest.split(';')[2]! };
  }
}

async function counts() {
  const [issues, items, meetings, publications, revisions, events] = await Promise.all([
    db.issue.count(),
    db.item.count(),
    db.meeting.count(),
    db.publication.count(),
    db.revision.count(),
    db.auditEvent.count({ where: { action: 'issue.import' } }),
  ]);
  return { issues, items, meetings, publications, revisions, events };
}

async function reviewed(text: string, change: (r: ReviewState) => void = () => {}) {
  const result = await proposalOf(text);
  const review = reviewFromProposal(result.proposal, { hash: result.hash, matches: result.matches });
  review.issue.number = String(await uniqueIssueNumber());
  change(review);
  return { result, review };
}

describe('who may import a bulletin', () => {
  it('editors and admins; contributors are not allowed; no session or a deactivated one must sign in', async () => {
    const text = readBulletin('summer2001');
    const expected: Record<Person, string> = {
      anonymous: 'unauthenticated',
      deactivated: 'unauthenticated',
      contributor: 'not-allowed',
      editor: 'ok',
      admin: 'ok',
    };
    for (const person of Object.keys(expected) as Person[]) {
      await actAs(person);
      const result = await propose({ text });
      expect(result.ok ? 'ok' : result.code, person).toBe(expected[person]);
    }
    // Creating: the same answers, and a refusal writes nothing.
    await actAs('editor');
    const { review } = await reviewed(text);
    for (const person of ['anonymous', 'deactivated', 'contributor'] as const) {
      await actAs(person);
      const before = await counts();
      const result = await commit(reviewPayload(review));
      expect('redirect' in result ? 'ok' : result.code).toBe(expected[person]);
      expect(await counts()).toEqual(before);
    }
  });
});

describe('creating the issue', () => {
  it('writes the issue, its sections, approved items with a first IMPORT revision, records and one audit event', async () => {
    const editorId = await actAs('editor');
    const { result, review } = await reviewed(readBulletin('summer2001'), (r) => {
      // The flagged field, corrected: the hearing's city.
      r.sections[1]!.items[2]!.meeting!.city = 'Strasbourg';
    });
    expect(result.proposal.flags).toContainEqual({
      path: 'sections[1].items[2].meeting.city',
      message: 'no city found',
    });
    const before = await counts();
    const answer = await commit(reviewPayload(review));
    if (!('redirect' in answer)) throw new Error(answer.message);
    const issue = await db.issue.findUniqueOrThrow({
      where: { number: Number(review.issue.number) },
      include: {
        sections: {
          orderBy: { position: 'asc' },
          include: {
            items: {
              orderBy: { position: 'asc' },
              include: { meeting: true, publication: true, revisions: true, tags: { include: { tag: true } } },
            },
          },
        },
      },
    });
    expect(answer.redirect).toBe(`/admin/issues/${issue.id}`);
    expect(issue).toMatchObject({ state: 'IN_PRODUCTION', coverLabel: 'Summer 2001', publishedAt: null });
    expect(issue.coverDate?.toISOString().slice(0, 10)).toBe('2001-06-01');
    expect(issue.sections.map((s) => s.title)).toEqual([
      'Lead',
      'Meetings and Policy',
      'New Publications',
      'Other Publications',
      'Information Exchange',
    ]);
    const items = issue.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(8);
    for (const item of items) {
      expect(item).toMatchObject({ state: 'APPROVED', version: 1, authorId: editorId });
      expect(parseRichText(item.body).ok).toBe(true);
      expect(item.revisions).toHaveLength(1);
      expect(item.revisions[0]).toMatchObject({ number: 1, kind: 'IMPORT', itemVersion: 1 });
      expect(readSnapshot(item.revisions[0]!.snapshot)).toMatchObject({ title: item.title, slug: item.slug });
    }
    const hearing = issue.sections[1]!.items[2]!;
    expect(hearing.meeting).toMatchObject({
      name: 'Inter-Parliamentary Hearing on Forced Labour and Trafficking',
      city: 'Strasbourg',
      datePrecision: 'MONTH',
    });
    expect(issue.sections[2]!.items[1]!.publication).toMatchObject({
      availability: 'FORTHCOMING',
      issuingBody: 'IOM',
      kind: 'MANUAL',
    });
    expect(issue.sections[1]!.items[0]!.tags.map((t) => t.tag.name)).toContain('Moldova');
    const after = await counts();
    expect(after).toEqual({
      issues: before.issues + 1,
      items: before.items + 8,
      meetings: before.meetings + 3,
      publications: before.publications + 3,
      revisions: before.revisions + 8,
      events: before.events + 1,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'issue.import', entityId: issue.id } });
    expect(event.data).toMatchObject({ textHash: review.hash, itemCount: 8, mode: 'production', meetingsCreated: 3 });
  });

  it('detects the same text imported again and asks; confirmed, it imports once more', async () => {
    await actAs('editor');
    const text = readBulletin('winter2001');
    const first = await reviewed(text);
    expect(first.result.duplicateOf).toBeNull();
    expect('redirect' in (await commit(reviewPayload(first.review)))).toBe(true);

    // The same text with other line ends and spacing is the same text.
    const again = await reviewed(`${text.replaceAll('\n', '\r\n')}\n\n`);
    expect(again.result.duplicateOf).toMatchObject({ number: Number(first.review.issue.number) });
    const before = await counts();
    const refused = await commit(reviewPayload(again.review));
    expect('redirect' in refused ? 'ok' : refused.code).toBe('conflict');
    if (!('redirect' in refused))
      expect(refused.conflict).toMatchObject({ duplicateOf: { number: Number(first.review.issue.number) } });
    expect(await counts()).toEqual(before);
    again.review.confirmDuplicate = true;
    expect('redirect' in (await commit(reviewPayload(again.review)))).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'issue.import' }, orderBy: { id: 'desc' } });
    expect(event.data).toMatchObject({ duplicateConfirmed: true });
  });

  it('reuses a matching meeting and publication, and refuses a number already taken, with every field error', async () => {
    await actAs('editor');
    const meeting = await db.meeting.create({
      data: { name: 'Nordic-Baltic Hotline Forum', startDate: new Date('2001-11-28'), city: 'Riga', country: 'Latvia' },
    });
    const publication = await db.publication.create({ data: { title: 'Refugee Women at Risk', issuingBody: 'UNHCR' } });
    await db.tag.upsert({
      where: { kind_slug: { kind: 'THEME', slug: 'asylum' } },
      create: { kind: 'THEME', name: 'Asylum', slug: 'asylum' },
      update: {},
    });
    const { result, review } = await reviewed(readBulletin('autumn2001'));
    expect(result.matches['1.0']?.meeting).toMatchObject({ id: meeting.id, city: 'Riga' });
    expect(result.matches['2.1']?.publication).toMatchObject({ id: publication.id });
    expect(result.matches['2.1']?.existingTags).toContainEqual({ kind: 'THEME', name: 'Asylum' });
    expect(review.sections[1]!.items[0]!.meetingId).toBe(meeting.id);

    // A taken number and an empty title: both reported, nothing written.
    const taken = await db.issue.create({ data: { number: await uniqueIssueNumber(), coverLabel: 'Taken' } });
    const bad = structuredClone(review);
    bad.issue.number = String(taken.number);
    bad.sections[3]!.items[0]!.title = '';
    bad.sections[1]!.items[1]!.meeting!.endDate = '2001-01-01';
    const before = await counts();
    const refused = await commit(reviewPayload(bad));
    if ('redirect' in refused) throw new Error('expected a refusal');
    expect(refused.code).toBe('invalid');
    expect(Object.keys(refused.fieldErrors)).toEqual(
      expect.arrayContaining(['sections.3.items.0.title', 'sections.1.items.1.meeting.endDate']),
    );
    expect(await counts()).toEqual(before);
    bad.sections[3]!.items[0]!.title = 'New Law in Poland';
    bad.sections[1]!.items[1]!.meeting!.endDate = '2001-10-30';
    const numberRefused = await commit(reviewPayload(bad));
    if ('redirect' in numberRefused) throw new Error('expected a refusal');
    expect(numberRefused.fieldErrors['issue.number']?.[0]).toMatch(/already exists/);

    expect('redirect' in (await commit(reviewPayload(review)))).toBe(true);
    const created = await db.item.findFirstOrThrow({
      where: { section: { issue: { number: Number(review.issue.number) } }, title: 'Hotline Workers Meet in Riga' },
    });
    expect(created.meetingId).toBe(meeting.id);
    expect(await db.meeting.count({ where: { name: 'Nordic-Baltic Hotline Forum' } })).toBe(1);
  });

  it('imports a past issue as published on its original date', async () => {
    await actAs('editor');
    const { review } = await reviewed(readBulletin('autumn2001'), (r) => {
      r.mode = 'published';
      r.confirmDuplicate = true;
    });
    await cachePage('/issues');
    await cachePage(`/issues/${review.issue.number}`);
    expect('redirect' in (await commit(reviewPayload(review)))).toBe(true);
    // The archive and the issue's cached 404 are expired (lib/cache/invalidate.ts).
    expect(await isCached('/issues')).toBe(false);
    expect(await isCached(`/issues/${review.issue.number}`)).toBe(false);
    const issue = await db.issue.findUniqueOrThrow({
      where: { number: Number(review.issue.number) },
      include: { sections: { include: { items: true } } },
    });
    expect(issue.state).toBe('PUBLISHED');
    expect(issue.publishedAt?.toISOString()).toBe('2001-09-01T00:00:00.000Z');
    for (const item of issue.sections.flatMap((s) => s.items))
      expect(item).toMatchObject({ state: 'PUBLISHED', publishedAt: new Date('2001-09-01T00:00:00.000Z') });
  });

  it('offers the standing matter to admins only, and applies what they choose with its own settings event', async () => {
    await actAs('editor');
    const asEditor = await reviewed(readBulletin('summer2001'), (r) => {
      r.applyStanding = ['disclaimer'];
      r.confirmDuplicate = true;
    });
    expect(asEditor.result.canEditSettings).toBe(false);
    const refused = await commit(reviewPayload(asEditor.review));
    expect('redirect' in refused ? 'ok' : refused.fieldErrors.applyStanding).toEqual([
      'Only administrators may change the publication settings.',
    ]);

    await actAs('admin');
    const asAdmin = await reviewed(readBulletin('summer2001'), (r) => {
      r.applyStanding = ['disclaimer', 'contactEmail'];
      r.confirmDuplicate = true;
    });
    expect(asAdmin.result.canEditSettings).toBe(true);
    expect('redirect' in (await commit(reviewPayload(asAdmin.review)))).toBe(true);
    const settings = await db.publicationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings.disclaimer).toBe(asAdmin.result.proposal.standing!.disclaimer);
    expect(settings.contactEmail).toBe('trafficking@iom.int');
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'settings.update' },
      orderBy: { id: 'desc' },
    });
    expect(event.data).toMatchObject({ changed: expect.arrayContaining(['disclaimer', 'contactEmail']) });
  });
});

// Correctness, not speed (the bench times the parser): room for a loaded machine.
describe('hostile input through the real action', { timeout: 180_000 }, () => {
  it('refuses what is not a bulletin with a message, and creates nothing', async () => {
    await actAs('editor');
    const before = await counts();
    const cases: [string, RegExp][] = [
      [Buffer.from('%PDF-1.7 binary').toString('base64'), /PDF/],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).toString('base64'), /image/],
      [Buffer.from([0x61, 0xff, 0xfe, 0x62]).toString('base64'), /not UTF-8/],
      [Buffer.alloc(5 * 1024 * 1024 + 1, 0x61).toString('base64'), /up to 5 MB/],
      ['', /empty/],
    ];
    for (const [fileBase64, message] of cases) {
      const result = fileBase64 ? await propose({ fileBase64, fileName: 'x' }) : await propose({ text: '   ' });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe('invalid');
        expect(result.message).toMatch(message);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('answers 200 naughty strings (as a file and in headings), 5 MB and a 50,000-character line with a proposal or a refusal', async () => {
    await actAs('editor');
    const shell = readBulletin('summer2001');
    const whole = await propose({ text: NAUGHTY_STRINGS.join('\n\n') });
    expect(whole.ok || whole.code === 'invalid').toBe(true);
    for (const s of NAUGHTY_STRINGS.slice(0, 200)) {
      const result = await propose({
        text: shell.replace('MEKONG SUB-REGIONAL CONSULTATION', s).replace('MEETINGS AND POLICY', s),
      });
      expect(result.ok || result.code === 'invalid').toBe(true);
    }
    const line = await propose({ text: 'A long line of words '.repeat(2500).slice(0, 50_000) });
    expect(line.ok).toBe(true);
    const big = await propose({ fileBase64: Buffer.from(shell.repeat(800).slice(0, 5_000_000)).toString('base64') });
    expect(big.ok || big.code === 'invalid').toBe(true);
    // A proposal from naughty headings can be committed or is refused field by field, never an exception.
    const naughty = await proposalOf(
      shell.replace('MEKONG SUB-REGIONAL CONSULTATION', NAUGHTY_STRINGS.join(' ').slice(0, 180).toUpperCase()),
    );
    const review = reviewFromProposal(naughty.proposal, { hash: naughty.hash, matches: naughty.matches });
    review.issue.number = String(await uniqueIssueNumber());
    review.confirmDuplicate = true;
    const answer = await commit(reviewPayload(review));
    expect('redirect' in answer || answer.code === 'invalid').toBe(true);
  });
});
