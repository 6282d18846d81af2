import { describe, expect, it } from 'vitest';
import { hasItemFilters, itemListHref, pageParam, parseItemListQuery, withQuery } from './search-params';

describe('the item list URL', () => {
  it('reads filters written in lower or upper case', () => {
    expect(parseItemListQuery({ kind: 'meeting_report', state: 'IN_REVIEW', q: '  bali  ', page: '3' })).toEqual({
      kind: 'MEETING_REPORT',
      state: 'IN_REVIEW',
      author: undefined,
      issue: undefined,
      tag: undefined,
      q: 'bali',
      page: 3,
    });
  });

  it('drops what it does not understand instead of failing', () => {
    const query = parseItemListQuery({
      kind: 'poem',
      state: ['nope', 'DRAFT'],
      author: 'x y',
      issue: "'; drop",
      page: '-2',
    });
    expect(query).toEqual({
      kind: undefined,
      state: undefined,
      author: undefined,
      issue: undefined,
      tag: undefined,
      q: undefined,
      page: 1,
    });
    expect(hasItemFilters(query)).toBe(false);
    expect(pageParam({ page: '1e3' })).toBe(1);
    expect(pageParam({ page: '0' })).toBe(1);
  });

  it('takes the first of repeated parameters', () => {
    expect(parseItemListQuery({ state: ['approved', 'draft'] }).state).toBe('APPROVED');
  });

  it('keeps "none" for items in no bulletin issue', () => {
    expect(parseItemListQuery({ issue: 'none' }).issue).toBe('none');
  });

  it('writes short, readable URLs that read back the same', () => {
    const href = itemListHref({
      kind: 'PUBLICATION_REVIEW',
      state: 'APPROVED',
      issue: 'none',
      q: 'trafficking report',
      page: 2,
    });
    expect(href).toBe('/admin/items?kind=publication_review&state=approved&issue=none&q=trafficking+report&page=2');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseItemListQuery(params)).toMatchObject({
      kind: 'PUBLICATION_REVIEW',
      state: 'APPROVED',
      issue: 'none',
      q: 'trafficking report',
      page: 2,
    });
    expect(itemListHref({ page: 1 })).toBe('/admin/items');
    expect(withQuery('/admin/meetings', { q: '', page: '2' })).toBe('/admin/meetings?page=2');
  });
});
