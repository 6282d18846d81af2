import { test, expect, DEMO_ACCOUNTS, signInByRequest } from '../fixtures';

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) {
    expect(csp, `${where}: ${directive}`).toContain(directive);
  }
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
}

test('security headers on public pages, a back-office page, 404s and API responses', async ({ request }) => {
  expect(await signInByRequest(request, DEMO_ACCOUNTS.admin.email, 'quire-demo-2002')).toBe(true);
  const cases: [string, number][] = [
    ['/', 200],
    ['/issues/25', 200],
    ['/admin/users', 200],
    ['/no-such-page', 404],
    ['/issues/26', 404],
    ['/issues/25/%E0%A4%A', 404],
    ['/api/health', 200],
    ['/api/auth/csrf', 200],
    ['/api/auth/session', 200],
  ];
  for (const [path, status] of cases) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response.headers(), path);
  }
  const nextAuthPage = await request.get('/api/auth/signout', { maxRedirects: 0 });
  expectSecurityHeaders(nextAuthPage.headers(), 'next-auth page');
});

test('a redirect to sign-in and a failed sign-in carry the headers too', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  try {
    const redirect = await request.get('/admin', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectSecurityHeaders(redirect.headers(), 'redirect');
    const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
    const failed = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: 'nobody@e2e.test', password: 'x', json: 'true' },
    });
    expectSecurityHeaders(failed.headers(), 'failed sign-in');
  } finally {
    await request.dispose();
  }
});

test('static files carry nosniff and a CSP without scripts', async ({ request, page }) => {
  await page.goto('/login');
  const src = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const response = await request.get(src!);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('the session cookie is HttpOnly and SameSite=Lax (Secure only over https, which this server is not)', async ({
  context,
}) => {
  await signInByRequest(context.request, DEMO_ACCOUNTS.editor.email, 'quire-demo-2002');
  const cookie = (await context.cookies()).find((c) => c.name === 'next-auth.session-token');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
});

test('pages run under the CSP without violations (the nonce reaches Next’s scripts)', async ({ page, context }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/login');
  // The form works only if its script ran.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#email-error')).toBeVisible();
  await signInByRequest(context.request, DEMO_ACCOUNTS.admin.email, 'quire-demo-2002');
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Outbox' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outbox');
  await page.goto('/issues/25');
  expect(violations).toEqual([]);
});
