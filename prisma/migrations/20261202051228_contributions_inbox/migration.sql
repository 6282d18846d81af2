-- Information Exchange: contributions get a reference, subject, link, kind-specific details,
-- "do not name me", erasure, replies; a PostgreSQL rate limiter; refusal counters; a retention setting.
-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ContributionStatus" ADD VALUE 'IN_PROGRESS';
ALTER TYPE "ContributionStatus" ADD VALUE 'SPAM';

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "anonymous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "details" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "link" TEXT,
ADD COLUMN     "reference" TEXT,
ADD COLUMN     "subject" TEXT NOT NULL DEFAULT '';

-- Existing rows (the demo's) get a reference from their id; new ones get theirs from the app.
UPDATE "Contribution" SET "reference" = 'IX-' || upper(substr(md5("id"), 1, 4)) || '-' || upper(substr(md5("id"), 5, 4));
ALTER TABLE "Contribution" ALTER COLUMN "reference" SET NOT NULL;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "contributionId" TEXT;

-- AlterTable
ALTER TABLE "PublicationSettings" ADD COLUMN     "contributionRetentionDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "ContributionReply" (
    "id" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "decision" "ContributionStatus",
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "ContributionRefusalCount" (
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContributionRefusalCount_pkey" PRIMARY KEY ("day","reason")
);

-- CreateIndex
CREATE INDEX "ContributionReply_contributionId_createdAt_idx" ON "ContributionReply"("contributionId", "createdAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_reference_key" ON "Contribution"("reference");

-- CreateIndex
CREATE INDEX "Contribution_kind_status_idx" ON "Contribution"("kind", "status");

-- CreateIndex
CREATE INDEX "OutboxMessage_contributionId_idx" ON "OutboxMessage"("contributionId");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionReply" ADD CONSTRAINT "ContributionReply_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionReply" ADD CONSTRAINT "ContributionReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
