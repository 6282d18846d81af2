import { describe, expect, it } from 'vitest';
import {
  BODY_LIMIT_BYTES,
  IMPORT_BODY_LIMIT_BYTES,
  MAX_JSON_DEPTH,
  bodyLimitFor,
  declaredLengthRefusal,
  jsonDepth,
  jsonRefusal,
  multipartRefusal,
} from './request-body';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('request bodies the proxy refuses before Next.js decodes them', () => {
  it('measures JSON nesting without recursing, brackets inside strings not counted', () => {
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('{"a":[{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"a \\" [ quote"')).toBe(0);
    expect(jsonDepth(deep(100_000))).toBe(100_000);
    expect(jsonDepth('[[]')).toBe(Infinity);
    expect(jsonDepth('[]]')).toBe(Infinity);
    expect(jsonDepth('["open string]')).toBe(Infinity);
  });

  it('passes what React encodes, refuses what is not JSON, cut short or too deep', () => {
    for (const ok of ['[]', '[null]', '[null,{"title":"a \\"b\\" [c]","n":1}]', '"$K1"', deep(MAX_JSON_DEPTH)])
      expect(jsonRefusal(ok), ok.slice(0, 40)).toBeNull();
    for (const bad of ['not json', '[null,{"a":', '{a:1}', '[1,]', deep(MAX_JSON_DEPTH + 1), deep(100_000), ''])
      expect(jsonRefusal(bad)?.status, bad.slice(0, 40)).toBe(400);
  });

  it('checks the numbered React rows of a multipart body, not the form fields beside them', () => {
    const form = new FormData();
    form.set('0', '["$K1"]');
    form.set('1_title', 'any text [ at all {');
    expect(multipartRefusal(form)).toBeNull();
    form.set('1', deep(10_000));
    expect(multipartRefusal(form)?.status).toBe(400);
  });

  it('limits bodies to 1 MB, 16 MB on the bulletin import', () => {
    expect(bodyLimitFor('/admin/items/abc')).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor('/admin/issues/import')).toBe(IMPORT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor('/admin/issues/important')).toBe(BODY_LIMIT_BYTES);
    expect(declaredLengthRefusal(String(BODY_LIMIT_BYTES), BODY_LIMIT_BYTES)).toBeNull();
    expect(declaredLengthRefusal(String(BODY_LIMIT_BYTES + 1), BODY_LIMIT_BYTES)?.status).toBe(413);
    expect(declaredLengthRefusal(null, BODY_LIMIT_BYTES)).toBeNull();
    expect(declaredLengthRefusal('nonsense', BODY_LIMIT_BYTES)).toBeNull();
  });
});
