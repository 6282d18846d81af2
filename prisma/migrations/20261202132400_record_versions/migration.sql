-- Optimistic concurrency for meetings, publications and the publication settings: the edit form
-- sends the version it loaded, a save succeeds only at that version and bumps it.

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PublicationSettings" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
