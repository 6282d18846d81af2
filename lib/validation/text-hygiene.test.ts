/**
 * Issue 13, defects 9, 10, 12 and 13: every stored text goes through the shared schemas of
 * lib/validation/common.ts, which refuse what PostgreSQL cannot store (U+0000), what cannot be
 * encoded (unpaired surrogates), terminal escapes and other controls, and line breaks in single-line
 * fields, each with a field error; and tag names in any script are letters.
 */
import { describe, expect, it } from 'vitest';
import { commentSchema } from './comment';
import { optionalText, requiredText, TEXT_MESSAGES, textProblem } from './common';
import { sectionInputSchema } from './issue';
import { itemSchema } from './item';
import { meetingSchema } from './meeting';
import { publicationSchema } from './publication';
import { inviteUserSchema, updateProfileSchema } from './accounts';
import { settingsSchema } from './settings';
import { isTagName, tagSlug, SLUG_PATTERN } from './slug';

const item = (patch: Record<string, unknown>) => ({ kind: 'ARTICLE', title: 'A title', ...patch });
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);

describe('text PostgreSQL cannot store is refused with a field error (defects 9, 10)', () => {
  const bad = {
    nul: 'before\u0000after',
    surrogate: 'a\ud800b',
    lowSurrogate: 'a\udc00b',
    escape: 'red \u001b[31mtext',
    csi: 'c1 \u009b31m',
    bell: 'ding\u0007',
  };

  it.each(Object.entries(bad))('%s in every kind of text field', (_name, value) => {
    const expected = /surrogate/i.test(_name) ? TEXT_MESSAGES.surrogate : TEXT_MESSAGES.control;
    expect(errorsOf(itemSchema.safeParse(item({ title: value })))).toEqual([`title: ${expected}`]);
    expect(errorsOf(itemSchema.safeParse(item({ standfirst: value })))).toEqual([`standfirst: ${expected}`]);
    expect(errorsOf(itemSchema.safeParse(item({ tags: [{ kind: 'THEME', name: value }] })))).toEqual([
      `tags.0.name: ${expected}`,
    ]);
    expect(errorsOf(itemSchema.safeParse(item({ sources: [{ name: value }] })))).toEqual([
      `sources.0.name: ${expected}`,
    ]);
    expect(errorsOf(meetingSchema.safeParse({ name: value }))).toEqual([`name: ${expected}`]);
    expect(errorsOf(meetingSchema.safeParse({ name: 'M', participants: value }))).toEqual([
      `participants: ${expected}`,
    ]);
    expect(errorsOf(publicationSchema.safeParse({ title: value }))).toEqual([`title: ${expected}`]);
    expect(errorsOf(commentSchema.safeParse({ body: value }))).toEqual([`body: ${expected}`]);
    expect(errorsOf(sectionInputSchema.safeParse({ title: value }))).toEqual([`title: ${expected}`]);
    expect(errorsOf(inviteUserSchema.safeParse({ name: value, email: 'a@example.org', role: 'EDITOR' }))).toEqual([
      `name: ${expected}`,
    ]);
    expect(errorsOf(updateProfileSchema.safeParse({ name: value }))).toEqual([`name: ${expected}`]);
    expect(
      errorsOf(
        settingsSchema.safeParse({
          title: 'T',
          sectionTemplate: [{ title: 'Lead', acceptsKind: null }],
          disclaimer: value,
        }),
      ),
    ).toEqual([`disclaimer: ${expected}`]);
  });

  it('in the body: a field error, not a 500', () => {
    for (const [name, value] of Object.entries(bad)) {
      const result = itemSchema.safeParse(
        item({ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] } }),
      );
      expect(result.success, name).toBe(false);
      expect(errorsOf(result)[0], name).toMatch(/^body: /);
    }
  });

  it('keeps what is fine: paired surrogates (emoji), tabs and new lines where text runs over lines', () => {
    expect(textProblem('flag 🇯🇵 and 😀')).toBeNull();
    expect(textProblem('one\ttwo\nthree\r\n', 'multi-line')).toBeNull();
    expect(optionalText(100, { multiline: true }).parse('line one\nline two')).toBe('line one\nline two');
    expect(itemSchema.parse(item({ standfirst: 'one\ntwo' })).standfirst).toBe('one\ntwo');
    expect(commentSchema.parse({ body: 'Para one.\n\nPara two.' }).body).toBe('Para one.\n\nPara two.');
    expect(
      settingsSchema.parse({
        title: 'T',
        sectionTemplate: [{ title: 'Lead', acceptsKind: null }],
        postalAddress: 'PO Box 1\nGeneva',
      }).postalAddress,
    ).toBe('PO Box 1\nGeneva');
  });
});

describe('single-line fields refuse line breaks and terminal escapes (defect 12)', () => {
  const breaks = ['two\nlines', 'two\r\nlines', 'cr\ronly', 'ls\u2028sep', 'ps\u2029sep', 'nel\u0085x', 'tab\there'];
  it.each(breaks)('%j', (value) => {
    expect(errorsOf(itemSchema.safeParse(item({ title: value })))).toHaveLength(1);
    expect(errorsOf(itemSchema.safeParse(item({ sources: [{ name: value }] })))).toHaveLength(1);
    expect(errorsOf(meetingSchema.safeParse({ name: value }))).toHaveLength(1);
    expect(errorsOf(publicationSchema.safeParse({ title: value }))).toHaveLength(1);
    expect(requiredText(100, 'x').safeParse(value).success).toBe(false);
  });
  it('says to keep it on one line', () => {
    expect(errorsOf(itemSchema.safeParse(item({ title: 'two\nlines' })))).toEqual([
      `title: ${TEXT_MESSAGES.lineBreak}`,
    ]);
  });
});

describe('tag names in any script (defect 13)', () => {
  const names = [
    '東京',
    '서울',
    'กรุงเทพมหานคร',
    'ירושלים',
    'हिन्दी',
    '🇯🇵',
    'القاهرة',
    'Αθήνα',
    'Москва',
    'Côte d’Ivoire',
  ];
  it.each(names)('%s is accepted and gets a valid, non-empty slug', (name) => {
    const parsed = itemSchema.safeParse(item({ tags: [{ kind: 'COUNTRY', name }] }));
    expect(errorsOf(parsed)).toEqual([]);
    expect(isTagName(name)).toBe(true);
    expect(tagSlug(name)).toMatch(SLUG_PATTERN);
    expect(tagSlug(name).length).toBeLessThanOrEqual(120);
  });
  it('keeps the slugs of names that transliterate, and tells different names apart', () => {
    expect(tagSlug('Москва')).toBe('moskva');
    expect(tagSlug('Côte d’Ivoire')).toBe('cote-divoire');
    expect(tagSlug('東京')).not.toBe(tagSlug('大阪'));
    expect(tagSlug('東京 2020')).not.toBe(tagSlug('2020'));
    expect(tagSlug('東京')).toBe(tagSlug(' 東京 '));
  });
  it('two CJK tags are two tags, not one de-duplicated away', () => {
    const parsed = itemSchema.parse(
      item({
        tags: [
          { kind: 'COUNTRY', name: '日本' },
          { kind: 'COUNTRY', name: '韓国' },
        ],
      }),
    );
    expect(parsed.tags.map((t) => t.name)).toEqual(['日本', '韓国']);
  });
  it('still refuses a name with no letter, digit or flag', () => {
    expect(errorsOf(itemSchema.safeParse(item({ tags: [{ kind: 'THEME', name: '!!!' }] })))).toEqual([
      'tags.0.name: Use letters or digits in a tag name.',
    ]);
  });
});
