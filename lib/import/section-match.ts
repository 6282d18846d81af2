import type { ItemKind } from '@/generated/prisma/enums';
import type { SectionTemplateEntry } from '@/lib/settings/section-template';
import { words } from './text';

/**
 * Which section of the template a printed heading stands for: "NEW IOM PUBLICATIONS" is the template's
 * "New Publications", "MEETINGS" its "Meetings and Policy". A heading matches a template section when
 * one's meaningful words contain the other's (plurals folded, "and", "of", the publisher's acronym
 * aside); the closest match wins, and a tie is reported rather than decided.
 */

const IGNORED = new Set(['and', 'of', 'the', 'a', 'an', 'in', 'on', 'for', 'iom', '&']);

function keyWords(s: string): Set<string> {
  return new Set(
    words(s.toLowerCase())
      .filter((w) => !IGNORED.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
  );
}

export type SectionMatch =
  | { entry: SectionTemplateEntry; ambiguousWith?: undefined }
  | { entry: SectionTemplateEntry; ambiguousWith: SectionTemplateEntry }
  | null;

export function matchSection(heading: string, template: readonly SectionTemplateEntry[]): SectionMatch {
  const h = keyWords(heading);
  if (h.size === 0) return null;
  let best: { entry: SectionTemplateEntry; score: number } | null = null;
  let tie: SectionTemplateEntry | null = null;
  for (const entry of template) {
    const t = keyWords(entry.title);
    if (t.size === 0) continue;
    const common = [...h].filter((w) => t.has(w)).length;
    if (common === 0) continue;
    const contained = common === t.size || common === h.size;
    if (!contained) continue;
    const score = common / (h.size + t.size - common);
    if (!best || score > best.score) {
      best = { entry, score };
      tie = null;
    } else if (score === best.score) tie = entry;
  }
  if (!best) return null;
  return tie ? { entry: best.entry, ambiguousWith: tie } : { entry: best.entry };
}

/** The template's section for the lead feature: one called "Lead", else the first that takes only articles. */
export function leadSection(template: readonly SectionTemplateEntry[]): SectionTemplateEntry | null {
  return (
    template.find((e) => keyWords(e.title).has('lead')) ?? template.find((e) => e.acceptsKind === 'ARTICLE') ?? null
  );
}

/** Headings that name a bulletin section even when the template has no such section. */
const SECTION_WORDS = new Set([
  'meeting',
  'policy',
  'publication',
  'news',
  'information',
  'exchange',
  'networking',
  'announcement',
  'event',
  'conference',
  'resource',
  'review',
  'update',
  'development',
  'region',
  'brief',
  'calendar',
  'contents',
]);

/** True for a heading that reads as a section of a bulletin ("NEWS FROM THE REGIONS", "NETWORKING"). */
export function soundsLikeSection(heading: string): boolean {
  const ws = [...keyWords(heading)];
  return (
    ws.length > 0 &&
    ws.length <= 4 &&
    ws.every((w) => SECTION_WORDS.has(w) || IGNORED.has(w) || w === 'other' || w === 'new' || w === 'from')
  );
}

/** The kind of the items under a section, from what it accepts or, failing that, from its name. */
export function kindForSection(title: string, acceptsKind: ItemKind | null | undefined): ItemKind {
  if (acceptsKind) return acceptsKind;
  const ws = keyWords(title);
  if (ws.has('exchange') || ws.has('networking') || ws.has('lead')) return 'ARTICLE';
  if (ws.has('meeting') || ws.has('conference') || ws.has('event') || ws.has('calendar')) return 'MEETING_REPORT';
  if (ws.has('publication') || ws.has('resource') || ws.has('book')) return 'PUBLICATION_REVIEW';
  return 'ARTICLE';
}
