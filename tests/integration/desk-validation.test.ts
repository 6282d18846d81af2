import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createItem } from '@/lib/content/items/create-item';
import { updateItem } from '@/lib/content/items/update-item';
import { createRecord } from '@/lib/content/records/create-record';
import { getRecord } from '@/lib/content/records/get-record';
import { listRecords } from '@/lib/content/records/list-records';
import { updateRecord } from '@/lib/content/records/update-record';
import { NotAllowedError, NotFoundError, ValidationError } from '@/lib/errors';
import { meetingKind } from '@/lib/records/meeting';
import { publicationKind } from '@/lib/records/publication';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { actorOf, rejectionOf, useAppClient } from '../helpers/app-client';
import { createItem as seedItem, createUser } from '../helpers/factories';

const app = useAppClient();
let db: Db;
beforeAll(() => {
  db = app.db;
});

const fieldErrorsOf = async (p: Promise<unknown>) => {
  const error = await rejectionOf(p);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
};

describe('item validation', () => {
  it('returns every field error at once, by field', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const errors = await fieldErrorsOf(
      createItem(author, {
        kind: 'ARTICLE',
        title: ' ',
        slug: 'Not a slug!',
        standfirst: 'x'.repeat(601),
        body: { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] },
        tags: [{ kind: 'PLANET' as never, name: '' }],
        sources: [{ name: '', url: 'ftp://example.org', date: '2002-02-30' }],
        meetingId: 'some-meeting',
        publicationId: 'some-publication',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'body',
        'meetingId',
        'publicationId',
        'slug',
        'sources.0.date',
        'sources.0.name',
        'sources.0.url',
        'standfirst',
        'tags.0.kind',
        'tags.0.name',
        'title',
      ].sort(),
    );
  });

  it('generates the slug from the title when none is given, and keeps a typed one', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    expect(
      (await createItem(author, { kind: 'ARTICLE', title: 'N° 25 — Ça va: Smuggling in the Adriatic!' })).slug,
    ).toBe('n-25-ca-va-smuggling-in-the-adriatic');
    expect((await createItem(author, { kind: 'ARTICLE', title: '—' })).slug).toBe('item');
    expect((await createItem(author, { kind: 'ARTICLE', title: 'x'.repeat(300) })).slug).toHaveLength(120);
    expect((await createItem(author, { kind: 'ARTICLE', title: 'Any', slug: 'my-own-slug' })).slug).toBe('my-own-slug');
  });

  it('refuses links to records that do not exist, and too many sources', async () => {
    const author = actorOf(await createUser(db, 'CONTRIBUTOR'));
    expect(
      Object.keys(
        await fieldErrorsOf(createItem(author, { kind: 'MEETING_REPORT', title: 'T', meetingId: 'missing' })),
      ),
    ).toEqual(['meetingId']);
    expect(
      Object.keys(
        await fieldErrorsOf(createItem(author, { kind: 'PUBLICATION_REVIEW', title: 'T', publicationId: 'missing' })),
      ),
    ).toEqual(['publicationId']);
    const sources = Array.from({ length: 31 }, (_, i) => ({ name: `S${i}` }));
    expect(Object.keys(await fieldErrorsOf(createItem(author, { kind: 'ARTICLE', title: 'T', sources })))).toEqual([
      'sources',
    ]);
  });

  it('takes the kind from the server on update, not from the form', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const item = await seedItem(db, { authorId: author.id, kind: 'ARTICLE' });
    const meeting = await db.meeting.create({ data: { name: 'M' } });
    const errors = await fieldErrorsOf(
      updateItem(actorOf(author), item.id, {
        expectedVersion: 1,
        fields: { kind: 'MEETING_REPORT', title: 'T', body: docFromParagraphs(['x']), meetingId: meeting.id },
      }),
    );
    expect(Object.keys(errors)).toEqual(['meetingId']);
  });

  it('requires the link once an item is past the draft stage', async () => {
    const author = await createUser(db, 'CONTRIBUTOR');
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const meeting = await db.meeting.create({ data: { name: 'M' } });
    const item = await seedItem(db, {
      authorId: author.id,
      kind: 'MEETING_REPORT',
      state: 'APPROVED',
      meetingId: meeting.id,
    });
    const errors = await fieldErrorsOf(
      updateItem(editor, item.id, { expectedVersion: 1, fields: { title: 'T', meetingId: null } }),
    );
    expect(Object.keys(errors)).toEqual(['meetingId']);
  });
});

describe('meetings', () => {
  it('may be created by anyone signed in, edited by editors only', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const meeting = await createRecord(meetingKind, contributor, {
      name: 'Regional Ministerial Conference on People Smuggling',
      startDate: '2002-02-26',
      endDate: '2002-02-28',
      city: 'Bali',
      country: 'Indonesia',
      organisers: 'Governments of Indonesia and Australia',
      url: 'https://example.org/bali',
    });
    expect(meeting).toMatchObject({
      startDate: '2002-02-26',
      endDate: '2002-02-28',
      datePrecision: 'DAY',
      participants: '',
      itemCount: 0,
    });
    expect(
      await rejectionOf(
        updateRecord(meetingKind, contributor, meeting.id, { name: 'Renamed' }, { expectedVersion: 1 }),
      ),
    ).toBeInstanceOf(NotAllowedError);
    expect(await rejectionOf(createRecord(meetingKind, null, { name: 'X' }))).toBeInstanceOf(NotFoundError);
    await expect(
      updateRecord(
        meetingKind,
        editor,
        meeting.id,
        {
          name: 'Bali Conference',
          startDate: '2002-02',
          datePrecision: 'MONTH',
        },
        { expectedVersion: 1 },
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      updateRecord(
        meetingKind,
        editor,
        meeting.id,
        {
          name: 'Bali Conference',
          startDate: '2002-02-01',
          datePrecision: 'MONTH',
        },
        { expectedVersion: 1 },
      ),
    ).resolves.toMatchObject({
      name: 'Bali Conference',
      endDate: null,
      city: '',
    });
    expect(
      await rejectionOf(updateRecord(meetingKind, editor, 'missing', { name: 'X' }, { expectedVersion: 1 })),
    ).toBeInstanceOf(NotFoundError);
    expect((await getRecord(meetingKind, contributor, meeting.id)).name).toBe('Bali Conference');
  });

  it('return every field error at once, including dates out of order', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const errors = await fieldErrorsOf(
      createRecord(meetingKind, contributor, {
        name: '',
        startDate: '2002-03-11',
        endDate: '2002-03-10',
        url: 'javascript:alert(1)',
        datePrecision: 'WEEK' as never,
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['datePrecision', 'endDate', 'name', 'url']);
  });

  it('can be searched for the picker', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const word = `Conf${Date.now()}`;
    await createRecord(meetingKind, contributor, { name: `${word} Vienna`, city: 'Vienna', startDate: '2002-03-01' });
    await createRecord(meetingKind, contributor, { name: `${word} Bangkok`, city: 'Bangkok', startDate: '2002-04-01' });
    expect((await listRecords(meetingKind, contributor, { q: word })).rows.map((m) => m.city)).toEqual([
      'Bangkok',
      'Vienna',
    ]);
    expect((await listRecords(meetingKind, contributor, { q: `${word.toLowerCase()} vienna` })).rows).toHaveLength(1);
    expect(await rejectionOf(listRecords(meetingKind, null))).toBeInstanceOf(NotFoundError);
  });
});

describe('publications', () => {
  it('validate the link and the ISBN, and take editors to change', async () => {
    const contributor = actorOf(await createUser(db, 'CONTRIBUTOR'));
    const editor = actorOf(await createUser(db, 'EDITOR'));
    const errors = await fieldErrorsOf(
      createRecord(publicationKind, contributor, {
        title: '',
        url: 'data:text/html,hi',
        isbn: '978-0-306-40615-6',
        kind: 'NOVEL' as never,
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['isbn', 'kind', 'title', 'url']);
    const publication = await createRecord(publicationKind, contributor, {
      title: 'Migrant Trafficking and Human Smuggling in Europe',
      authors: 'J. Salt, J. Hogarth',
      issuingBody: 'IOM',
      date: '2000-01-01',
      datePrecision: 'YEAR',
      availability: 'FORTHCOMING',
      isbn: '978-0-306-40615-7',
    });
    expect(publication).toMatchObject({
      kind: 'RESEARCH_REPORT',
      availability: 'FORTHCOMING',
      isbn: '978-0-306-40615-7',
      url: null,
      date: '2000-01-01',
    });
    expect(
      await rejectionOf(
        updateRecord(publicationKind, contributor, publication.id, { title: 'X' }, { expectedVersion: 1 }),
      ),
    ).toBeInstanceOf(NotAllowedError);
    await expect(
      updateRecord(
        publicationKind,
        editor,
        publication.id,
        { title: 'Renamed', isbn: '0-306-40615-2' },
        { expectedVersion: 1 },
      ),
    ).resolves.toMatchObject({ title: 'Renamed', isbn: '0-306-40615-2' });
    expect((await listRecords(publicationKind, contributor, { q: '0-306-40615-2' })).rows.map((p) => p.id)).toContain(
      publication.id,
    );
  });
});
