import slugify from 'slugify';

/** The slug format the database enforces (Item_slug_check): lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 120;

/** Lower-case, hyphenated, ASCII; "" when nothing sluggable is left (a title of symbols only). */
export function toSlug(text: string, max = SLUG_MAX): string {
  // slugify drops dashes and slashes between words ("Über—Straße" → "uberstrasse"): make them spaces first.
  const spaced = text.replace(/[\u2010-\u2015\u2212/\\|_.·:;]+/g, ' ');
  const slug = slugify(spaced, { lower: true, strict: true, trim: true, locale: 'en' })
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= max) return slug;
  // Cut at a word boundary when there is one in the second half.
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-$/, '');
}

/** The slug an item gets when none is typed. Never empty, always valid. */
export function slugFromTitle(title: string): string {
  return toSlug(title) || 'item';
}

/**
 * A tag name names something in any script: it needs at least one letter, mark or digit (Unicode
 * properties, so 東京, 서울, กรุงเทพ and ירושלים count as Arabic, Greek and Cyrillic do) or an
 * emoji flag (a pair of regional indicators).
 */
const TAG_NAME_CHAR = /[\p{L}\p{M}\p{N}\p{Regional_Indicator}]/u;
const LOSSY_CHAR = /[\p{L}\p{N}\p{Regional_Indicator}]/u;
export function isTagName(name: string): boolean {
  return TAG_NAME_CHAR.test(name);
}

/** 32-bit FNV-1a twice (two offsets), as 12 base-36 characters: short, stable, browser-safe. */
function shortHash(text: string): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  return (fnv(0x811c9dc5).toString(36).padStart(6, '0') + fnv(0x01234567).toString(36).padStart(6, '0')).slice(0, 12);
}

/**
 * A tag's slug (its identity within its kind). Latin, Greek, Cyrillic, Arabic… transliterate, as
 * before; when some letter cannot ("東京", "서울", a flag), the slug keeps what did transliterate and
 * adds a hash of the whole name, so it is never empty and "東京 2020" does not become the tag "2020".
 */
export function tagSlug(name: string): string {
  const base = toSlug(name, SLUG_MAX - 13);
  const normal = name.normalize('NFC').trim().toLowerCase();
  // Marks may drop (Arabic vowel signs, accents) as long as the letters they sit on survive.
  const lossy = [...normal].some((ch) => LOSSY_CHAR.test(ch) && toSlug(ch) === '');
  if (!lossy && base) return base;
  return [base, `t${shortHash(normal)}`].filter(Boolean).join('-');
}
