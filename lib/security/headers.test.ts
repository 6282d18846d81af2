import { describe, expect, it } from 'vitest';
import { pathHeaders, transportHeaders } from './headers';

describe('headers by address', () => {
  it('mark share-link previews noindex, nofollow, and nothing else', () => {
    expect(pathHeaders('/preview/abc')).toEqual({ 'X-Robots-Tag': 'noindex, nofollow' });
    expect(pathHeaders('/preview')).toEqual({ 'X-Robots-Tag': 'noindex, nofollow' });
    for (const path of ['/', '/issues/25', '/previews', '/admin/issues/x/preview'])
      expect(pathHeaders(path), path).toEqual({});
  });
});

describe('HSTS (issue 13, defect 7)', () => {
  it('is sent when the site is served over https, and only then', () => {
    expect(transportHeaders({ https: true })).toEqual({
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    });
    expect(transportHeaders({ https: false })).toEqual({});
  });
});
