import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { normaliseForQuote } from '@/lib/validation/comment';

/** A passage an open review comment quotes (its stored anchor is the quoted text). */
export type CommentHighlight = { id: string; quote: string };

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');

/**
 * Where each quote sits in the document: every occurrence inside one text block, matched with the same
 * whitespace folding the server used when it checked the quote against the saved text.
 */
export function findQuotes(doc: PmNode, highlights: CommentHighlight[]): { id: string; from: number; to: number }[] {
  const found: { id: string; from: number; to: number }[] = [];
  const wanted = highlights
    .map((h) => ({ id: h.id, text: normaliseForQuote(h.quote) }))
    .filter((h) => h.text.length > 0);
  if (wanted.length === 0) return found;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // The block's text with runs of whitespace folded to one space, and the document position of each character.
    let text = '';
    const at: number[] = [];
    node.forEach((child, offset) => {
      if (!child.isText) return;
      const start = pos + 1 + offset;
      for (let i = 0; i < child.text!.length; i++) {
        const ch = /\s/.test(child.text![i]!) ? ' ' : child.text![i]!;
        if (ch === ' ' && text.endsWith(' ')) continue;
        text += ch;
        at.push(start + i);
      }
    });
    for (const w of wanted) {
      let from = text.indexOf(w.text);
      while (from >= 0) {
        found.push({ id: w.id, from: at[from]!, to: at[from + w.text.length - 1]! + 1 });
        from = text.indexOf(w.text, from + w.text.length);
      }
    }
    return false;
  });
  return found;
}

function decorate(doc: PmNode, highlights: CommentHighlight[]): DecorationSet {
  return DecorationSet.create(
    doc,
    findQuotes(doc, highlights).map(({ id, from, to }) =>
      Decoration.inline(from, to, { class: 'rte-commented', 'data-comment-id': id, title: 'Commented passage' }),
    ),
  );
}

/**
 * Marks the passages open review comments quote, in the editor only: a decoration, not a mark, so it
 * is never part of the saved document (the server's schema and the public pages know nothing of it).
 * The list is handed in with a transaction meta (setCommentHighlights) whenever the comments change.
 */
export const CommentHighlights = Extension.create<{ initial: CommentHighlight[] }>({
  name: 'commentHighlights',
  addOptions: () => ({ initial: [] }),
  addProseMirrorPlugins() {
    const initial = this.options.initial;
    let current = initial;
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => decorate(state.doc, current),
          apply: (tr, set) => {
            const next = tr.getMeta(commentHighlightsKey) as CommentHighlight[] | undefined;
            if (next) {
              current = next;
              return decorate(tr.doc, current);
            }
            // Typing inside a passage may end the match: look again rather than only mapping positions.
            return tr.docChanged ? decorate(tr.doc, current) : set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => commentHighlightsKey.getState(state) },
      }),
    ];
  },
});
