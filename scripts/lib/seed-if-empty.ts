import { createDb } from '@/lib/db/create-db';
import { seedDemo } from '@/prisma/seed/demo';

/** Loads the demo content into a database that has no accounts yet. Returns whether it did. */
export async function seedIfEmpty(databaseUrl: string): Promise<boolean> {
  const db = createDb(databaseUrl);
  try {
    if ((await db.user.count()) > 0) return false;
    await seedDemo(db);
    return true;
  } finally {
    await db.$disconnect();
  }
}
