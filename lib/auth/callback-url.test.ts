import { describe, expect, it } from 'vitest';
import { loginUrlFor, safeCallbackPath } from './callback-url';

describe('the page to return to after sign-in', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeCallbackPath('/admin/users')).toBe('/admin/users');
    expect(safeCallbackPath('/admin/users?tab=invited#top')).toBe('/admin/users?tab=invited#top');
    expect(safeCallbackPath('/issues/25')).toBe('/issues/25');
    expect(safeCallbackPath('/admin/%2F%2Fevil.example')).toBe('/admin/%2F%2Fevil.example');
  });

  const offSite = [
    '//evil.example',
    '//evil.example/admin',
    '///evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/.//evil.example',
    '/..//evil.example',
    'https://evil.example',
    'http://localhost:3000/admin',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    'evil.example',
    ' /admin',
    '',
    '/login',
    '/login?callbackUrl=//evil.example',
    '/set-password?token=x',
    '/api/auth/signout',
  ];
  for (const raw of offSite) {
    it(`refuses ${JSON.stringify(raw)}`, () => {
      expect(safeCallbackPath(raw)).toBe('/admin');
    });
  }

  it('refuses what is not a string', () => {
    for (const raw of [undefined, null, 42, ['/admin'], { href: '/admin' }])
      expect(safeCallbackPath(raw)).toBe('/admin');
  });

  it('builds the sign-in address with the path encoded, and without it when it is not acceptable', () => {
    expect(loginUrlFor('/admin/users?x=1')).toBe('/login?callbackUrl=%2Fadmin%2Fusers%3Fx%3D1');
    expect(loginUrlFor('//evil.example')).toBe('/login');
    expect(loginUrlFor(undefined)).toBe('/login');
  });
});
