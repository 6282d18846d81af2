-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'CONTRIBUTOR');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('INVITED', 'ACTIVE', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "IssueState" AS ENUM ('PLANNED', 'IN_PRODUCTION', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('ARTICLE', 'MEETING_REPORT', 'PUBLICATION_REVIEW');

-- CreateEnum
CREATE TYPE "ItemState" AS ENUM ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "PublicationKind" AS ENUM ('RESEARCH_REPORT', 'MANUAL', 'ASSESSMENT', 'COUNTRY_REPORT', 'JOURNAL', 'OTHER');

-- CreateEnum
CREATE TYPE "Availability" AS ENUM ('PUBLISHED', 'FORTHCOMING');

-- CreateEnum
CREATE TYPE "TagKind" AS ENUM ('COUNTRY', 'REGION', 'THEME');

-- CreateEnum
CREATE TYPE "ContributionKind" AS ENUM ('NEWS', 'MEETING', 'PUBLICATION', 'NETWORKING', 'COMMENTARY');

-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('NEW', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'CONTRIBUTOR',
    "status" "UserStatus" NOT NULL DEFAULT 'INVITED',
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "publisher" TEXT NOT NULL DEFAULT '',
    "postalAddress" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "webAddress" TEXT NOT NULL DEFAULT '',
    "issn" TEXT NOT NULL DEFAULT '',
    "disclaimer" TEXT NOT NULL DEFAULT '',
    "reproductionNotice" TEXT NOT NULL DEFAULT '',
    "sectionTemplate" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "coverLabel" TEXT NOT NULL,
    "coverDate" DATE,
    "state" "IssueState" NOT NULL DEFAULT 'PLANNED',
    "publishedAt" TIMESTAMP(3),
    "scheduledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "acceptsKind" "ItemKind",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" TEXT NOT NULL,
    "kind" "ItemKind" NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "state" "ItemState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT NOT NULL,
    "issueId" TEXT,
    "sectionId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "meetingId" TEXT,
    "publicationId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "correctedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "city" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL DEFAULT '',
    "organisers" TEXT NOT NULL DEFAULT '',
    "participants" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authors" TEXT NOT NULL DEFAULT '',
    "issuingBody" TEXT NOT NULL DEFAULT '',
    "date" DATE,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "kind" "PublicationKind" NOT NULL DEFAULT 'RESEARCH_REPORT',
    "availability" "Availability" NOT NULL DEFAULT 'PUBLISHED',
    "url" TEXT,
    "isbn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "date" DATE,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL,
    "kind" "TagKind" NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemTag" (
    "itemId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "ItemTag_pkey" PRIMARY KEY ("itemId","tagId")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "itemVersion" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "quote" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT,
    "note" TEXT,
    "ip" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organisation" TEXT NOT NULL DEFAULT '',
    "kind" "ContributionKind" NOT NULL,
    "message" TEXT NOT NULL,
    "consent" BOOLEAN NOT NULL,
    "status" "ContributionStatus" NOT NULL DEFAULT 'NEW',
    "itemId" TEXT,
    "triagedById" TEXT,
    "triagedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_number_key" ON "Issue"("number");

-- CreateIndex
CREATE INDEX "Issue_state_number_idx" ON "Issue"("state", "number");

-- CreateIndex
CREATE INDEX "Section_issueId_position_idx" ON "Section"("issueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Section_id_issueId_key" ON "Section"("id", "issueId");

-- CreateIndex
CREATE INDEX "Item_issueId_sectionId_position_idx" ON "Item"("issueId", "sectionId", "position");

-- CreateIndex
CREATE INDEX "Item_state_publishedAt_idx" ON "Item"("state", "publishedAt");

-- CreateIndex
CREATE INDEX "Item_authorId_state_idx" ON "Item"("authorId", "state");

-- CreateIndex
CREATE INDEX "Item_meetingId_idx" ON "Item"("meetingId");

-- CreateIndex
CREATE INDEX "Item_publicationId_idx" ON "Item"("publicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Item_issueId_slug_key" ON "Item"("issueId", "slug");

-- CreateIndex
CREATE INDEX "Meeting_startDate_idx" ON "Meeting"("startDate");

-- CreateIndex
CREATE INDEX "Publication_date_idx" ON "Publication"("date");

-- CreateIndex
CREATE INDEX "Source_itemId_position_idx" ON "Source"("itemId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_kind_slug_key" ON "Tag"("kind", "slug");

-- CreateIndex
CREATE INDEX "ItemTag_tagId_idx" ON "ItemTag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_itemId_number_key" ON "Revision"("itemId", "number");

-- CreateIndex
CREATE INDEX "ReviewComment_itemId_resolvedAt_idx" ON "ReviewComment"("itemId", "resolvedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_itemId_key" ON "Contribution"("itemId");

-- CreateIndex
CREATE INDEX "Contribution_status_createdAt_idx" ON "Contribution"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_sectionId_issueId_fkey" FOREIGN KEY ("sectionId", "issueId") REFERENCES "Section"("id", "issueId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemTag" ADD CONSTRAINT "ItemTag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemTag" ADD CONSTRAINT "ItemTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_triagedById_fkey" FOREIGN KEY ("triagedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Constraints Prisma cannot express
-- Written by hand (everything above was generated from prisma/schema.prisma). Prisma neither
-- models nor diffs CHECK constraints, functions or triggers, so later migrations leave them be.
-- ---------------------------------------------------------------------------------------------

-- The publication settings are a single row.
ALTER TABLE "PublicationSettings" ADD CONSTRAINT "PublicationSettings_singleton_check" CHECK ("id" = 1);

ALTER TABLE "Issue" ADD CONSTRAINT "Issue_number_check" CHECK ("number" > 0);
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_publishedAt_check" CHECK ("state" <> 'PUBLISHED' OR "publishedAt" IS NOT NULL);

ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_dates_check" CHECK ("endDate" IS NULL OR "startDate" IS NULL OR "endDate" >= "startDate");

-- Only meeting reports link to a meeting, only publication reviews to a publication.
ALTER TABLE "Item" ADD CONSTRAINT "Item_kind_meeting_check" CHECK ("meetingId" IS NULL OR "kind" = 'MEETING_REPORT');
ALTER TABLE "Item" ADD CONSTRAINT "Item_kind_publication_check" CHECK ("publicationId" IS NULL OR "kind" = 'PUBLICATION_REVIEW');
-- An item is placed in an issue and one of its sections, or in neither. (The composite foreign key
-- to "Section" is only checked when both columns are set.)
ALTER TABLE "Item" ADD CONSTRAINT "Item_issue_section_check" CHECK (("sectionId" IS NULL) = ("issueId" IS NULL));
-- Once approved or published, a meeting report names its meeting and a review its publication.
ALTER TABLE "Item" ADD CONSTRAINT "Item_approved_meeting_check" CHECK ("state" NOT IN ('APPROVED', 'PUBLISHED') OR "kind" <> 'MEETING_REPORT' OR "meetingId" IS NOT NULL);
ALTER TABLE "Item" ADD CONSTRAINT "Item_approved_publication_check" CHECK ("state" NOT IN ('APPROVED', 'PUBLISHED') OR "kind" <> 'PUBLICATION_REVIEW' OR "publicationId" IS NOT NULL);
ALTER TABLE "Item" ADD CONSTRAINT "Item_publishedAt_check" CHECK ("state" <> 'PUBLISHED' OR "publishedAt" IS NOT NULL);
ALTER TABLE "Item" ADD CONSTRAINT "Item_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Item" ADD CONSTRAINT "Item_version_check" CHECK ("version" >= 1);

-- A contribution is stored only with the sender's consent.
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_consent_check" CHECK ("consent" = true);

-- Email addresses are stored lower-cased, so the unique index compares them case-insensitively.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"));

-- The audit log is append-only: rows can be inserted, never changed, deleted or truncated.
CREATE FUNCTION "AuditEvent_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_append_only"();
