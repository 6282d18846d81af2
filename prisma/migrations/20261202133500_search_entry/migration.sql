-- The reader's search index (docs/reader-tools.md, "Cost"): one narrow row per public item, kept by
-- the database itself, so that the reader's search reads no "Item" row and joins nothing to decide
-- what it may show. A row exists exactly while its item is public (the item published, in a section
-- of a published bulletin issue: the rule of lib/authz/reader.ts); visibility is a property of the
-- row. "Item"."search" (the search_index migration) stays: the back office searches drafts with it.
--
-- What a row holds: the item's vector (a copy of "Item"."search"), what results are ordered and
-- ranked by, and the facet keys (kind, year, bulletin issue number, the tag ids as one array), so
-- that counting facets over thousands of matches reads these rows and nothing else.
--
-- toast_tuple_target = 128 and STORAGE EXTERNAL: the vector (about a kilobyte for a typical item) is
-- always kept out of line, uncompressed, which leaves rows of about 150 bytes. Matching a word (the
-- GIN index) and counting its facets then read a few thousand small heap pages, not the vectors; only
-- the rows that are ranked, and phrase queries (which recheck positions), fetch a vector, and fetch it
-- without decompressing. The tag array is PLAIN (never compressed nor moved out of line): it is read
-- for every match when facets are counted.

-- CreateTable
CREATE TABLE "SearchEntry" (
    "itemId" TEXT NOT NULL,
    "kind" "ItemKind" NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "issueNumber" INTEGER NOT NULL,
    "issuePublishedAt" TIMESTAMP(3) NOT NULL,
    "year" INTEGER,
    "tagIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "search" tsvector NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("itemId")
) WITH (toast_tuple_target = 128);

ALTER TABLE "SearchEntry" ALTER COLUMN "search" SET STORAGE EXTERNAL, ALTER COLUMN "tagIds" SET STORAGE PLAIN;

-- CreateIndex
CREATE INDEX "SearchEntry_search_idx" ON "SearchEntry" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Makes the rows of the given items what the items are now: present, with current values, for each
-- public one; absent for the others.
CREATE FUNCTION "search_entry_refresh"(item_ids TEXT[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "SearchEntry" e
  WHERE e."itemId" = ANY(item_ids) AND NOT EXISTS (
    SELECT 1 FROM "Item" i JOIN "Issue" x ON x."id" = i."issueId"
    WHERE i."id" = e."itemId" AND i."state" = 'PUBLISHED' AND i."sectionId" IS NOT NULL AND x."state" = 'PUBLISHED');
  INSERT INTO "SearchEntry" AS e
    ("itemId", "kind", "publishedAt", "issueNumber", "issuePublishedAt", "year", "tagIds", "search")
  SELECT i."id", i."kind",
    coalesce(i."publishedAt", x."publishedAt", x."updatedAt"),
    x."number",
    coalesce(x."publishedAt", x."updatedAt"),
    EXTRACT(YEAR FROM coalesce(x."coverDate", x."publishedAt"))::int,
    coalesce((SELECT array_agg(it."tagId" ORDER BY it."tagId") FROM "ItemTag" it WHERE it."itemId" = i."id"), ARRAY[]::TEXT[]),
    coalesce(i."search", ''::tsvector)
  FROM "Item" i JOIN "Issue" x ON x."id" = i."issueId"
  WHERE i."id" = ANY(item_ids) AND i."state" = 'PUBLISHED' AND i."sectionId" IS NOT NULL AND x."state" = 'PUBLISHED'
  ON CONFLICT ("itemId") DO UPDATE SET
    "kind" = EXCLUDED."kind", "publishedAt" = EXCLUDED."publishedAt", "issueNumber" = EXCLUDED."issueNumber",
    "issuePublishedAt" = EXCLUDED."issuePublishedAt", "year" = EXCLUDED."year", "tagIds" = EXCLUDED."tagIds",
    "search" = EXCLUDED."search"
  WHERE (e."kind", e."publishedAt", e."issueNumber", e."issuePublishedAt", e."year", e."tagIds", e."search")
    IS DISTINCT FROM (EXCLUDED."kind", EXCLUDED."publishedAt", EXCLUDED."issueNumber", EXCLUDED."issuePublishedAt",
      EXCLUDED."year", EXCLUDED."tagIds", EXCLUDED."search");
$$;

-- An item: inserted, or changed in anything a row holds or depends on (publishing, unpublishing,
-- archiving, moving to another issue or section, a correction of its text, its related words).
-- AFTER, so that the generated "search" is already computed. Deleting an item cascades to its row.
CREATE FUNCTION "Item_search_entry"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "search_entry_refresh"(ARRAY[NEW."id"]);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Item_search_entry_insert" AFTER INSERT ON "Item"
    FOR EACH ROW WHEN (NEW."state" = 'PUBLISHED') EXECUTE FUNCTION "Item_search_entry"();
CREATE TRIGGER "Item_search_entry_update" AFTER UPDATE ON "Item"
    FOR EACH ROW WHEN (
      (OLD."state", OLD."issueId", OLD."sectionId", OLD."kind", OLD."publishedAt")
        IS DISTINCT FROM (NEW."state", NEW."issueId", NEW."sectionId", NEW."kind", NEW."publishedAt")
      OR OLD."search" IS DISTINCT FROM NEW."search")
    EXECUTE FUNCTION "Item_search_entry"();

-- Tag links, once per statement: the rows' tag arrays (an item's words change with its tags too,
-- through "searchRelated", but two tags may share a name, so the links are followed themselves).
CREATE FUNCTION "ItemTag_search_entry"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "search_entry_refresh"(ARRAY(SELECT DISTINCT "itemId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "search_entry_refresh"(ARRAY(SELECT "itemId" FROM new_rows UNION SELECT "itemId" FROM old_rows));
  ELSE
    PERFORM "search_entry_refresh"(ARRAY(SELECT DISTINCT "itemId" FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- Named to fire after the ItemTag_search_* triggers of the search_index migration (triggers of one
-- event fire in name order), so that the item's vector already holds its new tags' names.
CREATE TRIGGER "ItemTag_so_search_entry_insert" AFTER INSERT ON "ItemTag" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "ItemTag_search_entry"();
CREATE TRIGGER "ItemTag_so_search_entry_update" AFTER UPDATE ON "ItemTag" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "ItemTag_search_entry"();
CREATE TRIGGER "ItemTag_so_search_entry_delete" AFTER DELETE ON "ItemTag" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "ItemTag_search_entry"();

-- A bulletin issue published, unpublished, withdrawn, renumbered or redated: the rows of its items.
CREATE FUNCTION "Issue_search_entry"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "search_entry_refresh"(ARRAY(SELECT i."id" FROM "Item" i WHERE i."issueId" = NEW."id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Issue_search_entry_update" AFTER UPDATE ON "Issue"
    FOR EACH ROW WHEN (
      (OLD."state", OLD."number", OLD."coverDate", OLD."publishedAt")
        IS DISTINCT FROM (NEW."state", NEW."number", NEW."coverDate", NEW."publishedAt"))
    EXECUTE FUNCTION "Issue_search_entry"();

-- The items public already.
SELECT "search_entry_refresh"(ARRAY(SELECT "id" FROM "Item" WHERE "state" = 'PUBLISHED'));

-- The reader's matching, for lib/content/search/search-published.ts: at most max_rows rows whose
-- vector matches, read through the GIN index. A function only to carry enable_seqscan = off: for a
-- word found in most items the planner prefers a sequential scan, not knowing that it then fetches
-- every row's vector from out of line to test it (tens of times slower than the index's bitmap, which
-- needs no vector for a query of words). Returns no vector, so that none is fetched for it.
CREATE FUNCTION "search_entry_match"(query tsquery, max_rows INTEGER)
RETURNS TABLE ("itemId" TEXT, "kind" "ItemKind", "publishedAt" TIMESTAMP(3), "issueNumber" INTEGER,
  "issuePublishedAt" TIMESTAMP(3), "year" INTEGER, "tagIds" TEXT[])
LANGUAGE sql STABLE SET enable_seqscan = off AS $$
  SELECT e."itemId", e."kind", e."publishedAt", e."issueNumber", e."issuePublishedAt", e."year", e."tagIds"
  FROM "SearchEntry" e WHERE e."search" @@ query LIMIT max_rows
$$;
