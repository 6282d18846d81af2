import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan, requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { dateFromIso, isoFromDate } from '@/lib/validation/common';
import { parseWith } from '@/lib/validation/field-errors';
import { publicationSchema, type PublicationFields, type PublicationInput } from '@/lib/validation/publication';
import { clampInt } from './meetings';

/**
 * Publications reviewed in the bulletin: anyone with an account may add one (for their review);
 * editors curate them. Dates travel as YYYY-MM-DD.
 */

export type PublicationView = PublicationFields & { id: string; reviewCount: number; createdAt: Date; updatedAt: Date };

const publicationSelect = {
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
  createdAt: true,
  updatedAt: true,
  _count: { select: { items: true } },
} satisfies Prisma.PublicationSelect;

function toView(p: Prisma.PublicationGetPayload<{ select: typeof publicationSelect }>): PublicationView {
  const { _count, date, ...rest } = p;
  return { ...rest, date: isoFromDate(date), reviewCount: _count.items };
}

function parse(input: unknown): PublicationFields {
  const parsed = parseWith(publicationSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  return parsed.data;
}

const columns = (fields: PublicationFields) => ({ ...fields, date: dateFromIso(fields.date) });

export async function createPublication(actor: Actor, input: PublicationInput): Promise<PublicationView> {
  enforceCan(actor, 'publication.create');
  return toView(await getDb().publication.create({ data: columns(parse(input)), select: publicationSelect }));
}

/** Editors only. */
export async function updatePublication(
  actor: Actor,
  publicationId: string,
  input: PublicationInput,
): Promise<PublicationView> {
  enforceCan(actor, 'publication.edit');
  const fields = parse(input);
  const db = getDb();
  const { count } = await db.publication.updateMany({ where: { id: publicationId }, data: columns(fields) });
  if (count === 0) throw new NotFoundError();
  return toView(await db.publication.findUniqueOrThrow({ where: { id: publicationId }, select: publicationSelect }));
}

export async function getPublication(actor: Actor, publicationId: string): Promise<PublicationView> {
  requireActor(actor);
  const publication = await getDb().publication.findUnique({ where: { id: publicationId }, select: publicationSelect });
  if (!publication) throw new NotFoundError();
  return toView(publication);
}

export type ListPublicationsOptions = { q?: string; page?: number; pageSize?: number };

/** For the list page and the item form's picker: newest first, searched by title, authors, issuing body and ISBN. */
export async function listPublications(
  actor: Actor,
  options: ListPublicationsOptions = {},
): Promise<{ publications: PublicationView[]; total: number; page: number; pageSize: number }> {
  requireActor(actor);
  const page = clampInt(options.page, 1, 10_000, 1);
  const pageSize = clampInt(options.pageSize, 1, 100, 20);
  const words = (options.q ?? '').trim().slice(0, 200).split(/\s+/).filter(Boolean).slice(0, 8);
  const where: Prisma.PublicationWhereInput = {
    AND: words.map((w) => ({
      OR: [
        { title: { contains: w, mode: 'insensitive' } },
        { authors: { contains: w, mode: 'insensitive' } },
        { issuingBody: { contains: w, mode: 'insensitive' } },
        { isbn: { contains: w, mode: 'insensitive' } },
      ],
    })),
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.publication.count({ where }),
    db.publication.findMany({
      where,
      orderBy: [{ date: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: publicationSelect,
    }),
  ]);
  return { publications: rows.map(toView), total, page, pageSize };
}
