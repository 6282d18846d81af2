import type { APIRequestContext } from '@playwright/test';
import { test, expect, signInContext } from '../fixtures';

/**
 * Tracker issue 13.11, against the production build: a body no client of ours sends (not JSON, cut
 * short, 100,000 levels deep, over 1 MB, a multipart body that does not parse) answers 400 or 413,
 * never 500, whether it goes to a server action (POST with a Next-Action header) or a route handler;
 * so do actions called with no input and versions no integer column holds.
 */

const MB = 1024 * 1024;
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Bodies that are not what a server action's client sends, and the status each must get. */
const BAD_ACTION_BODIES: [name: string, body: string, status: number][] = [
  ['not JSON', 'this is not JSON at all', 400],
  ['truncated', '[null,{"meetingId":"abc","name":"Cut sh', 400],
  ['brackets that do not close', '[[[[', 400],
  ['100,000 levels deep', deep(100_000), 400],
  ['600 levels deep', deep(600), 400],
  ['over 1 MB', JSON.stringify([null, { name: 'x'.repeat(MB + 10) }]), 413],
  ['empty', '', 400],
];

async function postAction(request: APIRequestContext, path: string, actionId: string, body: string, type?: string) {
  return request.post(path, {
    headers: {
      'Next-Action': actionId,
      'Content-Type': type ?? 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
    },
    // A Buffer is sent as it is (a string with a JSON content type would be serialised again).
    data: Buffer.from(body),
    maxRedirects: 0,
  });
}

test('a server action: bodies that are not JSON, cut short, too deep or too large get 400 or 413; no input or a huge version is "invalid"', async ({
  page,
  db,
  makeAccount,
}) => {
  test.setTimeout(120_000);
  const editor = await makeAccount('EDITOR');
  await signInContext(page.context(), editor);
  const meeting = await db.meeting.create({ data: { name: `Bad requests meeting ${Date.now()}` } });
  const path = `/admin/meetings/${meeting.id}`;
  await page.goto(path);
  // The real action id, as the form posts it.
  const saveRequest = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await page.getByRole('button', { name: 'Save meeting' }).click();
  const actionId = (await saveRequest).headers()['next-action']!;
  await expect(page.getByRole('status')).toContainText('Meeting saved.');
  const request = page.context().request;

  for (const [name, body, status] of BAD_ACTION_BODIES) {
    const response = await postAction(request, path, actionId, body);
    expect(response.status(), name).toBe(status);
  }
  // The same limit told up front, and a body sent in chunks without a length, are refused alike.
  const declared = await request.post(path, {
    headers: { 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': String(2 * MB) },
    data: Buffer.from('x'.repeat(2 * MB)),
  });
  expect(declared.status()).toBe(413);

  // Multipart bodies: one cut short, one whose React row is not JSON.
  const boundary = '----quire-bad-request';
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const multipartBodies: [name: string, body: string][] = [
    ['multipart cut short', `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[nul`],
    ['multipart row not JSON', `${part('0', '[null, {oops')}--${boundary}--\r\n`],
    ['multipart row too deep', `${part('0', deep(100_000))}--${boundary}--\r\n`],
  ];
  for (const [name, body] of multipartBodies) {
    const response = await postAction(request, path, actionId, body, multipart);
    expect(response.status(), name).toBe(400);
  }

  // Well-formed requests no form sends reach the action, which answers "invalid" (200, an RSC payload).
  for (const body of ['[]', '[null]', '[null,null]', '[null,[]]', '[null,42]']) {
    const response = await postAction(request, path, actionId, body);
    expect(response.status(), body).toBe(200);
    expect(await response.text(), body).toContain('"code":"invalid"');
  }
  for (const expectedVersion of [2 ** 31, 2 ** 53, '99999999999999999999']) {
    const body = JSON.stringify([null, { meetingId: meeting.id, expectedVersion, name: 'Never stored' }]);
    const response = await postAction(request, path, actionId, body);
    expect(response.status(), String(expectedVersion)).toBe(200);
    expect(await response.text()).toContain('"code":"invalid"');
  }
  expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).name).toBe(meeting.name);

  // A good body still goes through the same door.
  const good = JSON.stringify([
    null,
    { meetingId: meeting.id, expectedVersion: '2', name: `${meeting.name} (renamed)`, datePrecision: 'DAY' },
  ]);
  const ok = await postAction(request, path, actionId, good);
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain('"ok":true');
  expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).name).toBe(`${meeting.name} (renamed)`);
});

test('route handlers: bad bodies get 400 or 413, GET on the credentials callback 405; nothing answers 500', async ({
  request,
}) => {
  test.setTimeout(60_000);
  const targets = ['/api/auth/callback/credentials', '/api/auth/signout', '/api/unsubscribe/not-a-real-token'];
  for (const path of targets) {
    for (const [name, body, status] of [
      ['JSON that is not', '{"email": "a@b.c", ', 400],
      ['100,000 levels deep', deep(100_000), 400],
      ['over 1 MB', JSON.stringify({ x: 'x'.repeat(MB + 10) }), 413],
    ] as const) {
      const response = await request.post(path, {
        headers: { 'Content-Type': 'application/json' },
        data: Buffer.from(body),
        maxRedirects: 0,
      });
      expect(response.status(), `${path}: ${name}`).toBe(status);
    }
    // Form-encoded junk is theirs to refuse, but never with a 500.
    const junk = await request.post(path, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: Buffer.from('%%%&&&==%E0%A4%A'),
      maxRedirects: 0,
    });
    expect(junk.status(), `${path}: form junk`).toBeLessThan(500);
  }
  const get = await request.get('/api/auth/callback/credentials', { maxRedirects: 0 });
  expect(get.status()).toBe(405);
  expect(get.headers()['allow']).toBe('POST');
});
