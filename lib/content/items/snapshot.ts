import { z } from 'zod';
import { TagKind } from '@/generated/prisma/enums';
import { emptyDoc, parseRichText, type RichTextDoc } from '@/lib/rich-text/document';

/**
 * An item's editable fields as one value: what a revision stores, what the edit form starts from,
 * and what a conflict shows. The kind is not here: it is fixed when the item is created.
 * Labels of linked records are kept so history still reads well after a meeting is renamed.
 */
export type ItemSnapshot = {
  title: string;
  slug: string;
  standfirst: string;
  body: RichTextDoc;
  tags: { kind: TagKind; name: string }[];
  sources: { name: string; url: string | null; date: string | null }[];
  meetingId: string | null;
  publicationId: string | null;
  meetingLabel: string | null;
  publicationLabel: string | null;
};

// Reading is lenient (older or hand-made rows still display); the body is validated again.
const storedSnapshotSchema = z.object({
  title: z.string().catch(''),
  slug: z.string().catch(''),
  standfirst: z.string().catch(''),
  body: z.unknown(),
  tags: z.array(z.object({ kind: z.enum(TagKind), name: z.string() })).catch([]),
  sources: z
    .array(
      z.object({ name: z.string(), url: z.string().nullable().catch(null), date: z.string().nullable().catch(null) }),
    )
    .catch([]),
  meetingId: z.string().nullable().catch(null),
  publicationId: z.string().nullable().catch(null),
  meetingLabel: z.string().nullable().catch(null),
  publicationLabel: z.string().nullable().catch(null),
});

/** A stored snapshot (Revision.snapshot) as a typed value; unsafe rich text becomes an empty body. */
export function readSnapshot(json: unknown): ItemSnapshot {
  const parsed = storedSnapshotSchema.safeParse(json ?? {});
  const s = parsed.success
    ? parsed.data
    : {
        title: '',
        slug: '',
        standfirst: '',
        body: null,
        tags: [],
        sources: [],
        meetingId: null,
        publicationId: null,
        meetingLabel: null,
        publicationLabel: null,
      };
  const body = parseRichText(s.body);
  return { ...s, body: body.ok ? body.doc : emptyDoc() };
}

/** The form's values from a snapshot: what updateItem and the item schema take. */
export function formValuesFromSnapshot(kind: string, s: ItemSnapshot) {
  return {
    kind,
    title: s.title,
    slug: s.slug,
    standfirst: s.standfirst,
    body: s.body,
    tags: s.tags,
    sources: s.sources,
    meetingId: s.meetingId,
    publicationId: s.publicationId,
  };
}
