import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { visibleItemsWhere, type Actor } from './policy';

/**
 * The policy's back-office item filter (visibleItemsWhere) as a SQL condition on an "Item" row, for the
 * few raw queries that need a window or a lateral join. It translates the policy's answer rather than
 * deciding again, and anything it cannot translate exactly matches nothing (fails closed).
 */
export function visibleItemsSql(actor: Actor, alias = 'i'): Prisma.Sql {
  const where = visibleItemsWhere(actor);
  const keys = Object.keys(where);
  const column = Prisma.raw(`"${alias.replace(/[^A-Za-z0-9_]/g, '')}"."authorId"`);
  if (keys.length === 0) return Prisma.sql`TRUE`;
  if (keys.length === 1 && typeof where.authorId === 'string') return Prisma.sql`${column} = ${where.authorId}`;
  return Prisma.sql`FALSE`;
}
