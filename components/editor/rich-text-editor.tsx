'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { richTextExtensions } from '@/lib/rich-text/extensions';
import { emptyDoc, toPlainText, type RichTextDoc } from '@/lib/rich-text/document';
import { normaliseLinkInput } from '@/lib/rich-text/link-input';
import { cleanPastedHtml } from '@/lib/rich-text/paste';
import { countWords } from '@/lib/rich-text/word-count';
import { CommentHighlights, commentHighlightsKey, type CommentHighlight } from './comment-highlights';
import { nextToolbarIndex, shortcutLabel } from './toolbar-keys';
import './rich-text-editor.css';

export type RichTextEditorProps = {
  /** The starting document. The editor is uncontrolled afterwards: remount (change `key`) to reset it. */
  initialContent: RichTextDoc | null;
  /** Every change, as the JSON document the server validates, with its word count. */
  onChange: (doc: RichTextDoc, info: { words: number }) => void;
  /** The accessible name of the text area (e.g. "Text"); use labelledBy to point at a visible label instead. */
  label: string;
  labelledBy?: string;
  /** Id of the field's error message, when there is one. */
  errorId?: string;
  readOnly?: boolean;
  /** Passages quoted by open review comments: marked in the text (never saved with it). */
  highlights?: CommentHighlight[];
};

type ToolbarState = {
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  bold: boolean;
  italic: boolean;
  link: boolean;
  linkHref: string;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  canUndo: boolean;
  canRedo: boolean;
  words: number;
};

type Button = {
  id: string;
  label: string;
  text: string;
  shortcut?: string;
  /** Toggle buttons say whether they are on (aria-pressed); commands (undo, rule) do not. */
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
  separatorAfter?: boolean;
};

const NO_HIGHLIGHTS: CommentHighlight[] = [];

const isMac = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The item body editor: tiptap with the one extension list (lib/rich-text/extensions.ts), a keyboard
 * operable toolbar (role="toolbar", roving tabindex, aria-pressed), a link field that accepts only
 * http, https and mailto, tidy pasting from word processors, and a word count. tiptap's own keyboard
 * shortcuts apply; Mod-K opens the link field. The server validates whatever this sends.
 */
export function RichTextEditor({
  initialContent,
  onChange,
  label,
  labelledBy,
  errorId,
  readOnly = false,
  highlights = NO_HIGHLIGHTS,
}: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const [linkOpen, setLinkOpen] = useState(false);

  // Once: the editor compares its extensions by identity on every render.
  const [extensions] = useState(() => [...richTextExtensions, CommentHighlights.configure({ initial: highlights })]);
  const editor = useEditor({
    extensions,
    content: initialContent ?? emptyDoc(),
    // Rendered on the server first: create the editor in the browser only (no hydration mismatch).
    immediatelyRender: false,
    editable: !readOnly,
    editorProps: {
      attributes: {
        class: 'rte-content',
        ...(labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': label }),
        ...(errorId ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {}),
        ...(readOnly ? { 'aria-readonly': 'true' } : {}),
      },
      transformPastedHTML: (html) => cleanPastedHtml(html),
      handleKeyDown: (view, event) => {
        if (view.editable && (event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          // Next task: a selection change still queued (Shift+Arrow just before) reaches the editor
          // before the link field takes focus away from it.
          setTimeout(() => setLinkOpen(true), 0);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => {
      onChangeRef.current(e.getJSON() as RichTextDoc, { words: wordsIn(e) });
    },
  });

  // New comment highlights reach the editor as a transaction that changes nothing else: no history
  // entry, no trailing paragraph appended (TrailingNode reacts to any transaction), no update event.
  const sentHighlights = useRef(highlights);
  useEffect(() => {
    if (!editor || editor.isDestroyed || sentHighlights.current === highlights) return;
    sentHighlights.current = highlights;
    editor.view.dispatch(
      editor.state.tr
        .setMeta(commentHighlightsKey, highlights)
        .setMeta('addToHistory', false)
        .setMeta('skipTrailingNode', true)
        .setMeta('preventUpdate', true),
    );
  }, [editor, highlights]);

  useEffect(() => {
    // Without emitting an update: switching to read-only is not a change of the text.
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  const live = useEditorState({
    editor,
    selector: ({ editor: e }): ToolbarState | null => (e ? toolbarStateOf(e) : null),
  });
  // useEditorState answers null until the editor's first transaction; the editor may already exist (it is
  // created after the first render, immediatelyRender: false): read it directly, so the toolbar and the
  // count are right before anyone clicks into the text.
  const state: ToolbarState = live ?? (editor ? toolbarStateOf(editor) : initialToolbarState(initialContent));
  // Until the editor exists (server render, hydration), the buttons are drawn but do nothing.
  const ready = editor !== null;

  const chain = () => editor!.chain().focus();
  const buttons: Button[] = [
    {
      id: 'paragraph',
      label: 'Paragraph',
      text: '¶',
      shortcut: 'Mod-Alt-0',
      pressed: state.paragraph,
      run: () => chain().setParagraph().run(),
    },
    {
      id: 'h2',
      label: 'Heading',
      text: 'H2',
      shortcut: 'Mod-Alt-2',
      pressed: state.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      id: 'h3',
      label: 'Subheading',
      text: 'H3',
      shortcut: 'Mod-Alt-3',
      pressed: state.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
      separatorAfter: true,
    },
    {
      id: 'bold',
      label: 'Bold',
      text: 'B',
      shortcut: 'Mod-b',
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
    },
    {
      id: 'italic',
      label: 'Italic',
      text: 'I',
      shortcut: 'Mod-i',
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
    },
    {
      id: 'link',
      label: state.link ? 'Edit link' : 'Add link',
      text: 'Link',
      shortcut: 'Mod-k',
      pressed: state.link,
      run: () => setLinkOpen(true),
      separatorAfter: true,
    },
    {
      id: 'bulletList',
      label: 'Bulleted list',
      text: '• List',
      shortcut: 'Mod-Shift-8',
      pressed: state.bulletList,
      run: () => chain().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: 'Numbered list',
      text: '1. List',
      shortcut: 'Mod-Shift-7',
      pressed: state.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      id: 'blockquote',
      label: 'Block quote',
      text: '“ ”',
      shortcut: 'Mod-Shift-b',
      pressed: state.blockquote,
      run: () => chain().toggleBlockquote().run(),
    },
    {
      id: 'rule',
      label: 'Horizontal rule',
      text: '—',
      run: () => chain().setHorizontalRule().run(),
      separatorAfter: true,
    },
    {
      id: 'undo',
      label: 'Undo',
      text: '↶',
      shortcut: 'Mod-z',
      disabled: !state.canUndo,
      run: () => chain().undo().run(),
    },
    {
      id: 'redo',
      label: 'Redo',
      text: '↷',
      shortcut: 'Mod-Shift-z',
      disabled: !state.canRedo,
      run: () => chain().redo().run(),
    },
  ];

  // Roving tabindex: only the last-used button is in the tab order.
  const [active, setActive] = useState(0);
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const onToolbarKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const next = nextToolbarIndex(active, event.key, buttons.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    buttonRefs.current[next]?.focus();
  };

  const mac = isMac();

  return (
    <div className="rte" data-readonly={readOnly || undefined}>
      {!readOnly && (
        <div role="toolbar" aria-label={`Formatting: ${label}`} className="rte-toolbar" onKeyDown={onToolbarKeyDown}>
          {buttons.map((b, i) => {
            const keys = b.shortcut ? shortcutLabel(b.shortcut, mac) : null;
            return (
              <span key={b.id} className="rte-button-wrap">
                <button
                  ref={(el) => {
                    buttonRefs.current[i] = el;
                  }}
                  type="button"
                  className="rte-button"
                  tabIndex={i === active ? 0 : -1}
                  aria-label={b.label}
                  aria-pressed={b.pressed === undefined ? undefined : b.pressed}
                  // Disabled buttons stay focusable so arrow keys do not skip over them silently.
                  aria-disabled={b.disabled || !ready || undefined}
                  aria-keyshortcuts={keys?.aria}
                  title={keys ? `${b.label} (${keys.title})` : b.label}
                  onFocus={() => setActive(i)}
                  onMouseDown={(e) => e.preventDefault() /* keep the text selection */}
                  onClick={() => {
                    if (ready && !b.disabled) b.run();
                  }}
                >
                  <span aria-hidden="true">{b.text}</span>
                </button>
                {b.separatorAfter && <span className="rte-separator" aria-hidden="true" />}
              </span>
            );
          })}
        </div>
      )}
      {editor && linkOpen && (
        <LinkField
          initialHref={state.linkHref}
          editing={state.link}
          onApply={(href) => {
            const { from, to } = editor.state.selection;
            // Nothing to link (no text selected, not inside a link): insert the address as linked text.
            if (editor.state.doc.textBetween(from, to, '') === '' && !editor.isActive('link')) {
              editor
                .chain()
                .focus()
                .insertContent({
                  type: 'text',
                  text: href.replace(/^mailto:/, ''),
                  marks: [{ type: 'link', attrs: { href } }],
                })
                .run();
            } else {
              editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
            }
            setLinkOpen(false);
          }}
          onRemove={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            setLinkOpen(false);
          }}
          onCancel={() => {
            setLinkOpen(false);
            editor.commands.focus();
          }}
        />
      )}
      <EditorContent editor={editor} className="rte-surface" />
      <p className="rte-count" data-testid="word-count">
        {`${state.words} ${state.words === 1 ? 'word' : 'words'}`}
      </p>
    </div>
  );
}

function toolbarStateOf(e: Editor): ToolbarState {
  return {
    paragraph: e.isActive('paragraph') && !e.isActive('listItem') && !e.isActive('blockquote'),
    h2: e.isActive('heading', { level: 2 }),
    h3: e.isActive('heading', { level: 3 }),
    bold: e.isActive('bold'),
    italic: e.isActive('italic'),
    link: e.isActive('link'),
    linkHref: String(e.getAttributes('link').href ?? ''),
    bulletList: e.isActive('bulletList'),
    orderedList: e.isActive('orderedList'),
    blockquote: e.isActive('blockquote'),
    canUndo: e.can().undo(),
    canRedo: e.can().redo(),
    words: wordsIn(e),
  };
}

/** Before the editor exists: nothing pressed, nothing to undo, the stored text's word count. */
function initialToolbarState(doc: RichTextDoc | null): ToolbarState {
  return {
    paragraph: true,
    h2: false,
    h3: false,
    bold: false,
    italic: false,
    link: false,
    linkHref: '',
    bulletList: false,
    orderedList: false,
    blockquote: false,
    canUndo: false,
    canRedo: false,
    words: doc ? countWords(toPlainText(doc)) : 0,
  };
}

function wordsIn(editor: Editor): number {
  const { doc } = editor.state;
  return countWords(doc.textBetween(0, doc.content.size, '\n', '\n'));
}

/** A small, non-modal dialog for a link's address: Enter applies, Escape cancels. */
function LinkField({
  initialHref,
  editing,
  onApply,
  onRemove,
  onCancel,
}: {
  initialHref: string;
  editing: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const apply = () => {
    const result = normaliseLinkInput(value);
    if (!result.ok) {
      setError(result.message);
      inputRef.current?.focus();
      return;
    }
    onApply(result.href);
  };

  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="rte-link"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={titleId} className="rte-link-title">
        {editing ? 'Edit link' : 'Add link'}
      </p>
      <label htmlFor={inputId}>Address</label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(e) => {
          setValue(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
      />
      <p id={hintId} className="rte-hint">
        A web address (https://…) or an e-mail address.
      </p>
      {error && (
        <p id={errorId} className="rte-error" role="alert">
          {error}
        </p>
      )}
      <div className="rte-link-actions">
        <button type="button" onClick={apply}>
          {editing ? 'Update link' : 'Add link'}
        </button>
        {editing && (
          <button type="button" onClick={onRemove}>
            Remove link
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
