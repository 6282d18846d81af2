/**
 * The desk's item preview (app/admin/items/[id]/preview) shows what readers will see: it renders the
 * same view as the public item page (components/public/item-view.tsx), meeting facts, sources and
 * topics included. Both pages are rendered to HTML from real rows; only next/headers is a stand-in.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { useAppClient } from '../helpers/app-client';
import { createIssue, createItem, createMeeting, createUser } from '../helpers/factories';
import { request } from '../helpers/next-headers-mock';

vi.mock('next/headers', () => import('../helpers/next-headers-mock'));

process.env.NEXTAUTH_SECRET = 'vitest-only-secret-0123456789abcdef';

const { encodeSessionToken } = await import('@/lib/auth/session');
const { sessionCookie } = await import('@/lib/auth/cookies');
const previewPage = (await import('@/app/admin/items/[id]/preview/page')).default;
const publicPage = (await import('@/app/(public)/issues/[number]/[slug]/page')).default;

const app = useAppClient();
let db: Db;
beforeAll(async () => {
  db = app.db;
  const editor = await createUser(db, 'EDITOR');
  request.cookies.set(sessionCookie().name, await encodeSessionToken(editor));
});

/** The <article> of a rendered page, without the attributes and breadcrumb that differ on purpose. */
function article(html: string): string {
  const found = html.match(/<article[^>]*>[\s\S]*<\/article>/)?.[0];
  if (!found) throw new Error(`no <article> in ${html.slice(0, 200)}`);
  return found.replace(/^<article[^>]*>/, '<article>').replace(/<nav aria-label="Breadcrumb"[\s\S]*?<\/nav>/, '');
}

async function meetingReport(state: 'APPROVED' | 'PUBLISHED') {
  const author = await createUser(db, 'CONTRIBUTOR');
  const meeting = await createMeeting(db);
  await db.meeting.update({
    where: { id: meeting.id },
    data: { organisers: 'IOM and the Government of Indonesia', participants: 'Ministers of 38 countries' },
  });
  const issue = await createIssue(db, { state: state === 'PUBLISHED' ? 'PUBLISHED' : 'IN_PRODUCTION' });
  const item = await createItem(db, {
    authorId: author.id,
    kind: 'MEETING_REPORT',
    state,
    meetingId: meeting.id,
    section: issue.sections[0]!,
  });
  await db.source.create({
    data: {
      itemId: item.id,
      position: 0,
      name: 'Jakarta Post',
      url: 'https://example.org/a',
      date: new Date('2002-03-01'),
    },
  });
  const tag = await db.tag.create({ data: { kind: 'COUNTRY', name: `Indonesia ${item.id}`, slug: `id-${item.id}` } });
  await db.itemTag.create({ data: { itemId: item.id, tagId: tag.id } });
  return { item, issue, tag };
}

describe('the item preview', () => {
  it("shows the meeting's facts, who organised it and who took part, the sources and the topics", async () => {
    const { item, tag } = await meetingReport('APPROVED');
    const html = renderToStaticMarkup(await previewPage({ params: Promise.resolve({ id: item.id }) }));
    expect(html).toContain('data-testid="item-preview"');
    expect(html).toContain('26–28 February 2002');
    expect(html).toContain('Bali, Indonesia');
    expect(html).toContain('About the meeting');
    expect(html).toContain('<dt>Organised by</dt><dd>IOM and the Government of Indonesia</dd>');
    expect(html).toContain('<dt>Taking part</dt><dd>Ministers of 38 countries</dd>');
    expect(html).toContain(
      '<a href="https://example.org/a">Jakarta Post</a>, <time dateTime="2002-03-01">1 March 2002</time>',
    );
    expect(html).toContain(tag.name);
  });

  it('is the public item page, once the item is published', async () => {
    const { item, issue } = await meetingReport('PUBLISHED');
    const preview = renderToStaticMarkup(await previewPage({ params: Promise.resolve({ id: item.id }) }));
    const published = renderToStaticMarkup(
      await publicPage({ params: Promise.resolve({ number: String(issue.number), slug: item.slug }) }),
    );
    expect(published).toContain('About the meeting');
    expect(article(preview)).toBe(article(published));
  });
});
