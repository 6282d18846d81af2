import { afterAll, describe, expect, it } from 'vitest';
import { testDb, uniqueSlug } from '../helpers/db';
import { createIssue, createItem, createMeeting, createUser } from '../helpers/factories';

const db = testDb();
afterAll(() => db.$disconnect());

describe('database constraints', () => {
  it('keep bulletin issue numbers unique and positive', async () => {
    const issue = await createIssue(db);
    await expect(createIssue(db, { number: issue.number })).rejects.toThrow();
    await expect(createIssue(db, { number: -3 })).rejects.toThrow();
  });

  it('keep slugs unique within a bulletin issue, but not across issues', async () => {
    const author = await createUser(db);
    const a = await createIssue(db);
    const b = await createIssue(db);
    const first = await createItem(db, { authorId: author.id, section: a.sections[0]! });
    await expect(
      db.item.update({
        where: { id: (await createItem(db, { authorId: author.id, section: a.sections[0]! })).id },
        data: { slug: first.slug },
      }),
    ).rejects.toThrow();
    const other = await createItem(db, { authorId: author.id, section: b.sections[0]! });
    await expect(db.item.update({ where: { id: other.id }, data: { slug: first.slug } })).resolves.toBeTruthy();
  });

  it('refuse malformed slugs', async () => {
    const author = await createUser(db);
    const item = await createItem(db, { authorId: author.id });
    await expect(db.item.update({ where: { id: item.id }, data: { slug: 'Not A Slug' } })).rejects.toThrow();
    await expect(db.item.update({ where: { id: item.id }, data: { slug: '../etc' } })).rejects.toThrow();
  });

  it("match an item's kind to its meeting or publication link", async () => {
    const author = await createUser(db);
    const meeting = await createMeeting(db);
    await expect(createItem(db, { authorId: author.id, kind: 'ARTICLE', meetingId: meeting.id })).rejects.toThrow();
    await expect(
      createItem(db, { authorId: author.id, kind: 'MEETING_REPORT', meetingId: meeting.id }),
    ).resolves.toBeTruthy();
    const publication = await db.publication.create({ data: { title: 'A report' } });
    await expect(
      createItem(db, { authorId: author.id, kind: 'MEETING_REPORT', publicationId: publication.id }),
    ).rejects.toThrow();
    // An approved meeting report must say which meeting it reports on.
    await expect(createItem(db, { authorId: author.id, kind: 'MEETING_REPORT', state: 'APPROVED' })).rejects.toThrow();
  });

  it("keep an item's section inside its own bulletin issue", async () => {
    const author = await createUser(db);
    const a = await createIssue(db);
    const b = await createIssue(db);
    await expect(
      createItem(db, { authorId: author.id, section: { id: a.sections[0]!.id, issueId: b.id } }),
    ).rejects.toThrow();
    await expect(
      db.item.create({
        data: { kind: 'ARTICLE', title: 't', slug: uniqueSlug(), body: {}, authorId: author.id, issueId: a.id },
      }),
    ).rejects.toThrow();
  });

  it('require a publication date on published rows', async () => {
    const author = await createUser(db);
    const issue = await createIssue(db);
    const item = await createItem(db, { authorId: author.id, section: issue.sections[0]!, state: 'APPROVED' });
    await expect(db.item.update({ where: { id: item.id }, data: { state: 'PUBLISHED' } })).rejects.toThrow();
    await expect(
      db.issue.update({
        where: { id: (await createIssue(db, { state: 'PLANNED' })).id },
        data: { state: 'PUBLISHED' },
      }),
    ).rejects.toThrow();
  });

  it('keep meeting dates in order', async () => {
    await expect(
      createMeeting(db, { startDate: new Date('2002-03-11'), endDate: new Date('2002-03-10') }),
    ).rejects.toThrow();
    await expect(
      createMeeting(db, { startDate: new Date('2002-03-11'), endDate: new Date('2002-03-11') }),
    ).resolves.toBeTruthy();
  });

  it('accept contributions only with consent, and e-mail addresses only in lower case', async () => {
    await expect(
      db.contribution.create({
        data: {
          reference: 'IX-TEST-0001',
          name: 'A',
          email: 'a@example.test',
          kind: 'NEWS',
          message: 'm',
          consent: false,
        },
      }),
    ).rejects.toThrow();
    await expect(db.user.create({ data: { email: 'Mixed@Example.test', name: 'M' } })).rejects.toThrow();
  });

  it('keep the audit trail append-only', async () => {
    const event = await db.auditEvent.create({ data: { action: 'test', entityType: 'Test', entityId: 'x' } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { note: 'rewritten' } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    expect(await db.auditEvent.findUnique({ where: { id: event.id } })).toMatchObject({ action: 'test', note: null });
  });

  it('allow only one publication settings row', async () => {
    await expect(db.publicationSettings.create({ data: { id: 2, title: 'Second' } })).rejects.toThrow();
  });
});
