-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('SAVE', 'AUTOSAVE', 'RESTORE', 'CONFLICT');

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "kind" "RevisionKind" NOT NULL DEFAULT 'SAVE',
ADD COLUMN     "restoredFromNumber" INTEGER;
