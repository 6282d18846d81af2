import type { Prisma } from '@/generated/prisma/client';

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
