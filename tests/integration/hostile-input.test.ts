/**
 * Issue 13, defects 9–12 and 14: bad input answers a clear refusal, never a 500. Every text field of
 * the actions that store text (item save, meetings, publications, comments, sections, profile name)
 * is fed the naughty-strings list through the real server actions with a real session, and each
 * answer is either an exact round trip (what is stored is what was typed, trimmed) or an "invalid"
 * with a field error; the action never throws. Missing input, and versions no integer column holds,
 * are "invalid" too. Only next/headers and next/cache are stand-ins.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import type { RichTextDoc } from '@/lib/rich-text/document';
import { tagSlug } from '@/lib/validation/slug';
import { useAppClient } from '../helpers/app-client';
import { createIssue, createItem, createUser } from '../helpers/factories';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));
vi.mock('next/cache', () => import('../helpers/next-cache-mock'));
request.headers.set('x-forwarded-for', '192.0.2.31');

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const items = await import('@/app/admin/items/[id]/actions');
const meetings = await import('@/app/admin/meetings/actions');
const publications = await import('@/app/admin/publications/actions');
const issues = await import('@/app/admin/issues/actions');
const account = await import('@/app/admin/account/actions');

const app = useAppClient();
let db: Db;
let editorId: string;
beforeAll(async () => {
  db = app.db;
  const editor = await createUser(db, 'EDITOR');
  editorId = editor.id;
  request.cookies.clear();
  request.cookies.set(sessionCookie().name, await encodeSessionToken(editor));
});

type Answer = { ok: boolean; code?: string; fieldErrors?: Record<string, string[] | undefined> };

/** Either the value came back exactly (trimmed), or the answer names the field. Never a throw. */
function expectRoundTripOrFieldError(
  answer: Answer,
  fields: string[],
  stored: () => Promise<Record<string, unknown>>,
  typed: string,
) {
  return (async () => {
    if (answer.ok) {
      const values = await stored();
      for (const field of fields) expect(values[field], `${field} ← ${JSON.stringify(typed)}`).toEqual(typed.trim());
      return 'stored';
    }
    expect(answer.code, JSON.stringify(typed)).toBe('invalid');
    const named = Object.entries(answer.fieldErrors ?? {}).filter(([, v]) => (v?.length ?? 0) > 0);
    expect(named.length, `a field error for ${JSON.stringify(typed)}`).toBeGreaterThan(0);
    for (const [field] of named) expect(fields, `${field} ← ${JSON.stringify(typed)}`).toContain(field);
    return 'refused';
  })();
}

/** A create action redirects to the new record's page: its id is the address's last part. */
async function created(answer: Promise<unknown>): Promise<Answer & { id?: string }> {
  try {
    return (await answer) as Answer;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    const m = /^NEXT_REDIRECT;[^;]*;([^;]+);/.exec(digest);
    if (!m) throw error;
    return { ok: true, id: m[1]!.split('?')[0]!.split('/').pop() };
  }
}

const MUST_REFUSE = [
  'nul\u0000inside',
  '\u0000',
  'a\ud800b',
  'a\udfffb',
  '\ud83d',
  'esc \u001b[31mred\u001b[0m',
  'csi \u009b2J',
];

// A few hundred real saves each: far longer than a single test, more so on a busy machine.
describe('the naughty-strings list through every text field of every action (defect 14)', { timeout: 180_000 }, () => {
  it('item save: title, source name and tag name (single-line), standfirst and body text', async () => {
    const item = await createItem(db, { authorId: editorId });
    let version = item.version;
    const outcomes: Record<string, string> = {};
    for (const s of NAUGHTY_STRINGS) {
      // Single-line fields, in one save.
      const single = (await items.saveItemAction(null, {
        itemId: item.id,
        expectedVersion: version,
        fields: { title: s, slug: '', sources: [{ name: s }], tags: [{ kind: 'THEME', name: s }] },
      })) as Answer & { version?: number };
      outcomes[`single ${JSON.stringify(s)}`] = await expectRoundTripOrFieldError(
        single,
        ['title', 'sources.0.name', 'tags.0.name'],
        async () => {
          const row = await db.item.findUniqueOrThrow({
            where: { id: item.id },
            include: { sources: true, tags: { include: { tag: true } } },
          });
          // A tag is the tag of its slug: "NULL" is the tag "null" already made.
          const tag = row.tags[0]?.tag;
          return {
            title: row.title,
            'sources.0.name': row.sources[0]?.name,
            'tags.0.name': tag && tagSlug(tag.name) === tagSlug(s) ? s.trim() : tag?.name,
          };
        },
        s,
      );
      if (single.ok) version = single.version!;

      // Multi-line: the standfirst, and a paragraph of body text (kept as typed: text nodes are not trimmed).
      const body: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: s }] }] };
      const multi = (await items.saveItemAction(null, {
        itemId: item.id,
        expectedVersion: version,
        fields: { title: 'A fixed title', slug: '', standfirst: s, body },
      })) as Answer & { version?: number };
      outcomes[`multi ${JSON.stringify(s)}`] = await expectRoundTripOrFieldError(
        multi,
        ['standfirst', 'body'],
        async () => {
          const row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
          const text = (row.body as RichTextDoc).content[0];
          return {
            standfirst: row.standfirst,
            body:
              text && text.type === 'paragraph' ? (text.content?.[0] as { text?: string })?.text?.trim() : undefined,
          };
        },
        s,
      );
      if (multi.ok) version = multi.version!;
    }
    for (const s of MUST_REFUSE) {
      expect(outcomes[`single ${JSON.stringify(s)}`]).toBe('refused');
      expect(outcomes[`multi ${JSON.stringify(s)}`]).toBe('refused');
    }
    expect(outcomes[`single ${JSON.stringify('two\nlines')}`]).toBe('refused');
    expect(outcomes[`multi ${JSON.stringify('two\nlines')}`]).toBe('stored');
    expect(outcomes[`single ${JSON.stringify('東京都 渋谷区')}`]).toBe('stored');
  });

  it('meetings and publications: every text field', async () => {
    const meetingFields = ['name', 'city', 'country', 'organisers', 'participants'];
    const publicationFields = ['title', 'authors', 'issuingBody'];
    for (const s of NAUGHTY_STRINGS) {
      for (const field of meetingFields) {
        const input = { name: 'A meeting', [field]: s };
        const answer = await created(meetings.createMeetingAction(null, input));
        await expectRoundTripOrFieldError(
          answer,
          [field],
          async () =>
            (await db.meeting.findUniqueOrThrow({ where: { id: answer.id! } })) as unknown as Record<string, unknown>,
          s,
        );
      }
      for (const field of publicationFields) {
        const input = { title: 'A publication', [field]: s };
        const answer = await created(publications.createPublicationAction(null, input));
        await expectRoundTripOrFieldError(
          answer,
          [field],
          async () =>
            (await db.publication.findUniqueOrThrow({ where: { id: answer.id! } })) as unknown as Record<
              string,
              unknown
            >,
          s,
        );
      }
    }
  });

  it('meeting and publication edits: every text field, at the version each save answered', async () => {
    const meeting = await db.meeting.create({ data: { name: 'A meeting to edit' } });
    const publication = await db.publication.create({ data: { title: 'A publication to edit' } });
    let meetingVersion = meeting.version;
    let publicationVersion = publication.version;
    let meetingSaves = 0;
    const outcomes: Record<string, string> = {};
    const groups = [
      { kind: 'meeting', fields: ['name', 'city', 'country'] },
      { kind: 'meeting', fields: ['organisers', 'participants'] },
      { kind: 'publication', fields: ['title', 'authors', 'issuingBody'] },
    ] as const;
    for (const s of NAUGHTY_STRINGS) {
      for (const group of groups) {
        const values = Object.fromEntries(group.fields.map((f) => [f, s]));
        const answer = (
          group.kind === 'meeting'
            ? await meetings.updateMeetingAction(null, {
                meetingId: meeting.id,
                expectedVersion: String(meetingVersion),
                name: 'A meeting to edit',
                ...values,
              })
            : await publications.updatePublicationAction(null, {
                publicationId: publication.id,
                expectedVersion: String(publicationVersion),
                ...values,
              })
        ) as Answer & { version?: number };
        outcomes[`${group.fields[0]} ${JSON.stringify(s)}`] = await expectRoundTripOrFieldError(
          answer,
          [...group.fields],
          async () =>
            (group.kind === 'meeting'
              ? await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })
              : await db.publication.findUniqueOrThrow({ where: { id: publication.id } })) as unknown as Record<
              string,
              unknown
            >,
          s,
        );
        if (answer.ok && group.kind === 'meeting') {
          meetingVersion = answer.version!;
          meetingSaves += 1;
        }
        if (answer.ok && group.kind === 'publication') publicationVersion = answer.version!;
      }
    }
    for (const s of MUST_REFUSE)
      for (const f of ['name', 'organisers', 'title']) expect(outcomes[`${f} ${JSON.stringify(s)}`]).toBe('refused');
    expect(outcomes[`name ${JSON.stringify('two\nlines')}`]).toBe('refused');
    expect(outcomes[`organisers ${JSON.stringify('two\nlines')}`]).toBe('stored');
    expect(outcomes[`title ${JSON.stringify('東京都 渋谷区')}`]).toBe('stored');
    // Every stored save moved the version on by one: none was lost or doubled.
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).version).toBe(1 + meetingSaves);
  });

  it('comments, section titles and the profile name', async () => {
    const item = await createItem(db, { authorId: editorId });
    const issue = await createIssue(db, { state: 'PLANNED' });
    for (const s of NAUGHTY_STRINGS) {
      const comment = (await items.addCommentAction(null, { itemId: item.id, body: s })) as Answer;
      await expectRoundTripOrFieldError(
        comment,
        ['body'],
        async () =>
          (await db.reviewComment.findFirstOrThrow({
            where: { itemId: item.id },
            orderBy: { createdAt: 'desc' },
          })) as unknown as Record<string, unknown>,
        s,
      );

      const section = (await issues.addSectionAction(null, { issueId: issue.id, title: s })) as Answer & {
        sectionId?: string;
      };
      await expectRoundTripOrFieldError(
        section,
        ['title'],
        async () => {
          const row = await db.section.findUniqueOrThrow({ where: { id: section.sectionId! } });
          await db.section.delete({ where: { id: row.id } });
          return row as unknown as Record<string, unknown>;
        },
        s,
      );

      const profile = (await account.updateProfileAction(null, { name: s })) as Answer;
      await expectRoundTripOrFieldError(
        profile,
        ['name'],
        async () =>
          (await db.user.findUniqueOrThrow({ where: { id: editorId } })) as unknown as Record<string, unknown>,
        s,
      );
    }
  });
});

describe('the naughty-strings list as search words', { timeout: 180_000 }, () => {
  it('the pickers and the item list answer (results or a refusal), never a database error', async () => {
    const pickers = await import('@/app/admin/items/new/record-actions');
    const { listItems } = await import('@/lib/content/items/list-items');
    const { actorOf } = await import('../helpers/app-client');
    const editor = await db.user.findUniqueOrThrow({ where: { id: editorId } });
    for (const s of [...NAUGHTY_STRINGS, '%', '_', 'a\\', '\\%']) {
      for (const search of [pickers.searchMeetingsAction, pickers.searchPublicationsAction]) {
        const answer = (await search(null, { q: s })) as Answer;
        if (!answer.ok) expect(answer.code, JSON.stringify(s)).toBe('invalid');
      }
      await listItems(actorOf(editor), { q: s }).catch((error: unknown) => {
        expect((error as Error).name, JSON.stringify(s)).toBe('ValidationError');
      });
    }
  });
});

describe('requests no form sends answer "invalid", not a 500 (defect 11)', () => {
  it('an action called with its input missing, null, a list or a number', async () => {
    const call = items.saveItemAction as unknown as (...args: unknown[]) => Promise<Answer>;
    for (const args of [[], [null], [null, null], [null, []], [null, 42], [null, 'text']]) {
      const answer = await call(...args);
      expect(answer, JSON.stringify(args)).toMatchObject({ ok: false, code: 'invalid' });
    }
  });

  it('an expectedVersion above 2147483647 is a field error, not a database error', async () => {
    const item = await createItem(db, { authorId: editorId });
    for (const expectedVersion of [2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER]) {
      const answer = await items.saveItemAction(null, {
        itemId: item.id,
        expectedVersion,
        fields: { title: 'Still here', slug: '' },
      });
      expect(answer).toMatchObject({ ok: false, code: 'invalid' });
      expect((answer as Answer).fieldErrors?.['']?.length).toBeGreaterThan(0);
    }
    const transition = await items.transitionItemAction(null, {
      itemId: item.id,
      transition: 'submit',
      expectedVersion: 2 ** 31,
    });
    expect(transition).toMatchObject({ ok: false, code: 'invalid' });
    const restore = await items.restoreRevisionAction(null, { itemId: item.id, number: 2 ** 31, expectedVersion: 1 });
    expect(restore).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('GET /api/auth/callback/credentials: 405, not a 500', async () => {
    const route = await import('@/app/api/auth/[...nextauth]/route');
    const response = await route.GET(new Request('http://localhost/api/auth/callback/credentials'), {
      params: Promise.resolve({ nextauth: ['callback', 'credentials'] }),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('an id with a NUL in it', async () => {
    const answer = await items.saveItemAction(null, {
      itemId: 'abc\u0000def',
      expectedVersion: 1,
      fields: { title: 'x', slug: '' },
    });
    expect(answer).toMatchObject({ ok: false, code: 'invalid' });
    expect(await issues.removeSectionAction(null, { sectionId: '\u0000' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });
});
