import { z } from 'zod';
import type { ItemKind } from '@/generated/prisma/enums';
import { acceptsKindSchema, sectionTitleSchema } from '@/lib/validation/issue';

/** The sections a new bulletin issue starts with. Browser-safe. */

export type SectionTemplateEntry = { title: string; acceptsKind: ItemKind | null };

/** Used while the settings hold no template (a new installation): the bulletin's own sections, as the demo seeds them. */
export const DEFAULT_SECTION_TEMPLATE: readonly SectionTemplateEntry[] = [
  { title: 'Lead', acceptsKind: 'ARTICLE' },
  { title: 'Meetings and Policy', acceptsKind: null },
  { title: 'New Publications', acceptsKind: 'PUBLICATION_REVIEW' },
  { title: 'Other Publications', acceptsKind: 'PUBLICATION_REVIEW' },
  { title: 'Information Exchange', acceptsKind: null },
];

export const SECTION_TEMPLATE_MAX = 20;

export const sectionTemplateSchema = z
  .array(z.object({ title: sectionTitleSchema, acceptsKind: acceptsKindSchema }), {
    error: 'Give the list of sections.',
  })
  .min(1, 'Keep at least one section.')
  .max(SECTION_TEMPLATE_MAX, `Keep it to ${SECTION_TEMPLATE_MAX} sections or fewer.`)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const key = entry.title.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [index, 'title'], message: `"${entry.title}" is already in the list.` });
      seen.add(key);
    });
  });

/** The template stored in the settings, or the default when none is stored (or it is unreadable). */
export function effectiveSectionTemplate(stored: unknown): { entries: SectionTemplateEntry[]; isDefault: boolean } {
  const parsed = sectionTemplateSchema.safeParse(stored);
  if (parsed.success) return { entries: parsed.data, isDefault: false };
  return { entries: DEFAULT_SECTION_TEMPLATE.map((e) => ({ ...e })), isDefault: true };
}
