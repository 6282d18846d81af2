import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnvError } from './env';
import { absoluteUrl, siteUrl } from './site-url';

describe('siteUrl', () => {
  beforeEach(() => {
    vi.stubEnv('NEXTAUTH_URL', '');
    vi.stubEnv('PORT', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prefers NEXTAUTH_URL over the request, without a trailing slash', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://bulletin.example.org/');
    const request = new Request('http://evil.test/feed.xml', { headers: { host: 'evil.test' } });
    expect(siteUrl(request)).toBe('https://bulletin.example.org');
    expect(siteUrl()).toBe('https://bulletin.example.org');
  });

  it('keeps a path in NEXTAUTH_URL', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://example.org/bulletin/');
    expect(siteUrl()).toBe('https://example.org/bulletin');
  });

  it('never links to a NEXTAUTH_URL that is not an http(s) URL: the configuration is refused (start-up stops on it)', () => {
    vi.stubEnv('NEXTAUTH_URL', 'javascript:alert(1)');
    expect(() => siteUrl(new Request('http://localhost:3200/'))).toThrow(EnvError);
    expect(() => siteUrl()).toThrow('NEXTAUTH_URL=javascript:alert(1) is not an http:// or https:// URL');
  });

  it("falls back to the request's origin", () => {
    expect(siteUrl(new Request('http://localhost:3200/feed.xml'))).toBe('http://localhost:3200');
    expect(siteUrl(new Headers({ host: 'Bulletin.Example.org:8080' }))).toBe('http://bulletin.example.org:8080');
  });

  it('follows the first X-Forwarded-Host and -Proto of a proxy', () => {
    const headers = new Headers({
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'bulletin.example.org, inner',
      'x-forwarded-proto': 'https,http',
    });
    expect(siteUrl(headers)).toBe('https://bulletin.example.org');
  });

  it('refuses a Host header that is not a host name', () => {
    for (const host of ['evil.test/path', 'a b', 'evil.test"><script>', 'user@evil.test']) {
      expect(siteUrl(new Headers({ host })), host).toBe('http://localhost:3000');
    }
  });

  it('uses PORT for the last-resort localhost', () => {
    vi.stubEnv('PORT', '4100');
    expect(siteUrl()).toBe('http://localhost:4100');
  });
});

describe('absoluteUrl', () => {
  it('joins a base and a path with one slash', () => {
    expect(absoluteUrl('https://example.org', '/issues/25')).toBe('https://example.org/issues/25');
    expect(absoluteUrl('https://example.org/bulletin', 'feed.xml')).toBe('https://example.org/bulletin/feed.xml');
  });
});
