import { randomInt } from 'node:crypto';
import type { Db } from '@/lib/db/create-db';

/**
 * Bulletin issues the browser tests create get a free number below the demo's N° 25, so "the latest
 * issue" (the highest published number) and "the next number" that other tests rely on stay the
 * demo's. A free number is picked at random; when a test in the other worker takes the same one at
 * the same moment, the unique index refuses one of them (P2002) and that one tries another.
 */
export async function withFreeIssueNumber<T>(db: Db, create: (number: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const taken = new Set(
      (await db.issue.findMany({ where: { number: { lt: 25 } }, select: { number: true } })).map((i) => i.number),
    );
    const free = Array.from({ length: 24 }, (_, i) => i + 1).filter((n) => !taken.has(n));
    if (free.length === 0) throw new Error('No free bulletin issue number below 25 is left.');
    try {
      return await create(free[randomInt(free.length)]!);
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
    }
  }
  throw new Error('No free bulletin issue number below 25 after 30 attempts.');
}
