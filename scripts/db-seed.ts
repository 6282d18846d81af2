/** `npm run db:seed`: loads (or refreshes) the demo content in DATABASE_URL. Development only. */
import { loadDotEnv } from './lib/env-file';
import { createDb } from '@/lib/db/create-db';
import { seedDemo } from '@/prisma/seed/demo';

loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (`npm run dev` seeds its own database on first start.)');
  process.exit(1);
}
if (process.env.NODE_ENV === 'production') {
  console.error('Refusing to load demo content with NODE_ENV=production.');
  process.exit(1);
}
const db = createDb(url);
await seedDemo(db);
await db.$disconnect();
console.log('demo content loaded');
