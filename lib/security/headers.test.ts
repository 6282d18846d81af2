import { describe, expect, it } from 'vitest';
import { pathHeaders } from './headers';

describe('headers by address', () => {
  it('mark share-link previews noindex, nofollow, and nothing else', () => {
    expect(pathHeaders('/preview/abc')).toEqual({ 'X-Robots-Tag': 'noindex, nofollow' });
    expect(pathHeaders('/preview')).toEqual({ 'X-Robots-Tag': 'noindex, nofollow' });
    for (const path of ['/', '/issues/25', '/previews', '/admin/issues/x/preview'])
      expect(pathHeaders(path), path).toEqual({});
  });
});
