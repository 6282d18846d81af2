import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { test, expect } from '../fixtures';
import { removeReaderIssue, seedReaderIssue, uniqueWord } from './seed';

test('the meetings calendar and a meeting’s .ics download as text/calendar and parse', async ({
  page,
  request,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('EDITOR');
  const w = uniqueWord();
  const { issue, items } = await seedReaderIssue(db, author.id, [
    {
      title: `Report ${w}`,
      text: 'A meeting.',
      meeting: {
        name: `Round table ${w}`,
        startDate: new Date('2002-03-11'),
        endDate: new Date('2002-03-12'),
        city: 'Vilnius',
        country: 'Lithuania',
      },
    },
  ]);
  const meeting = items[0]!.meeting!;
  try {
    const feed = await request.get('/meetings.ics');
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    const event = events.find((e) => e.summary === `Round table ${w}`)!;
    expect(event.startDate.toString()).toBe('2002-03-11');
    expect(event.endDate.toString()).toBe('2002-03-13');
    expect(event.location).toBe('Vilnius, Lithuania');

    await page.goto(`/meetings?year=2002&country=Lithuania`);
    const entry = page.locator(`#meeting-${meeting.id}`);
    await expect(entry.getByRole('link', { name: `Report: Report ${w}` })).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      entry.getByRole('link', { name: 'Add to my calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`meeting-${meeting.id}.ics`);
    const single = new ICAL.Component(ICAL.parse(await readFile((await download.path())!, 'utf8')));
    expect(new ICAL.Event(single.getFirstSubcomponent('vevent')!).uid).toBe(event.uid);
    const response = await request.get(`/meetings/${meeting.id}/calendar.ics`);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="meeting-/);
  } finally {
    await removeReaderIssue(db, issue.id);
  }
});

test('a publication page carries citation_* tags and its BibTeX export downloads and parses', async ({
  page,
  db,
  makeAccount,
}) => {
  const author = await makeAccount('EDITOR');
  const w = uniqueWord();
  const title = `Trafficking in Österreich {and} Łódź: a résumé ${w}`;
  const { issue, items } = await seedReaderIssue(db, author.id, [
    {
      title: `Review ${w}`,
      text: 'A review.',
      publication: {
        title,
        authors: 'José Müller and Ann Smith',
        issuingBody: 'IOM Wien & Co',
        availability: 'FORTHCOMING',
      },
    },
  ]);
  const publication = items[0]!.publication!;
  try {
    await page.goto(`/publications?availability=forthcoming&sort=title`);
    await page.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(`/publications/${publication.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('link', { name: `Review ${w}` })).toBeVisible();
    await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute('content', title);
    await expect(page.locator('meta[name="citation_author"]')).toHaveCount(2);
    await expect(page.locator('meta[name="citation_publisher"]')).toHaveAttribute('content', 'IOM Wien & Co');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'BibTeX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`publication-${publication.id}.bib`);
    const library = parseBibtex(await readFile((await download.path())!, 'utf8'));
    expect(library.errors).toEqual([]);
    const [entry] = library.entries;
    expect(entry!.fields.title!.replace(/<[^>]+>/g, '').normalize('NFC')).toBe(title);
    expect(entry!.fields.author!.map((a) => a.lastName?.normalize('NFC'))).toEqual(['Müller', 'Smith']);
    expect(entry!.fields.note).toBe('Forthcoming');

    // The catalogue's own export, filtered as the page is.
    const ris = await page.request.get(`/publications/cite/ris?availability=forthcoming`);
    expect(ris.headers()['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
    expect(await ris.text()).toContain(`TI  - ${title}`);
  } finally {
    await removeReaderIssue(db, issue.id);
  }
});
