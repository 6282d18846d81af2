import { randomInt } from 'node:crypto';
import { test, expect, DEMO_ACCOUNTS, signInContext, signInWithForm } from '../fixtures';

test('an admin invites a person, who sets a password from the outbox link and signs in', async ({ browser, db }) => {
  const email = `invitee-${Date.now().toString(36)}${randomInt(1e9).toString(36)}@e2e.test`;
  const name = `Ines Invitee ${randomInt(1e6)}`;
  const admins = await browser.newContext();
  const theirs = await browser.newContext();
  try {
    const adminPage = await admins.newPage();
    await signInContext(admins, DEMO_ACCOUNTS.admin);
    await adminPage.goto('/admin/users');

    // Every field error at once, next to its field, and what was typed stays.
    await adminPage.locator('#invite-email').fill('not an address');
    await adminPage.getByRole('button', { name: 'Send invitation', exact: true }).click();
    await expect(adminPage.locator('#invite-name-error')).toHaveText('Enter a name.');
    await expect(adminPage.locator('#invite-email-error')).toHaveText('Enter an e-mail address like name@example.org.');
    await expect(adminPage.locator('#invite-email')).toHaveValue('not an address');

    await adminPage.locator('#invite-name').fill(name);
    await adminPage.locator('#invite-email').fill(email);
    await adminPage.getByLabel('Role', { exact: true }).selectOption('EDITOR');
    await adminPage.getByRole('button', { name: 'Send invitation', exact: true }).click();
    await expect(adminPage.getByText(`${name} is invited. The link is in the outbox.`)).toBeVisible();
    const row = adminPage.locator(`tr[data-email="${email}"]`);
    await expect(row).toContainText('Invited');
    await expect(row).toContainText('Link valid until');

    const invited = await db.user.findUniqueOrThrow({ where: { email } });
    expect(invited).toMatchObject({ status: 'INVITED', role: 'EDITOR', passwordHash: null });
    const token = await db.accountToken.findFirstOrThrow({ where: { userId: invited.id } });
    const days = (token.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    await adminPage.goto('/admin/outbox');
    const mail = adminPage.locator(`article[data-to="${email}"]`);
    await expect(mail).toContainText('You are invited to the Quire back office');
    const link = await mail.getByRole('link').getAttribute('href');
    expect(link).toMatch(/\/set-password\?token=[\w-]{43}$/);
    // Only a hash of the token is stored.
    expect(token.tokenHash).not.toContain(new URL(link!).searchParams.get('token'));

    const page = await theirs.newPage();
    await page.goto(link!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${name}`);
    await page.getByLabel('New password').fill('password1234');
    await page.getByLabel('The same password again').fill('password1235');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.locator('#password-error')).toContainText('too common');
    await expect(page.locator('#confirmPassword-error')).toHaveText('The two passwords differ.');

    const password = 'ines reads the bulletin in spring';
    await page.getByLabel('New password').fill(password);
    await page.getByLabel('The same password again').fill(password);
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page).toHaveURL(/\/login\?passwordSet=1$/);
    await expect(page.getByText('Your password is set. Sign in with it now.')).toBeVisible();

    await signInWithForm(page, email, password);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${name}`);
    await expect(page.getByTestId('current-role')).toHaveText('You are signed in as editor.');

    // The link worked once.
    await page.goto(link!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');
    const audit = await db.auditEvent.findMany({ where: { entityId: invited.id }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['user.invite', 'user.acceptInvitation', 'auth.signIn']);
  } finally {
    await admins.close();
    await theirs.close();
  }
});

test('a revoked invitation link no longer works; a resent one does, and replaces the first', async ({ page, db }) => {
  const email = `revoked-${Date.now().toString(36)}${randomInt(1e9).toString(36)}@e2e.test`;
  const name = `Rita Revoked ${randomInt(1e6)}`;
  await signInContext(page.context(), DEMO_ACCOUNTS.admin);
  await page.goto('/admin/users');
  await page.locator('#invite-name').fill(name);
  await page.locator('#invite-email').fill(email);
  await page.getByRole('button', { name: 'Send invitation', exact: true }).click();
  await expect(page.getByText(`${name} is invited.`)).toBeVisible();

  const linkFor = async () => {
    await page.goto('/admin/outbox');
    return (await page.locator(`article[data-to="${email}"]`).first().getByRole('link').getAttribute('href'))!;
  };
  const first = await linkFor();
  await page.goto('/admin/users');
  await page.getByRole('button', { name: `Revoke invitation: ${name}` }).click();
  await expect(page.getByText('Invitation revoked: the link no longer works.')).toBeVisible();
  await page.goto(first);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');

  await page.goto('/admin/users');
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText('Invitation revoked');
  await page.getByRole('button', { name: `Resend invitation: ${name}` }).click();
  await expect(page.getByText('Invitation sent again.')).toBeVisible();
  const second = await linkFor();
  expect(second).not.toBe(first);
  await page.goto(second);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${name}`);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user.status).toBe('INVITED');
});
