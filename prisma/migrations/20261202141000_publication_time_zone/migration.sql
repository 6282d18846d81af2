-- AlterTable
ALTER TABLE "PublicationSettings" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
