import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { publicItemWhere } from '@/lib/authz/reader';
import { getDb } from '@/lib/db/client';

/**
 * The publication catalogue's reads: publications that published items review (one that only
 * unpublished work refers to stays private, as lib/content/published.ts has it), each with those
 * reviews. One query each, whatever the number of publications and reviews.
 */

const cataloguePublicationSelect = {
  id: true,
  title: true,
  authors: true,
  issuingBody: true,
  date: true,
  datePrecision: true,
  kind: true,
  availability: true,
  url: true,
  isbn: true,
  items: {
    where: publicItemWhere,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      title: true,
      slug: true,
      standfirst: true,
      publishedAt: true,
      section: { select: { issue: { select: { number: true, coverLabel: true } } } },
    },
  },
} satisfies Prisma.PublicationSelect;

export type CataloguePublication = Prisma.PublicationGetPayload<{ select: typeof cataloguePublicationSelect }>;

/** Every public publication, newest first (undated ones last). */
export async function listCataloguePublications(): Promise<CataloguePublication[]> {
  return getDb().publication.findMany({
    where: { items: { some: publicItemWhere } },
    orderBy: [{ date: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }, { id: 'asc' }],
    select: cataloguePublicationSelect,
  });
}

/** One public publication with its published reviews, or null. */
export async function getCataloguePublication(id: string): Promise<CataloguePublication | null> {
  return getDb().publication.findFirst({
    where: { id, items: { some: publicItemWhere } },
    select: cataloguePublicationSelect,
  });
}
