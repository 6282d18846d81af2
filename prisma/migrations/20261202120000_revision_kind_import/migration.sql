-- AlterEnum: the first revision of an item brought in by the bulletin importer.
ALTER TYPE "RevisionKind" ADD VALUE 'IMPORT';
