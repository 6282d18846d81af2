/**
 * The issue desk's and the settings' server actions (app/admin/issues/actions.ts,
 * app/admin/settings/actions.ts) called as a browser would, with real session tokens read back by
 * getCurrentActor from the database: every action as every kind of person, and the refusals of
 * lib/issues and lib/settings arriving as form state (code, message, field errors), not as crashes.
 * Only next/headers (the request) and next/cache are stand-ins.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import { useAppClient } from '../helpers/app-client';
import { createIssue, createItem, createUser } from '../helpers/factories';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
request.headers.set('x-forwarded-for', '192.0.2.20');

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const desk = await import('@/app/admin/issues/actions');
const { hashPreviewToken, newPreviewToken } = await import('@/lib/issues/preview-token');
const settingsActions = await import('@/app/admin/settings/actions');

// A database of its own: the settings row is shared by the whole database.
const app = useAppClient({ fresh: true });
let db: Db;
beforeAll(() => {
  db = app.db;
});

type Person = 'anonymous' | 'deactivated' | 'contributor' | 'editor' | 'admin';
const PEOPLE: Person[] = ['anonymous', 'deactivated', 'contributor', 'editor', 'admin'];

async function actAs(person: Person): Promise<string | null> {
  request.cookies.clear();
  if (person === 'anonymous') return null;
  const role: Role = person === 'contributor' ? 'CONTRIBUTOR' : person === 'admin' ? 'ADMIN' : 'EDITOR';
  const user = await createUser(db, role);
  const token = await encodeSessionToken({ ...user, sessionVersion: user.sessionVersion });
  if (person === 'deactivated')
    await db.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
  request.cookies.set(sessionCookie().name, token);
  return user.id;
}

type Result = { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string[]> };
type Case = {
  /** Seeds what the action works on; returns its input and a snapshot of what it may change. */
  setup: () => Promise<{ input: Record<string, unknown>; state: () => Promise<unknown> }>;
  run: (prev: null, input: Record<string, unknown>) => Promise<Result>;
};

async function plannedIssue() {
  const author = await createUser(db, 'CONTRIBUTOR');
  const issue = await createIssue(db, { state: 'IN_PRODUCTION', sections: ['Lead', 'Briefs', 'Empty'] });
  const [lead, briefs, empty] = issue.sections as [
    (typeof issue.sections)[number],
    (typeof issue.sections)[number],
    (typeof issue.sections)[number],
  ];
  const a = await createItem(db, { authorId: author.id, state: 'APPROVED', section: lead, position: 0 });
  const b = await createItem(db, { authorId: author.id, state: 'APPROVED', section: lead, position: 1 });
  const loose = await createItem(db, { authorId: author.id, state: 'APPROVED' });
  const snapshot = async () => ({
    issue: await db.issue.findUniqueOrThrow({
      where: { id: issue.id },
      select: { number: true, coverLabel: true, state: true, version: true, scheduledAt: true },
    }),
    sections: await db.section.findMany({
      where: { issueId: issue.id },
      orderBy: { position: 'asc' },
      select: { id: true, title: true, acceptsKind: true },
    }),
    items: await db.item.findMany({
      where: { OR: [{ issueId: issue.id }, { id: loose.id }] },
      orderBy: { id: 'asc' },
      select: { id: true, sectionId: true, position: true, state: true },
    }),
    links: await db.previewLink.findMany({ where: { issueId: issue.id }, select: { id: true, revokedAt: true } }),
  });
  return { issue, lead, briefs, empty, a, b, loose, snapshot };
}

const withIssue =
  (
    input: (p: Awaited<ReturnType<typeof plannedIssue>>) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ) =>
  async () => {
    const p = await plannedIssue();
    return { input: await input(p), state: p.snapshot };
  };

const cases: Record<string, Case> = {
  updateIssue: {
    run: desk.updateIssueAction,
    setup: withIssue((p) => ({
      issueId: p.issue.id,
      version: p.issue.version,
      number: String(p.issue.number),
      coverLabel: 'Renamed 2002',
    })),
  },
  addSection: {
    run: desk.addSectionAction,
    setup: withIssue((p) => ({ issueId: p.issue.id, title: 'Late news', acceptsKind: '' })),
  },
  renameSection: {
    run: desk.renameSectionAction,
    setup: withIssue((p) => ({ sectionId: p.briefs.id, title: 'Short news' })),
  },
  setSectionKind: {
    run: desk.setSectionKindAction,
    setup: withIssue((p) => ({ sectionId: p.empty.id, acceptsKind: 'ARTICLE' })),
  },
  removeSection: { run: desk.removeSectionAction, setup: withIssue((p) => ({ sectionId: p.empty.id })) },
  moveSection: { run: desk.moveSectionAction, setup: withIssue((p) => ({ sectionId: p.briefs.id, direction: 'up' })) },
  moveItem: { run: desk.moveItemAction, setup: withIssue((p) => ({ itemId: p.b.id, direction: 'up' })) },
  reorderItems: {
    run: desk.reorderItemsAction,
    setup: withIssue((p) => ({ sectionId: p.lead.id, ids: [p.b.id, p.a.id] })),
  },
  placeItem: { run: desk.placeItemAction, setup: withIssue((p) => ({ itemId: p.loose.id, sectionId: p.briefs.id })) },
  moveToSection: {
    run: desk.moveToSectionAction,
    setup: withIssue((p) => ({ itemId: p.b.id, sectionId: p.briefs.id, ids: [p.b.id] })),
  },
  removeItemFromIssue: { run: desk.removeItemFromIssueAction, setup: withIssue((p) => ({ itemId: p.a.id })) },
  publishIssue: {
    run: desk.publishIssueAction,
    setup: withIssue(async (p) => {
      await db.section.delete({ where: { id: p.empty.id } });
      await db.item.update({ where: { id: p.loose.id }, data: { issueId: p.issue.id, sectionId: p.briefs.id } });
      const { version } = await db.issue.findUniqueOrThrow({ where: { id: p.issue.id } });
      return { issueId: p.issue.id, version: String(version) };
    }),
  },
  unpublishIssue: {
    run: desk.unpublishIssueAction,
    setup: async () => {
      const author = await createUser(db, 'CONTRIBUTOR');
      const issue = await createIssue(db, { state: 'PUBLISHED', sections: ['Lead'] });
      await createItem(db, { authorId: author.id, state: 'PUBLISHED', section: issue.sections[0]!, position: 0 });
      return {
        input: { issueId: issue.id, version: String(issue.version) },
        state: async () =>
          db.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { state: true, version: true } }),
      };
    },
  },
  scheduleIssue: {
    run: desk.scheduleIssueAction,
    setup: withIssue((p) => ({
      issueId: p.issue.id,
      at: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16),
    })),
  },
  cancelSchedule: {
    run: desk.cancelScheduleAction,
    setup: withIssue(async (p) => {
      await db.issue.update({ where: { id: p.issue.id }, data: { scheduledAt: new Date(Date.now() + 86_400_000) } });
      return { issueId: p.issue.id };
    }),
  },
  createPreviewLink: {
    run: desk.createPreviewLinkAction,
    setup: withIssue((p) => ({ issueId: p.issue.id, days: '7' })),
  },
  revokePreviewLink: {
    run: desk.revokePreviewLinkAction,
    setup: withIssue(async (p) => {
      const creator = await createUser(db, 'EDITOR');
      const link = await db.previewLink.create({
        data: {
          issueId: p.issue.id,
          tokenHash: hashPreviewToken(newPreviewToken()),
          createdById: creator.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { linkId: link.id };
    }),
  },
};

const expected: Record<Person, string> = {
  anonymous: 'unauthenticated',
  deactivated: 'unauthenticated',
  contributor: 'not-allowed',
  editor: 'ok',
  admin: 'ok',
};

describe('issue desk actions as every kind of person', () => {
  for (const [name, c] of Object.entries(cases)) {
    for (const person of PEOPLE) {
      it(`${name} by ${person}: ${expected[person]}`, async () => {
        const { input, state } = await c.setup();
        const before = await state();
        await actAs(person);
        const result = await c.run(null, input);
        expect(result.ok ? 'ok' : result.code, result.message).toBe(expected[person]);
        if (!result.ok) expect(await state()).toEqual(before);
        else expect(await state()).not.toEqual(before);
      });
    }
  }

  it('creating an issue: editors only, then on to its planning page', async () => {
    for (const person of ['anonymous', 'contributor'] as const) {
      await actAs(person);
      const number = 900_000 + Math.floor(Math.random() * 90_000);
      const result = await desk.createIssueAction(null, { number: String(number), coverLabel: 'Nope 2002' });
      expect(result.ok ? 'ok' : result.code).toBe(expected[person]);
      expect(await db.issue.findUnique({ where: { number } })).toBeNull();
    }
    await actAs('editor');
    const number = 800_000 + Math.floor(Math.random() * 90_000);
    // Success redirects (Next's redirect() throws its own signal); a state the form should not carry is ignored.
    const redirected = await desk
      .createIssueAction(null, { number: String(number), coverLabel: 'Autumn 2002', state: 'PUBLISHED' })
      .catch((e: unknown) => e);
    expect(String((redirected as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;.*\/admin\/issues\//);
    expect(await db.issue.findUniqueOrThrow({ where: { number } })).toMatchObject({
      state: 'PLANNED',
      coverLabel: 'Autumn 2002',
    });
  });
});

describe('refusals arrive as form state', () => {
  it('every field error of a new issue at once, the number taken among them, values kept', async () => {
    await actAs('editor');
    const taken = await createIssue(db, { state: 'PLANNED' });
    const result = await desk.createIssueAction(null, {
      number: String(taken.number),
      coverLabel: 'x'.repeat(81),
      coverDate: '2002-02-30',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      values: { number: String(taken.number), coverDate: '2002-02-30' },
    });
    expect(Object.keys(result.ok ? {} : result.fieldErrors).sort()).toEqual(['coverDate', 'coverLabel']);
    const second = await desk.createIssueAction(null, { number: String(taken.number), coverLabel: 'Fine 2002' });
    expect(second.ok ? {} : second.fieldErrors).toEqual({
      number: [`N° ${taken.number} already exists: choose another number.`],
    });
  });

  it('publishing with blockers: refused, the reasons listed, nothing published', async () => {
    await actAs('editor');
    const p = await plannedIssue();
    await db.item.update({ where: { id: p.a.id }, data: { state: 'IN_REVIEW' } });
    const result = await desk.publishIssueAction(null, { issueId: p.issue.id, version: String(p.issue.version) });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    const reasons = result.ok ? [] : result.fieldErrors[''];
    expect(reasons).toEqual([expect.stringContaining('is in review: it must be approved')]);
    // An empty section is no reason: it is left out when the issue is published.
    expect((reasons ?? []).some((r) => r.includes('The section "Empty"'))).toBe(false);
    expect(await db.item.count({ where: { issueId: p.issue.id, state: 'PUBLISHED' } })).toBe(0);
  });

  it('publishing against a version someone else changed meanwhile: a conflict', async () => {
    await actAs('editor');
    const p = await plannedIssue();
    const result = await desk.publishIssueAction(null, { issueId: p.issue.id, version: String(p.issue.version - 1) });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('editing the details against a version someone else changed meanwhile: a conflict, nothing saved', async () => {
    await actAs('editor');
    const p = await plannedIssue();
    await desk.moveItemAction(null, { itemId: p.b.id, direction: 'up' });
    const result = await desk.updateIssueAction(null, {
      issueId: p.issue.id,
      version: String(p.issue.version),
      number: String(p.issue.number),
      coverLabel: 'Stale 2002',
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict', values: { coverLabel: 'Stale 2002' } });
    expect((await db.issue.findUniqueOrThrow({ where: { id: p.issue.id } })).coverLabel).toBe(p.issue.coverLabel);
  });

  it('removing a section that holds items: refused with the reason', async () => {
    await actAs('editor');
    const p = await plannedIssue();
    const result = await desk.removeSectionAction(null, { sectionId: p.lead.id });
    expect(result).toMatchObject({ ok: false, code: 'not-allowed', message: expect.stringContaining('holds 2 items') });
  });

  it('a schedule in the past or not a real moment: an error on the field', async () => {
    await actAs('editor');
    const p = await plannedIssue();
    const past = await desk.scheduleIssueAction(null, { issueId: p.issue.id, at: '2002-07-01T09:00' });
    expect(past.ok ? {} : past.fieldErrors.at?.[0]).toMatch(/future/);
    const bogus = await desk.scheduleIssueAction(null, { issueId: p.issue.id, at: '2002-02-30T09:00' });
    expect(bogus.ok ? {} : bogus.fieldErrors.at?.[0]).toMatch(/real date/);
    // Typed as UTC, stored as that moment, whatever the time zone of the server.
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 30 * 86_400_000);
    const typed = at.toISOString().slice(0, 16);
    const result = await desk.scheduleIssueAction(null, { issueId: p.issue.id, at: typed });
    expect(result.ok, result.message).toBe(true);
    expect((await db.issue.findUniqueOrThrow({ where: { id: p.issue.id } })).scheduledAt?.toISOString()).toBe(
      `${typed}:00.000Z`,
    );
  });

  it('a share link hands its token over once; the database keeps only its hash', async () => {
    await actAs('editor');
    const p = await plannedIssue();
    const result = await desk.createPreviewLinkAction(null, { issueId: p.issue.id, days: '' });
    if (!result.ok) throw new Error(result.message);
    const token = result.path.split('/').pop()!;
    const stored = await db.previewLink.findUniqueOrThrow({ where: { id: result.linkId } });
    expect(stored.tokenHash).not.toContain(token);
    expect(Math.round((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000)).toBe(7);
    const tooLong = await desk.createPreviewLinkAction(null, { issueId: p.issue.id, days: '90' });
    expect(tooLong.ok ? {} : tooLong.fieldErrors).toEqual({ days: ['Choose between 1 and 30 days.'] });
  });
});

describe('publication settings through the server action', () => {
  const valid = {
    title: 'Trafficking in Migrants',
    subtitle: 'Quarterly Bulletin',
    contactEmail: 'Bulletin@Example.org',
    issn: '1020-8852',
    'sectionTemplate.0.title': 'Lead',
    'sectionTemplate.0.acceptsKind': 'ARTICLE',
    'sectionTemplate.1.title': 'Briefs',
    'sectionTemplate.1.acceptsKind': '',
  };

  for (const person of PEOPLE) {
    const want = person === 'admin' ? 'ok' : expected[person] === 'ok' ? 'not-allowed' : expected[person];
    it(`saving as ${person}: ${want}`, async () => {
      const before = await db.publicationSettings.findUnique({ where: { id: 1 } });
      await actAs(person);
      const result = await settingsActions.updateSettingsAction(null, {
        ...valid,
        subtitle: `Quarterly Bulletin (${person})`,
        // The version the form loaded (1 while nothing is stored).
        expectedVersion: String(before?.version ?? 1),
      });
      expect(result.ok ? 'ok' : result.code).toBe(want);
      const after = await db.publicationSettings.findUnique({ where: { id: 1 } });
      if (want === 'ok')
        expect(after).toMatchObject({
          subtitle: `Quarterly Bulletin (${person})`,
          contactEmail: 'bulletin@example.org',
          sectionTemplate: [
            { title: 'Lead', acceptsKind: 'ARTICLE' },
            { title: 'Briefs', acceptsKind: null },
          ],
        });
      else expect(after).toEqual(before);
    });
  }

  it('every error at once, template rows by their row, what was typed kept', async () => {
    await actAs('admin');
    const stored = await db.publicationSettings.findUnique({ where: { id: 1 } });
    const result = await settingsActions.updateSettingsAction(null, {
      ...valid,
      expectedVersion: String(stored?.version ?? 1),
      title: ' ',
      issn: '1234-5678',
      webAddress: 'javascript:alert(1)',
      'sectionTemplate.1.title': 'lead',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      values: { issn: '1234-5678', 'sectionTemplate.1.title': 'lead' },
    });
    expect(Object.keys(result.ok ? {} : result.fieldErrors).sort()).toEqual([
      'issn',
      'sectionTemplate.1.title',
      'title',
      'webAddress',
    ]);
  });
});
