import { z } from 'zod';
import { cleanString, requiredText } from './common';

/** A review comment, optionally quoting a passage of the item's current text. */
export const commentSchema = z.object({
  body: requiredText(5000, 'a comment', { multiline: true }),
  quote: cleanString('multi-line')
    .trim()
    .max(1000, 'Quote a shorter passage (up to 1000 characters).')
    .nullish()
    .transform((v) => (v ? v : null)),
});

export type CommentInput = z.input<typeof commentSchema>;

/** Collapses whitespace so a quote selected across lines or paragraphs still matches the text. */
export function normaliseForQuote(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
