import { z } from 'zod';
import { isAllowedHref } from './extensions';

/**
 * The stored shape of a rich-text body: a tiptap (ProseMirror) JSON document restricted to the nodes,
 * marks and attributes of lib/rich-text/extensions.ts. Anything else is refused, whatever the browser sent.
 */
export type RichTextMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };

export type RichTextNode =
  | { type: 'text'; text: string; marks?: RichTextMark[] }
  | { type: 'hardBreak' }
  | { type: 'horizontalRule' }
  | { type: 'paragraph'; content?: RichTextNode[] }
  | { type: 'heading'; attrs: { level: 2 | 3 }; content?: RichTextNode[] }
  | { type: 'blockquote'; content: RichTextNode[] }
  | { type: 'bulletList'; content: RichTextNode[] }
  | { type: 'orderedList'; attrs?: { start: number }; content: RichTextNode[] }
  | { type: 'listItem'; content: RichTextNode[] };

export type RichTextDoc = { type: 'doc'; content: RichTextNode[] };

const MAX_DEPTH = 12;
const MAX_TEXT = 200_000;

const markSchema: z.ZodType<RichTextMark> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }).strip(),
  z.object({ type: z.literal('italic') }).strip(),
  z
    .object({
      type: z.literal('link'),
      attrs: z
        .object({ href: z.string().refine(isAllowedHref, 'Links must start with http://, https:// or mailto:') })
        .strip(),
    })
    .strip(),
]);

const inline = ['text', 'hardBreak'] as const;
const block = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'horizontalRule'] as const;

/** Which children each node may hold. */
const allowedChildren: Record<string, readonly string[]> = {
  doc: block,
  paragraph: inline,
  heading: inline,
  blockquote: block,
  bulletList: ['listItem'],
  orderedList: ['listItem'],
  listItem: block,
};

export type RichTextProblem = { path: string; message: string };

/**
 * Validates and normalises a document. Unknown attributes are dropped; unknown nodes or marks,
 * unsafe links and wrong nesting are errors (the caller shows them next to the body field).
 */
export function parseRichText(
  input: unknown,
): { ok: true; doc: RichTextDoc } | { ok: false; problems: RichTextProblem[] } {
  const problems: RichTextProblem[] = [];
  let textLength = 0;

  function walk(node: unknown, parent: string, path: string, depth: number): RichTextNode | null {
    if (depth > MAX_DEPTH) {
      problems.push({ path, message: 'The text is nested too deeply.' });
      return null;
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push({ path, message: 'Not a rich-text node.' });
      return null;
    }
    const n = node as Record<string, unknown>;
    const type = n.type;
    if (typeof type !== 'string' || !(allowedChildren[parent] ?? []).includes(type)) {
      problems.push({ path, message: `"${String(type)}" is not allowed here.` });
      return null;
    }
    switch (type) {
      case 'text': {
        if (typeof n.text !== 'string' || n.text.length === 0) {
          problems.push({ path, message: 'Text nodes need text.' });
          return null;
        }
        textLength += n.text.length;
        const out: RichTextNode = { type: 'text', text: n.text };
        if (n.marks !== undefined) {
          const marks = z.array(markSchema).max(3).safeParse(n.marks);
          if (!marks.success) {
            for (const issue of marks.error.issues) problems.push({ path: `${path}.marks`, message: issue.message });
            return null;
          }
          if (marks.data.length > 0) out.marks = marks.data;
        }
        return out;
      }
      case 'hardBreak':
      case 'horizontalRule':
        return { type };
      case 'heading': {
        const level = (n.attrs as { level?: unknown } | undefined)?.level;
        if (level !== 2 && level !== 3) {
          problems.push({ path, message: 'Headings may be level 2 or 3.' });
          return null;
        }
        return { type, attrs: { level }, ...children(n, type, path, depth, false) };
      }
      case 'orderedList': {
        const start = (n.attrs as { start?: unknown } | undefined)?.start;
        const base = { type, ...children(n, type, path, depth, true) } as RichTextNode & { type: 'orderedList' };
        if (typeof start === 'number' && Number.isInteger(start) && start > 1 && start < 100_000)
          base.attrs = { start };
        return base;
      }
      case 'paragraph':
        return { type, ...children(n, type, path, depth, false) };
      case 'blockquote':
      case 'bulletList':
      case 'listItem':
        return { type, ...children(n, type, path, depth, true) } as RichTextNode;
      default:
        problems.push({ path, message: `"${type}" is not allowed.` });
        return null;
    }
  }

  function children(n: Record<string, unknown>, type: string, path: string, depth: number, required: boolean) {
    if (n.content === undefined) {
      if (required) problems.push({ path, message: `"${type}" cannot be empty.` });
      return required ? { content: [] as RichTextNode[] } : {};
    }
    if (!Array.isArray(n.content)) {
      problems.push({ path, message: 'Content must be a list.' });
      return {};
    }
    const content = n.content
      .map((c, i) => walk(c, type, `${path}.content[${i}]`, depth + 1))
      .filter((c): c is RichTextNode => c !== null);
    if (required && content.length === 0) problems.push({ path, message: `"${type}" cannot be empty.` });
    return content.length > 0 || required ? { content } : {};
  }

  if (typeof input !== 'object' || input === null || (input as { type?: unknown }).type !== 'doc') {
    return { ok: false, problems: [{ path: 'doc', message: 'The body is not a rich-text document.' }] };
  }
  const raw = (input as { content?: unknown }).content ?? [];
  if (!Array.isArray(raw)) return { ok: false, problems: [{ path: 'doc', message: 'Content must be a list.' }] };
  const content = raw
    .map((c, i) => walk(c, 'doc', `doc.content[${i}]`, 1))
    .filter((c): c is RichTextNode => c !== null);
  if (textLength > MAX_TEXT) problems.push({ path: 'doc', message: `The text is longer than ${MAX_TEXT} characters.` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, doc: { type: 'doc', content } };
}

/** An empty document, as the editor starts. */
export function emptyDoc(): RichTextDoc {
  return { type: 'doc', content: [] };
}

/** Builds a document from plain paragraphs (demo content, contributions). */
export function docFromParagraphs(paragraphs: string[]): RichTextDoc {
  return {
    type: 'doc',
    content: paragraphs
      .filter((p) => p.trim())
      .map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

/** Plain text of a document, blocks separated by blank lines: for search, summaries and word counts. */
export function toPlainText(doc: RichTextDoc): string {
  const blocks: string[] = [];
  const inlineText = (nodes: RichTextNode[] | undefined): string =>
    (nodes ?? []).map((n) => (n.type === 'text' ? n.text : n.type === 'hardBreak' ? '\n' : '')).join('');
  const visit = (nodes: RichTextNode[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph' || n.type === 'heading') blocks.push(inlineText(n.content));
      else if ('content' in n && Array.isArray(n.content)) visit(n.content);
    }
  };
  visit(doc.content);
  return blocks.filter((b) => b.trim()).join('\n\n');
}
