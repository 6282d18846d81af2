import 'server-only';
import { Prisma } from '@/generated/prisma/client';

/**
 * What a reader without an account may see, as query filters. Every public read goes through these,
 * so "published" is decided in one place: an item is public only when it and its bulletin issue are
 * both published.
 */
export const publicIssueWhere = { state: 'PUBLISHED' } satisfies Prisma.IssueWhereInput;

export const publicItemWhere = {
  state: 'PUBLISHED',
  section: { issue: publicIssueWhere },
} satisfies Prisma.ItemWhereInput;

/**
 * publicItemWhere as a SQL condition on an "Item" row, for the raw queries of search and facets
 * (lib/content/search). The same rule, not a second one: the item is published, and so is the
 * bulletin issue of its section (an item's issueId always equals its section's issue: a composite
 * foreign key). tests/integration/search-gate.test.ts checks that both select the same rows.
 */
export function publicItemSql(alias = 'i'): Prisma.Sql {
  const item = Prisma.raw(`"${alias.replace(/[^A-Za-z0-9_]/g, '')}"`);
  return Prisma.sql`(${item}."state" = 'PUBLISHED' AND ${item}."sectionId" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Issue" public_issue
    WHERE public_issue."id" = ${item}."issueId" AND public_issue."state" = 'PUBLISHED'))`;
}
