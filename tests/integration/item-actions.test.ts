/**
 * The item half of the policy matrix through the real item pages and server actions
 * (app/admin/items/[id]/page.tsx and actions.ts) with real session tokens, encoded as next-auth
 * issues them and read back by getCurrentActor from the database. A page or action that forgot its
 * check, or a lib/ function that skipped the policy, fails here even when lib/authz/policy.ts is right.
 * Every refusal must change nothing (item, revisions, comments, audit trail) and answer the way the
 * policy says: "not found" for an item the person may not see, "not allowed" for one they may see but
 * not change now, and a sign-in for no (or an ended) session. Only next/headers and next/cache are stand-ins.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ItemState, Role } from '@/generated/prisma/enums';
import type { Db } from '@/lib/db/client';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { useAppClient } from '../helpers/app-client';
import { createItem, createUser } from '../helpers/factories';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
request.headers.set('x-forwarded-for', '192.0.2.20');

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const actions = await import('@/app/admin/items/[id]/actions');
const newItemActions = await import('@/app/admin/items/new/actions');
const recordActions = await import('@/app/admin/items/new/record-actions');
const pages = {
  edit: (await import('@/app/admin/items/[id]/page')).default,
  history: (await import('@/app/admin/items/[id]/history/page')).default,
  preview: (await import('@/app/admin/items/[id]/preview/page')).default,
};

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

// --- People and their sessions --------------------------------------------------------------------

type Person = 'anonymous' | 'deactivated' | 'endedSession' | 'contributor' | 'editor';

async function signIn(person: Person): Promise<string | null> {
  request.cookies.clear();
  if (person === 'anonymous') return null;
  const role: Role = person === 'contributor' ? 'CONTRIBUTOR' : 'EDITOR';
  const user = await createUser(db, role);
  const token = await encodeSessionToken(user);
  if (person === 'deactivated')
    await db.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED', sessionVersion: { increment: 1 } } });
  if (person === 'endedSession')
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  request.cookies.set(sessionCookie().name, token);
  return user.id;
}

// --- The cases: who, whose item, in which state ---------------------------------------------------

type Case = { name: string; person: Person; owner: 'self' | 'other'; state: ItemState };
const CASES: Case[] = [
  { name: 'anonymous', person: 'anonymous', owner: 'other', state: 'DRAFT' },
  { name: 'a deactivated account', person: 'deactivated', owner: 'self', state: 'DRAFT' },
  { name: 'a session ended elsewhere', person: 'endedSession', owner: 'self', state: 'DRAFT' },
  { name: "a contributor on someone else's draft", person: 'contributor', owner: 'other', state: 'DRAFT' },
  { name: "a contributor on someone else's item in review", person: 'contributor', owner: 'other', state: 'IN_REVIEW' },
  { name: 'a contributor on their own item in review', person: 'contributor', owner: 'self', state: 'IN_REVIEW' },
  { name: 'a contributor on their own approved item', person: 'contributor', owner: 'self', state: 'APPROVED' },
  { name: 'a contributor on their own draft', person: 'contributor', owner: 'self', state: 'DRAFT' },
  {
    name: 'a contributor on their own item with changes requested',
    person: 'contributor',
    owner: 'self',
    state: 'CHANGES_REQUESTED',
  },
  { name: "an editor on someone's item in review", person: 'editor', owner: 'other', state: 'IN_REVIEW' },
  { name: 'an editor on an archived item', person: 'editor', owner: 'other', state: 'ARCHIVED' },
];

// What each case may do: ok, not-found, not-allowed, unauthenticated (actions) / login (pages).
type Outcome = 'ok' | 'not-found' | 'not-allowed' | 'unauthenticated';
const expected: Record<
  string,
  { read: Outcome; save: Outcome; submit: Outcome; approve: Outcome; comment: Outcome; restore: Outcome }
> = {
  anonymous: {
    read: 'unauthenticated',
    save: 'unauthenticated',
    submit: 'unauthenticated',
    approve: 'unauthenticated',
    comment: 'unauthenticated',
    restore: 'unauthenticated',
  },
  'a deactivated account': {
    read: 'unauthenticated',
    save: 'unauthenticated',
    submit: 'unauthenticated',
    approve: 'unauthenticated',
    comment: 'unauthenticated',
    restore: 'unauthenticated',
  },
  'a session ended elsewhere': {
    read: 'unauthenticated',
    save: 'unauthenticated',
    submit: 'unauthenticated',
    approve: 'unauthenticated',
    comment: 'unauthenticated',
    restore: 'unauthenticated',
  },
  "a contributor on someone else's draft": {
    read: 'not-found',
    save: 'not-found',
    submit: 'not-found',
    approve: 'not-found',
    comment: 'not-found',
    restore: 'not-found',
  },
  "a contributor on someone else's item in review": {
    read: 'not-found',
    save: 'not-found',
    submit: 'not-found',
    approve: 'not-found',
    comment: 'not-found',
    restore: 'not-found',
  },
  'a contributor on their own item in review': {
    read: 'ok',
    save: 'not-allowed',
    submit: 'not-allowed',
    approve: 'not-allowed',
    comment: 'ok',
    restore: 'not-allowed',
  },
  'a contributor on their own approved item': {
    read: 'ok',
    save: 'not-allowed',
    submit: 'not-allowed',
    approve: 'not-allowed',
    comment: 'ok',
    restore: 'not-allowed',
  },
  'a contributor on their own draft': {
    read: 'ok',
    save: 'ok',
    submit: 'ok',
    approve: 'not-allowed',
    comment: 'ok',
    restore: 'ok',
  },
  'a contributor on their own item with changes requested': {
    read: 'ok',
    save: 'ok',
    submit: 'ok',
    approve: 'not-allowed',
    comment: 'ok',
    restore: 'ok',
  },
  "an editor on someone's item in review": {
    read: 'ok',
    save: 'ok',
    submit: 'not-allowed',
    approve: 'ok',
    comment: 'ok',
    restore: 'ok',
  },
  'an editor on an archived item': {
    read: 'ok',
    save: 'not-allowed',
    submit: 'not-allowed',
    approve: 'not-allowed',
    comment: 'ok',
    restore: 'not-allowed',
  },
};

async function arrange(c: Case) {
  const selfId = await signIn(c.person);
  const ownerId = c.owner === 'self' && selfId ? selfId : (await createUser(db, 'CONTRIBUTOR')).id;
  // Session first, then the item: a deactivated account's own item is still theirs.
  const item = await createItem(db, { authorId: ownerId, state: c.state, paragraphs: ['The text as it was.'] });
  // A revision to restore (as if saved once before).
  await db.revision.create({
    data: {
      itemId: item.id,
      number: 1,
      kind: 'SAVE',
      itemVersion: 1,
      authorId: ownerId,
      snapshot: {
        title: 'An older title',
        slug: item.slug,
        standfirst: '',
        body: docFromParagraphs(['Older text.']),
        tags: [],
        sources: [],
        meetingId: null,
        publicationId: null,
      },
    },
  });
  return { selfId, item };
}

async function stateOf(itemId: string) {
  return {
    item: await db.item.findUniqueOrThrow({
      where: { id: itemId },
      select: { title: true, body: true, state: true, version: true, updatedAt: true, correctedAt: true },
    }),
    revisions: await db.revision.count({ where: { itemId } }),
    comments: await db.reviewComment.count({ where: { itemId } }),
    events: await db.auditEvent.count({ where: { entityId: itemId } }),
  };
}

/** A page's answer: rendered, sent to sign in (redirect), or the 404 page (notFound). */
async function readPage(render: () => Promise<unknown>): Promise<Outcome | 'login'> {
  try {
    await render();
    return 'ok';
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT') && digest.includes('/login')) return 'login';
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    throw error;
  }
}

const code = (result: { ok: boolean; code?: string }) => (result.ok ? 'ok' : result.code);

describe('item pages and actions through real sessions', () => {
  for (const c of CASES) {
    const want = expected[c.name]!;

    it(`read (edit, history and preview pages) by ${c.name}: ${want.read}`, async () => {
      const { item } = await arrange(c);
      const before = await stateOf(item.id);
      const props = { params: Promise.resolve({ id: item.id }), searchParams: Promise.resolve({}) };
      const pageWant = want.read === 'unauthenticated' ? 'login' : want.read;
      expect(await readPage(() => pages.edit(props))).toBe(pageWant);
      expect(await readPage(() => pages.history(props))).toBe(pageWant);
      expect(await readPage(() => pages.preview(props))).toBe(pageWant);
      expect(await stateOf(item.id)).toEqual(before);
    });

    it(`save by ${c.name}: ${want.save}`, async () => {
      const { item } = await arrange(c);
      const before = await stateOf(item.id);
      const result = await actions.saveItemAction(null, {
        itemId: item.id,
        expectedVersion: item.version,
        fields: {
          title: 'Changed by the request',
          slug: item.slug,
          standfirst: '',
          body: docFromParagraphs(['New text.']),
          tags: [],
          sources: [],
        },
      });
      expect(code(result)).toBe(want.save);
      const after = await stateOf(item.id);
      if (want.save === 'ok') {
        expect(after.item).toMatchObject({
          title: 'Changed by the request',
          version: item.version + 1,
          state: c.state,
        });
      } else {
        expect(after).toEqual(before);
      }
    });

    // The same refusal whatever version is sent (issue 13, defect 4): with an older one, someone who
    // may not edit must not reach the slug check or leave a CONFLICT revision behind.
    for (const staleBy of [1, 5] as const) {
      it(`save with a version ${staleBy} behind by ${c.name}: ${want.save === 'ok' ? 'conflict' : want.save}`, async () => {
        const { item } = await arrange(c);
        await db.item.update({ where: { id: item.id }, data: { version: { increment: staleBy } } });
        const before = await stateOf(item.id);
        const result = await actions.saveItemAction(null, {
          itemId: item.id,
          expectedVersion: item.version,
          fields: {
            title: 'Changed by the request',
            slug: item.slug,
            standfirst: '',
            body: docFromParagraphs(['New text.']),
            tags: [],
            sources: [],
          },
        });
        expect(code(result)).toBe(want.save === 'ok' ? 'conflict' : want.save);
        const after = await stateOf(item.id);
        if (want.save === 'ok') {
          // Refused as stale; the typed text is kept as one CONFLICT revision (and nothing else changes).
          expect(after.item).toEqual(before.item);
          expect(after.revisions).toBeGreaterThan(before.revisions);
        } else {
          expect(after).toEqual(before);
        }
      });

      it(`restore with a version ${staleBy} behind by ${c.name}: ${want.restore === 'ok' ? 'conflict' : want.restore}`, async () => {
        const { item } = await arrange(c);
        await db.item.update({ where: { id: item.id }, data: { version: { increment: staleBy } } });
        const before = await stateOf(item.id);
        const result = await actions.restoreRevisionAction(null, {
          itemId: item.id,
          number: 1,
          expectedVersion: item.version,
        });
        expect(code(result)).toBe(want.restore === 'ok' ? 'conflict' : want.restore);
        const after = await stateOf(item.id);
        expect(after.item).toEqual(before.item);
        if (want.restore !== 'ok') expect(after).toEqual(before);
      });
    }

    for (const transition of ['submit', 'approve'] as const) {
      it(`${transition} by ${c.name}: ${want[transition]}`, async () => {
        const { item, selfId } = await arrange(c);
        const before = await stateOf(item.id);
        const result = await actions.transitionItemAction(null, {
          itemId: item.id,
          transition,
          expectedVersion: item.version,
          note: null,
        });
        expect(code(result)).toBe(want[transition]);
        const after = await stateOf(item.id);
        if (want[transition] === 'ok') {
          expect(after.item).toMatchObject({
            state: transition === 'submit' ? 'IN_REVIEW' : 'APPROVED',
            version: item.version + 1,
          });
          const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id }, orderBy: { id: 'desc' } });
          expect(event).toMatchObject({ action: `item.${transition}`, actorId: selfId, fromState: c.state });
        } else {
          expect(after).toEqual(before);
        }
      });
    }

    it(`comment by ${c.name}: ${want.comment}`, async () => {
      const { item } = await arrange(c);
      const before = await stateOf(item.id);
      const result = await actions.addCommentAction(null, {
        itemId: item.id,
        body: 'A comment.',
        quote: 'text as it was',
      });
      expect(code(result)).toBe(want.comment);
      const after = await stateOf(item.id);
      if (want.comment === 'ok') expect(after.comments).toBe(before.comments + 1);
      else expect(after).toEqual(before);
    });

    it(`restore a revision by ${c.name}: ${want.restore}`, async () => {
      const { item } = await arrange(c);
      const before = await stateOf(item.id);
      const result = await actions.restoreRevisionAction(null, {
        itemId: item.id,
        number: 1,
        expectedVersion: item.version,
      });
      expect(code(result)).toBe(want.restore);
      const after = await stateOf(item.id);
      if (want.restore === 'ok')
        expect(after.item).toMatchObject({ title: 'An older title', version: item.version + 1 });
      else expect(after).toEqual(before);
    });
  }
});

describe('what the request may not decide', () => {
  it('never takes the author, state, version or kind from the form', async () => {
    const selfId = await signIn('contributor');
    const item = await createItem(db, { authorId: selfId!, state: 'DRAFT' });
    const result = await actions.saveItemAction(null, {
      itemId: item.id,
      expectedVersion: item.version,
      fields: {
        title: 'Mine',
        kind: 'PUBLICATION_REVIEW',
        state: 'APPROVED',
        authorId: 'someone-else',
        version: 99,
        publishedAt: '2002-01-01',
        body: docFromParagraphs(['x']),
      },
    });
    expect(result.ok).toBe(true);
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      kind: 'ARTICLE',
      state: 'DRAFT',
      authorId: selfId,
      version: 2,
      publishedAt: null,
    });
  });

  it('refuses a transition name that is not in the workflow table, and publishing outside an issue', async () => {
    await signIn('editor');
    const owner = await createUser(db, 'CONTRIBUTOR');
    const item = await createItem(db, { authorId: owner.id, state: 'APPROVED' });
    for (const transition of ['__proto__', 'constructor', 'delete', 'publish']) {
      const result = await actions.transitionItemAction(null, {
        itemId: item.id,
        transition,
        expectedVersion: item.version,
      });
      expect(result.ok, transition).toBe(false);
    }
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: 'APPROVED',
      version: item.version,
    });
  });

  it('a stale save is answered with the conflict, and a stale transition with the current state', async () => {
    await signIn('editor');
    const owner = await createUser(db, 'CONTRIBUTOR');
    const item = await createItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    await db.item.update({ where: { id: item.id }, data: { version: { increment: 1 } } });
    const save = await actions.saveItemAction(null, {
      itemId: item.id,
      expectedVersion: 1,
      fields: { title: 'Late', body: docFromParagraphs(['late']) },
    });
    expect(save).toMatchObject({
      ok: false,
      code: 'conflict',
      conflict: { version: 2, canEdit: true, yourChanges: expect.any(Array) },
    });
    const approve = await actions.transitionItemAction(null, {
      itemId: item.id,
      transition: 'approve',
      expectedVersion: 1,
    });
    expect(approve).toMatchObject({ ok: false, code: 'conflict', conflict: { state: 'IN_REVIEW', version: 2 } });
    expect(await db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: 'IN_REVIEW',
      version: 2,
    });
  });

  it('request changes needs a note, every field error comes back at once', async () => {
    await signIn('editor');
    const owner = await createUser(db, 'CONTRIBUTOR');
    const item = await createItem(db, { authorId: owner.id, state: 'IN_REVIEW' });
    const result = await actions.transitionItemAction(null, {
      itemId: item.id,
      transition: 'requestChanges',
      expectedVersion: 1,
      note: '  ',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { note: [expect.stringContaining('author sees')] },
    });
    const save = await actions.saveItemAction(null, {
      itemId: item.id,
      expectedVersion: 1,
      fields: {
        title: '',
        slug: 'Not A Slug',
        sources: [{ name: '', url: 'javascript:alert(1)', date: '2002-02-31' }],
        body: { type: 'doc', content: [{ type: 'script' }] },
      },
    });
    expect(save.ok).toBe(false);
    expect(Object.keys(save.ok ? {} : save.fieldErrors).sort()).toEqual([
      'body',
      'slug',
      'sources.0.date',
      'sources.0.name',
      'sources.0.url',
      'title',
    ]);
  });
});

describe('the action boundary: each input schema is the shape the page sends', () => {
  const fieldErrorsOf = (result: { ok: boolean; code?: string; fieldErrors?: Record<string, string[]> }) => {
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    return result.fieldErrors ?? {};
  };

  it('refuses a save of the wrong shape before reading anything, each error at its field, the request’s own at the form', async () => {
    const selfId = await signIn('contributor');
    const item = await createItem(db, { authorId: selfId!, state: 'DRAFT' });
    const before = await stateOf(item.id);
    const errors = fieldErrorsOf(
      await actions.saveItemAction(null, {
        itemId: item.id,
        expectedVersion: String(item.version),
        fields: { title: 42, tags: [{ kind: 'PLANET' }], sources: 'Reuters', body: docFromParagraphs(['x']) },
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['', 'sources', 'tags.0.kind', 'tags.0.name', 'title']);
    expect(errors['']).toEqual(['The page is missing the version it was loaded at: reload it.']);
    expect(await stateOf(item.id)).toEqual(before);
  });

  it('asks for a session before looking at the input', async () => {
    await signIn('anonymous');
    const result = await actions.saveItemAction(null, { itemId: 42, expectedVersion: 'x', fields: null });
    expect(result).toMatchObject({ ok: false, code: 'unauthenticated', fieldErrors: {} });
  });

  it('refuses a transition, comment or restore whose version, name or text is not what the page sends', async () => {
    const selfId = await signIn('contributor');
    const item = await createItem(db, { authorId: selfId!, state: 'DRAFT', paragraphs: ['Some text.'] });
    const before = await stateOf(item.id);
    expect(
      Object.keys(
        fieldErrorsOf(await actions.transitionItemAction(null, { itemId: item.id, transition: 'submit', note: null })),
      ),
    ).toEqual(['expectedVersion']);
    expect(
      fieldErrorsOf(
        await actions.transitionItemAction(null, { itemId: item.id, transition: 'delete', expectedVersion: 1 }),
      ),
    ).toEqual({ transition: ['Not a workflow step.'] });
    expect(
      Object.keys(
        fieldErrorsOf(await actions.addCommentAction(null, { itemId: item.id, body: 42, quote: ['Some'] })),
      ).sort(),
    ).toEqual(['body', 'quote']);
    expect(
      Object.keys(
        fieldErrorsOf(await actions.restoreRevisionAction(null, { itemId: item.id, number: 1, expectedVersion: 1.5 })),
      ),
    ).toEqual(['expectedVersion']);
    expect(await stateOf(item.id)).toEqual(before);
  });

  it('refuses a new item, or a record made from the item form, with every error at its field', async () => {
    const selfId = await signIn('contributor');
    const items = await db.item.count({ where: { authorId: selfId! } });
    const created = await newItemActions.createItemAction(null, {
      fields: { kind: 'ARTICLE', title: '', sources: [{ name: '', url: 'javascript:alert(1)' }] },
    });
    expect(Object.keys(fieldErrorsOf(created)).sort()).toEqual(['sources.0.name', 'sources.0.url', 'title']);
    expect(await db.item.count({ where: { authorId: selfId! } })).toBe(items);
    // The item form's "New meeting" sends the record's own fields, flat, as the record's form does.
    const meeting = await recordActions.createMeetingAction(null, {
      name: '',
      url: 'ftp://example.org',
      startDate: '2002-03-11',
      endDate: '2002-03-10',
    });
    expect(Object.keys(fieldErrorsOf(meeting)).sort()).toEqual(['endDate', 'name', 'url']);
    const publication = await recordActions.createPublicationAction(null, { title: 'T', isbn: '12' });
    expect(fieldErrorsOf(publication)).toEqual({ isbn: ['Enter a valid ISBN-10 or ISBN-13 (check the last digit).'] });
    // The same actions succeed with the shape the page sends.
    const ok = await newItemActions.createItemAction(null, { fields: { kind: 'ARTICLE', title: 'A title' } });
    expect(ok).toMatchObject({ ok: true, version: 1, slug: 'a-title' });
  });
});
