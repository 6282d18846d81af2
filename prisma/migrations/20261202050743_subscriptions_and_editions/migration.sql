-- CreateEnum
CREATE TYPE "SubscriberStatus" AS ENUM ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED', 'BOUNCED');

-- CreateEnum
CREATE TYPE "EditionState" AS ENUM ('DRAFT', 'SKIPPED', 'SENDING', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "organisation" TEXT NOT NULL DEFAULT '',
    "status" "SubscriberStatus" NOT NULL DEFAULT 'PENDING',
    "consentText" TEXT NOT NULL,
    "consentSource" TEXT NOT NULL,
    "consentNote" TEXT,
    "confirmTokenHash" TEXT,
    "confirmTokenExpiresAt" TIMESTAMP(3),
    "confirmationSentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "bouncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Edition" (
    "id" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "sendEnabled" BOOLEAN NOT NULL DEFAULT true,
    "state" "EditionState" NOT NULL DEFAULT 'DRAFT',
    "subject" TEXT NOT NULL DEFAULT '',
    "html" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "preparedAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditionDelivery" (
    "id" BIGSERIAL NOT NULL,
    "editionId" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseToken" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastAnswer" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EditionDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailingSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sendRatePerMinute" INTEGER NOT NULL DEFAULT 600,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "unsubscribeKey" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailingSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "bucket" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastGranted" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("bucket","keyHash","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_email_key" ON "Subscriber"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_confirmTokenHash_key" ON "Subscriber"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "Subscriber_status_idx" ON "Subscriber"("status");

-- CreateIndex
CREATE INDEX "Subscriber_createdAt_idx" ON "Subscriber"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Edition_issueId_key" ON "Edition"("issueId");

-- CreateIndex
CREATE INDEX "EditionDelivery_status_nextAttemptAt_idx" ON "EditionDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EditionDelivery_editionId_status_idx" ON "EditionDelivery"("editionId", "status");

-- CreateIndex
CREATE INDEX "EditionDelivery_subscriberId_idx" ON "EditionDelivery"("subscriberId");

-- CreateIndex
CREATE UNIQUE INDEX "EditionDelivery_editionId_subscriberId_key" ON "EditionDelivery"("editionId", "subscriberId");

-- CreateIndex
CREATE INDEX "RateLimitWindow_expiresAt_idx" ON "RateLimitWindow"("expiresAt");

-- AddForeignKey
ALTER TABLE "Edition" ADD CONSTRAINT "Edition_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules Prisma does not model (it neither diffs nor drops them).
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_email_lowercase_check" CHECK ("email" = lower("email"));
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_consentSource_check" CHECK ("consentSource" IN ('form', 'import', 'import-consented'));
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_consentNote_check" CHECK ("consentSource" <> 'import-consented' OR length(trim("consentNote")) > 0);
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_confirmTokenHash_check" CHECK ("confirmTokenHash" IS NULL OR "confirmTokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_confirmed_check" CHECK ("status" <> 'CONFIRMED' OR "confirmedAt" IS NOT NULL);
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_attempts_check" CHECK ("attempts" >= 0);
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_sent_check" CHECK ("status" <> 'SENT' OR "sentAt" IS NOT NULL);
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_lease_check" CHECK ("status" <> 'SENDING' OR ("leaseToken" IS NOT NULL AND "leaseExpiresAt" IS NOT NULL));
ALTER TABLE "MailingSettings" ADD CONSTRAINT "MailingSettings_singleton_check" CHECK ("id" = 1);
ALTER TABLE "MailingSettings" ADD CONSTRAINT "MailingSettings_rate_check" CHECK ("sendRatePerMinute" BETWEEN 1 AND 100000);
ALTER TABLE "MailingSettings" ADD CONSTRAINT "MailingSettings_maxAttempts_check" CHECK ("maxAttempts" BETWEEN 1 AND 50);
ALTER TABLE "RateLimitWindow" ADD CONSTRAINT "RateLimitWindow_count_check" CHECK ("count" >= 0);
