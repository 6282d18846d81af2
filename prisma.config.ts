import { defineConfig } from 'prisma/config';

// Prisma 7 reads the connection here (not from the schema). process.env rather than env(): env()
// throws when DATABASE_URL is unset, which would break `prisma generate` during `npm install`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
