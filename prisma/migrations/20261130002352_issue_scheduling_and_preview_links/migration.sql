-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "scheduleError" TEXT,
ADD COLUMN     "scheduleFailedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PreviewLink" (
    "id" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "PreviewLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PreviewLink_tokenHash_key" ON "PreviewLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PreviewLink_issueId_createdAt_idx" ON "PreviewLink"("issueId", "createdAt");

-- CreateIndex
CREATE INDEX "Issue_scheduledAt_idx" ON "Issue"("scheduledAt");

-- AddForeignKey
ALTER TABLE "PreviewLink" ADD CONSTRAINT "PreviewLink_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreviewLink" ADD CONSTRAINT "PreviewLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: rules Prisma cannot express.
-- ---------------------------------------------------------------------------------------------

-- A published issue has nothing left to schedule; a recorded schedule failure belongs to a schedule.
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_schedule_state_check" CHECK ("scheduledAt" IS NULL OR "state" <> 'PUBLISHED');
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_scheduleError_check" CHECK ("scheduleError" IS NULL OR "scheduledAt" IS NOT NULL);

-- A token hash is the hex SHA-256 of the token; a link expires after it was made.
ALTER TABLE "PreviewLink" ADD CONSTRAINT "PreviewLink_tokenHash_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "PreviewLink" ADD CONSTRAINT "PreviewLink_expiresAt_check" CHECK ("expiresAt" > "createdAt");
