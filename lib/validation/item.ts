import { z } from 'zod';
import { ItemKind, TagKind } from '@/generated/prisma/enums';
import { emptyDoc, parseRichText, type RichTextDoc, type RichTextNode } from '@/lib/rich-text/document';
import { optionalId, optionalIsoDate, optionalText, optionalWebUrl, requiredText, textProblem } from './common';
import { isTagName, SLUG_MAX, SLUG_PATTERN, slugFromTitle, tagSlug } from './slug';

/**
 * An item's editable fields, as the item form (and its autosave) sends them: the one schema the
 * browser and the server both validate with. Author, state, version and publication dates are not
 * fields: the server takes them from its own records.
 */

export const ITEM_LIMITS = {
  title: 300,
  slug: SLUG_MAX,
  standfirst: 600,
  tags: 30,
  tagName: 80,
  sources: 30,
  sourceName: 200,
} as const;

export const itemKindSchema = z.enum(ItemKind, { error: 'Choose the kind of item.' });

export const tagInputSchema = z.object({
  kind: z.enum(TagKind, { error: 'Choose country, region or theme.' }),
  name: requiredText(ITEM_LIMITS.tagName, 'a tag name').refine(
    (name) => name === '' || isTagName(name),
    'Use letters or digits in a tag name.',
  ),
});

export const sourceInputSchema = z.object({
  name: requiredText(ITEM_LIMITS.sourceName, 'who reported it'),
  url: optionalWebUrl,
  date: optionalIsoDate,
});

/** The body: a rich-text document restricted to the allowed nodes, marks and links. */
export const richTextBodySchema = z
  .unknown()
  .optional()
  .transform((value, ctx): RichTextDoc => {
    if (value === undefined || value === null) return emptyDoc();
    const parsed = parseRichText(value);
    if (parsed.ok) {
      // Checked here, on the way in, not in parseRichText: stored bodies still render as they are.
      const problem = textProblemIn(parsed.doc.content);
      if (!problem) return parsed.doc;
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    const messages = [...new Set(parsed.problems.map((p) => p.message))].slice(0, 10);
    for (const message of messages)
      ctx.addIssue({ code: 'custom', message: `The text contains something not allowed: ${message}` });
    return z.NEVER;
  });

/** The first reason a text node of the body cannot be stored (U+0000, a lone surrogate, a control). */
function textProblemIn(nodes: readonly RichTextNode[]): string | null {
  for (const node of nodes) {
    const problem =
      node.type === 'text'
        ? textProblem(node.text, 'multi-line')
        : 'content' in node && node.content
          ? textProblemIn(node.content)
          : null;
    if (problem) return problem;
  }
  return null;
}

const slugInputSchema = z
  .string()
  .trim()
  .max(ITEM_LIMITS.slug, `Keep the slug under ${ITEM_LIMITS.slug + 1} characters.`)
  .refine(
    (s) => s === '' || SLUG_PATTERN.test(s),
    'Use lower-case letters, digits and single hyphens (e.g. "bali-conference-2002").',
  )
  .nullish()
  .transform((s) => s ?? '');

/**
 * The fields one by one, without the kind: what a save of an existing item sends (its kind is the
 * server's). Rules that need the kind, and the slug made from the title, are itemSchema's.
 */
export const itemFieldsSchema = z.object({
  title: requiredText(ITEM_LIMITS.title, 'a title'),
  /** Empty: generated from the title. */
  slug: slugInputSchema,
  standfirst: optionalText(ITEM_LIMITS.standfirst, { multiline: true }),
  body: richTextBodySchema,
  tags: z.array(tagInputSchema).max(ITEM_LIMITS.tags, `Use at most ${ITEM_LIMITS.tags} tags.`).default([]),
  sources: z
    .array(sourceInputSchema)
    .max(ITEM_LIMITS.sources, `List at most ${ITEM_LIMITS.sources} sources.`)
    .default([]),
  meetingId: optionalId,
  publicationId: optionalId,
});

export const itemSchema = itemFieldsSchema
  .extend({ kind: itemKindSchema })
  .refine((v) => v.meetingId === null || v.kind === 'MEETING_REPORT', {
    path: ['meetingId'],
    message: 'Only meeting reports link to a meeting.',
    when: (payload) => kindParsed(payload.value),
  })
  .refine((v) => v.publicationId === null || v.kind === 'PUBLICATION_REVIEW', {
    path: ['publicationId'],
    message: 'Only publication reviews link to a publication.',
    when: (payload) => kindParsed(payload.value),
  })
  .transform((v) => ({
    ...v,
    slug: v.slug || slugFromTitle(v.title),
    tags: uniqueTags(v.tags),
  }));

function kindParsed(value: unknown): boolean {
  const v = value as { kind?: unknown } | undefined;
  return !!v && typeof v.kind === 'string' && v.kind in ItemKind;
}

function uniqueTags<T extends { kind: string; name: string }>(tags: T[]): T[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = `${t.kind}:${tagSlug(t.name)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the form sends (strings, possibly empty). */
export type ItemInput = z.input<typeof itemSchema>;
/** What the server stores: trimmed, slug filled in, tags de-duplicated, body validated. */
export type ItemFields = z.output<typeof itemSchema>;
export type TagInput = z.output<typeof tagInputSchema>;
export type SourceInput = z.output<typeof sourceInputSchema>;

/**
 * From submission on, a meeting report must name its meeting and a review its publication (the
 * database insists once approved). Field errors, empty when the link is there or not needed.
 */
export function requiredLinkErrors(item: {
  kind: ItemKind;
  meetingId: string | null;
  publicationId: string | null;
}): Record<string, string[]> {
  if (item.kind === 'MEETING_REPORT' && !item.meetingId)
    return { meetingId: ['Choose the meeting this report is about.'] };
  if (item.kind === 'PUBLICATION_REVIEW' && !item.publicationId)
    return { publicationId: ['Choose the publication this review is about.'] };
  return {};
}
