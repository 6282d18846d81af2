'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import { placeItemAction } from '@/app/admin/issues/actions';
import { itemKindLabel } from '@/lib/format/labels';
import type { DeskSectionDto, PlaceableItemDto } from '@/lib/issues/desk-order';
import { itemStateLabel } from '@/lib/workflow/states';

type Results = { items: PlaceableItemDto[] } | { error: string };

/**
 * "Add an item" for one section: searches items in no issue yet (of the kind the section accepts) and
 * places the chosen one at the end of the section. Unapproved items may be placed; they block
 * publishing until approved, and the readiness panel says so.
 */
export function AddItemPicker({
  section,
  onPlaced,
}: {
  section: Pick<DeskSectionDto, 'id' | 'title' | 'acceptsKind'>;
  onPlaced: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [searched, setSearched] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [placing, startPlacing] = useTransition();
  const inputId = useId();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q: query });
      if (section.acceptsKind) params.set('kind', section.acceptsKind);
      try {
        const response = await fetch(`/admin/issues/placeable-items?${params}`, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
          cache: 'no-store',
        });
        const body = (await response.json().catch(() => null)) as { items?: PlaceableItemDto[]; error?: string } | null;
        setResults(
          response.ok && body?.items
            ? { items: body.items }
            : { error: body?.error ?? 'The search did not answer. Try again.' },
        );
      } catch (e) {
        if (!controller.signal.aborted) setResults({ error: 'The search did not answer. Try again.' });
        void e;
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, section.acceptsKind, searched]);

  function place(item: PlaceableItemDto) {
    startPlacing(async () => {
      const result = await placeItemAction(null, { itemId: item.id, sectionId: section.id });
      if (result.ok) {
        const text = `“${item.title}” placed at the end of ${section.title}.`;
        setMessage({ ok: true, text });
        onPlaced(text);
        setResults((r) => (r && 'items' in r ? { items: r.items.filter((i) => i.id !== item.id) } : r));
      } else {
        setMessage({
          ok: false,
          text: result.fieldErrors.sectionId?.[0] ?? result.fieldErrors.slug?.[0] ?? result.message,
        });
        setSearched((n) => n + 1);
      }
    });
  }

  return (
    <details className="add-item" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={`Add an item to ${section.title}`}>Add an item</summary>
      <div className="add-item__body">
        <div className="field">
          <label htmlFor={inputId}>
            Search items not yet in an issue
            {section.acceptsKind ? ` (${itemKindLabel[section.acceptsKind].toLowerCase()}s)` : ''}
          </label>
          <input
            id={inputId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            placeholder="Title contains…"
          />
        </div>
        {message && (
          <p className={`row-message ${message.ok ? 'row-message--ok' : 'row-message--error'}`} role="status">
            {message.text}
          </p>
        )}
        {results === null ? (
          <p className="muted">Searching…</p>
        ) : 'error' in results ? (
          <p className="row-message row-message--error">{results.error}</p>
        ) : results.items.length === 0 ? (
          <p className="muted">No items found{query ? ` for “${query}”` : ''}.</p>
        ) : (
          <ul className="add-item__results" aria-label={`Items to add to ${section.title}`}>
            {results.items.map((item) => (
              <li key={item.id}>
                <span>
                  {item.title}
                  <span className="desk-item__meta">
                    {itemKindLabel[item.kind]} · {itemStateLabel[item.state]} · {item.authorName}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={placing}
                  aria-label={`Place in ${section.title}: ${item.title}`}
                  onClick={() => place(item)}
                >
                  Place
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
