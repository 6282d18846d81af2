import 'server-only';
import type { Db } from '@/lib/db/client';
import { isoFromDate } from '@/lib/validation/common';
import { toPlainText } from '@/lib/rich-text/document';
import { toSlug } from '@/lib/validation/slug';
import { comparable, words } from './text';
import type { Proposal } from './types';

/**
 * What a proposal names that Quire already holds: a meeting of the same name (in the same year, when
 * both have dates), a publication of the same title, and existing tags named in an item's text. Keyed by
 * "section.item" ("1.0"). Two queries for meetings and publications, one for tags, whatever the size.
 */

export type MeetingMatch = { id: string; name: string; startDate: string | null; city: string; country: string };
export type PublicationMatch = { id: string; title: string; issuingBody: string; date: string | null };
export type TagMatch = { kind: 'COUNTRY' | 'REGION' | 'THEME'; name: string };
export type RecordMatches = Record<
  string,
  { meeting?: MeetingMatch; publication?: PublicationMatch; existingTags?: TagMatch[] }
>;

const MAX_TAGS_COMPARED = 2000;
const TEXT_READ = 20_000;

export async function matchRecords(db: Db, proposal: Proposal): Promise<RecordMatches> {
  const out: RecordMatches = {};
  const meetingNames = new Set<string>();
  const publicationTitles = new Set<string>();
  proposal.sections.forEach((s) =>
    s.items.forEach((i) => {
      if (i.meeting?.name) meetingNames.add(i.meeting.name.trim());
      if (i.publication?.title) publicationTitles.add(i.publication.title.trim());
    }),
  );
  const [meetings, publications, tags] = await Promise.all([
    meetingNames.size
      ? db.meeting.findMany({
          where: {
            OR: [...meetingNames]
              .slice(0, 500)
              .map((name) => ({ name: { equals: name, mode: 'insensitive' as const } })),
          },
          orderBy: { createdAt: 'asc' },
          select: { id: true, name: true, startDate: true, city: true, country: true },
        })
      : [],
    publicationTitles.size
      ? db.publication.findMany({
          where: {
            OR: [...publicationTitles]
              .slice(0, 500)
              .map((title) => ({ title: { equals: title, mode: 'insensitive' as const } })),
          },
          orderBy: { createdAt: 'asc' },
          select: { id: true, title: true, issuingBody: true, date: true },
        })
      : [],
    db.tag.findMany({
      take: MAX_TAGS_COMPARED,
      orderBy: { name: 'asc' },
      select: { kind: true, name: true, slug: true },
    }),
  ]);
  const tagWords = Math.max(1, ...tags.map((t) => words(t.name).length));
  const tagsByPhrase = new Map(tags.map((t) => [comparable(t.name), t]));

  proposal.sections.forEach((s, si) =>
    s.items.forEach((item, ii) => {
      const key = `${si}.${ii}`;
      const entry: RecordMatches[string] = {};
      const m = item.meeting;
      if (m?.name) {
        const year = m.startDate?.slice(0, 4);
        const found = meetings.find(
          (r) =>
            r.name.toLowerCase() === m.name!.trim().toLowerCase() &&
            (!year || !r.startDate || isoFromDate(r.startDate)!.slice(0, 4) === year),
        );
        if (found)
          entry.meeting = {
            id: found.id,
            name: found.name,
            startDate: isoFromDate(found.startDate),
            city: found.city,
            country: found.country,
          };
      }
      const p = item.publication;
      if (p?.title) {
        const found = publications.find((r) => r.title.toLowerCase() === p.title!.trim().toLowerCase());
        if (found)
          entry.publication = {
            id: found.id,
            title: found.title,
            issuingBody: found.issuingBody,
            date: isoFromDate(found.date),
          };
      }
      // Existing tags whose names appear in the item's title or text (runs of up to as many words as the longest tag).
      const text = `${item.title ?? ''} ${item.standfirst ?? ''} ${toPlainText(item.body).slice(0, TEXT_READ)}`;
      const ws = words(text.toLowerCase());
      const found = new Map<string, TagMatch>();
      for (let i = 0; i < ws.length && found.size < 30; i++) {
        let phrase = '';
        for (let n = 0; n < tagWords && i + n < ws.length; n++) {
          phrase = n === 0 ? ws[i]! : `${phrase} ${ws[i + n]}`;
          const tag = tagsByPhrase.get(phrase);
          if (tag) found.set(`${tag.kind}:${tag.slug}`, { kind: tag.kind, name: tag.name });
        }
      }
      for (const t of item.tags ?? []) {
        const tag = tags.find((r) => r.kind === t.kind && r.slug === toSlug(t.name));
        if (tag) found.set(`${tag.kind}:${tag.slug}`, { kind: tag.kind, name: tag.name });
      }
      if (found.size) entry.existingTags = [...found.values()];
      if (entry.meeting || entry.publication || entry.existingTags) out[key] = entry;
    }),
  );
  return out;
}
