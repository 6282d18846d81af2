-- Full-text search over items, kept up to date by the database itself (docs/reader-tools.md).
--
-- "Item"."search" is one stored, generated tsvector: the item's own fields, weighted (title A,
-- standfirst B, body C), plus "searchRelated", which holds the words of the rows the item points to
-- (tags and its meeting's or publication's name: B; sources, the meeting's place, organisers and
-- participants, the publication's authors and issuing body: D). A generated column cannot read
-- other tables, so "searchRelated" is kept by triggers on every table it reads from; whenever it
-- changes, PostgreSQL recomputes "search". The application never writes either column.
--
-- Accents are folded by a text search configuration: english with the unaccent dictionary in front
-- of the English stemmer (the unaccent module's documented pattern). Folding inside the
-- configuration, rather than calling unaccent() on the text (unaccent() is only STABLE, so it would
-- need an IMMUTABLE wrapper), keeps the original text for ts_headline: a search for "resume"
-- highlights "résumé" in the snippet as it is written.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION "english_unaccent" (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "english_unaccent"
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- AlterTable
ALTER TABLE "Item" ADD COLUMN "searchRelated" tsvector DEFAULT ''::tsvector;

-- The words of an item's related rows. STABLE: it reads tables.
CREATE FUNCTION "item_related_search"(item_id TEXT, meeting_id TEXT, publication_id TEXT) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT
    setweight(to_tsvector('english_unaccent', coalesce((
      SELECT string_agg(t."name", ' ; ' ORDER BY t."name")
      FROM "ItemTag" it JOIN "Tag" t ON t."id" = it."tagId"
      WHERE it."itemId" = item_id), '')), 'B')
    || setweight(to_tsvector('english_unaccent', coalesce((
      SELECT string_agg(s."name", ' ; ' ORDER BY s."position")
      FROM "Source" s WHERE s."itemId" = item_id), '')), 'D')
    || coalesce((
      SELECT setweight(to_tsvector('english_unaccent', m."name"), 'B')
        || setweight(to_tsvector('english_unaccent',
             concat_ws(' ; ', m."city", m."country", m."organisers", m."participants")), 'D')
      FROM "Meeting" m WHERE m."id" = meeting_id), ''::tsvector)
    || coalesce((
      SELECT setweight(to_tsvector('english_unaccent', p."title"), 'B')
        || setweight(to_tsvector('english_unaccent', concat_ws(' ; ', p."authors", p."issuingBody")), 'D')
      FROM "Publication" p WHERE p."id" = publication_id), ''::tsvector)
$$;

-- On the item itself: computed on insert, and recomputed whenever its meeting or publication link
-- changes or anyone writes "searchRelated" (whatever is written, the database's own value wins).
CREATE FUNCTION "Item_search_related"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchRelated" := "item_related_search"(NEW."id", NEW."meetingId", NEW."publicationId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Item_search_related_insert" BEFORE INSERT ON "Item"
    FOR EACH ROW EXECUTE FUNCTION "Item_search_related"();
CREATE TRIGGER "Item_search_related_update" BEFORE UPDATE OF "meetingId", "publicationId", "searchRelated" ON "Item"
    FOR EACH ROW EXECUTE FUNCTION "Item_search_related"();

-- Sources and tag links: once per statement (saving an item replaces all its sources and tags in
-- two statements), for the items those rows belong to. Writing "searchRelated" fires the trigger above.
CREATE FUNCTION "refresh_item_search_from_rows"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Item" SET "searchRelated" = NULL WHERE "id" IN (SELECT "itemId" FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "Item" SET "searchRelated" = NULL
    WHERE "id" IN (SELECT "itemId" FROM new_rows UNION SELECT "itemId" FROM old_rows);
  ELSE
    UPDATE "Item" SET "searchRelated" = NULL WHERE "id" IN (SELECT "itemId" FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_rows"();
CREATE TRIGGER "Source_search_update" AFTER UPDATE ON "Source" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_rows"();
CREATE TRIGGER "Source_search_delete" AFTER DELETE ON "Source" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_rows"();
CREATE TRIGGER "ItemTag_search_insert" AFTER INSERT ON "ItemTag" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_rows"();
CREATE TRIGGER "ItemTag_search_update" AFTER UPDATE ON "ItemTag" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_rows"();
CREATE TRIGGER "ItemTag_search_delete" AFTER DELETE ON "ItemTag" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_rows"();

-- A renamed tag, or a corrected meeting or publication: the items that use it. (Deleting a tag
-- cascades to "ItemTag", whose trigger covers it; meetings and publications in use cannot be deleted.)
CREATE FUNCTION "refresh_item_search_from_tag"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Item" SET "searchRelated" = NULL
  WHERE "id" IN (
    SELECT it."itemId" FROM "ItemTag" it
    JOIN new_rows n ON n."id" = it."tagId" JOIN old_rows o ON o."id" = n."id"
    WHERE n."name" IS DISTINCT FROM o."name");
  RETURN NULL;
END
$$;

CREATE FUNCTION "refresh_item_search_from_meeting"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Item" SET "searchRelated" = NULL
  WHERE "meetingId" IN (
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."name", n."city", n."country", n."organisers", n."participants")
      IS DISTINCT FROM (o."name", o."city", o."country", o."organisers", o."participants"));
  RETURN NULL;
END
$$;

CREATE FUNCTION "refresh_item_search_from_publication"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Item" SET "searchRelated" = NULL
  WHERE "publicationId" IN (
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."title", n."authors", n."issuingBody") IS DISTINCT FROM (o."title", o."authors", o."issuingBody"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Tag_search_update" AFTER UPDATE ON "Tag" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_tag"();
CREATE TRIGGER "Meeting_search_update" AFTER UPDATE ON "Meeting" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_meeting"();
CREATE TRIGGER "Publication_search_update" AFTER UPDATE ON "Publication" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "refresh_item_search_from_publication"();

-- The searchable vector itself. STORED: PostgreSQL 18 would otherwise make it virtual, and a virtual
-- column cannot be indexed.
ALTER TABLE "Item" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english_unaccent'::regconfig, coalesce("title", '')), 'A')
    || setweight(to_tsvector('english_unaccent'::regconfig, coalesce("standfirst", '')), 'B')
    || setweight(to_tsvector('english_unaccent'::regconfig, coalesce("bodyText", '')), 'C')
    || coalesce("searchRelated", ''::tsvector)
) STORED;

-- Items that exist already.
UPDATE "Item" SET "searchRelated" = NULL;

-- CreateIndex
CREATE INDEX "Item_search_idx" ON "Item" USING GIN ("search");
