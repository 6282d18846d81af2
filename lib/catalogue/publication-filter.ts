import { Availability, PublicationKind } from '@/generated/prisma/enums';

/**
 * The publication catalogue's filters and order (/publications?kind=manual&availability=forthcoming
 * &body=Europol&year=2002&sort=title), shared by the page and its citation export. Pure functions;
 * anything malformed is ignored.
 */

export const PUBLICATION_SORTS = { newest: 'Newest first', oldest: 'Oldest first', title: 'Title A–Z' } as const;
export type PublicationSort = keyof typeof PUBLICATION_SORTS;

export type PublicationFilter = {
  kind?: PublicationKind;
  availability?: Availability;
  /** An issuing body, as written on the publications. */
  body?: string;
  year?: number;
  sort: PublicationSort;
};

type Params = Record<string, string | string[] | undefined>;
type Listed = {
  title: string;
  kind: PublicationKind;
  availability: Availability;
  issuingBody: string;
  date: Date | null;
};

const first = (params: Params, name: string) => {
  const v = params[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
};

function enumValue<T extends string>(values: Record<string, T>, raw: string): T | undefined {
  const upper = raw.toUpperCase();
  return (Object.values(values) as string[]).includes(upper) ? (upper as T) : undefined;
}

export function parsePublicationFilter(params: Params): PublicationFilter {
  const year = first(params, 'year');
  const sort = first(params, 'sort');
  const body = first(params, 'body').slice(0, 200);
  return {
    kind: enumValue(PublicationKind, first(params, 'kind')),
    availability: enumValue(Availability, first(params, 'availability')),
    body: body || undefined,
    year: /^\d{4}$/.test(year) ? Number(year) : undefined,
    sort: Object.hasOwn(PUBLICATION_SORTS, sort) ? (sort as PublicationSort) : 'newest',
  };
}

const byTitle = (a: Listed, b: Listed) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
const time = (p: Listed, missing: number) => p.date?.getTime() ?? missing;

export function applyPublicationFilter<T extends Listed>(publications: T[], f: PublicationFilter): T[] {
  const shown = publications.filter(
    (p) =>
      (!f.kind || p.kind === f.kind) &&
      (!f.availability || p.availability === f.availability) &&
      (!f.body || p.issuingBody.toLowerCase() === f.body.toLowerCase()) &&
      (!f.year || p.date?.getUTCFullYear() === f.year),
  );
  const order =
    f.sort === 'title'
      ? byTitle
      : f.sort === 'oldest'
        ? (a: Listed, b: Listed) => time(a, Infinity) - time(b, Infinity) || byTitle(a, b)
        : (a: Listed, b: Listed) => time(b, -Infinity) - time(a, -Infinity) || byTitle(a, b);
  return [...shown].sort(order);
}

export function publicationFilterOptions(publications: Listed[]) {
  const bodies = new Set<string>();
  const years = new Set<number>();
  const kinds = new Set<PublicationKind>();
  for (const p of publications) {
    if (p.issuingBody) bodies.add(p.issuingBody);
    if (p.date) years.add(p.date.getUTCFullYear());
    kinds.add(p.kind);
  }
  return {
    kinds: Object.values(PublicationKind).filter((k) => kinds.has(k)),
    bodies: [...bodies].sort((a, b) => a.localeCompare(b, 'en')),
    years: [...years].sort((a, b) => b - a),
  };
}

/** The query string of a filter (no leading "?"), the default order left out. */
export function publicationFilterQuery(f: PublicationFilter): string {
  const search = new URLSearchParams();
  if (f.kind) search.set('kind', f.kind.toLowerCase());
  if (f.availability) search.set('availability', f.availability.toLowerCase());
  if (f.body) search.set('body', f.body);
  if (f.year) search.set('year', String(f.year));
  if (f.sort !== 'newest') search.set('sort', f.sort);
  return search.toString();
}

export function hasPublicationFilters(f: PublicationFilter): boolean {
  return !!(f.kind || f.availability || f.body || f.year);
}
