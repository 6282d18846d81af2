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
