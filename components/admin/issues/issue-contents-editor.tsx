'use client';

import { useEffect, useLayoutEffect, useOptimistic, useRef, useState, useTransition, type DragEvent } from 'react';
import Link from 'next/link';
import {
  moveItemAction,
  moveSectionAction,
  moveToSectionAction,
  removeItemFromIssueAction,
  reorderItemsAction,
} from '@/app/admin/issues/actions';
import type { ActionResult } from '@/lib/actions/action';
import { acceptsKindLabel } from '@/lib/format/issue-desk';
import { itemKindLabel } from '@/lib/format/labels';
import { adminHref } from '@/lib/issues/hrefs';
import {
  accepts,
  applyOrderChange,
  dropInList,
  stepInList,
  type DeskItemDto,
  type DeskSectionDto,
  type OrderChange,
} from '@/lib/issues/desk-order';
import { itemStateLabel } from '@/lib/workflow/states';
import { AddItemPicker } from './add-item-picker';
import { AddSectionForm, ItemMoreActions, MoveButton, SectionSettings } from './contents-parts';

export type { DeskItemDto, DeskSectionDto };

type Props = { issueId: string; published: boolean; sections: DeskSectionDto[] };
type Drag = { itemId: string; fromSectionId: string; kind: DeskItemDto['kind']; title: string };
type DropAt = { sectionId: string; index: number };

const moveButtonId = (itemId: string, direction: 'up' | 'down') => `move-${direction}-${itemId}`;
const sectionMoveButtonId = (sectionId: string, direction: 'up' | 'down') => `section-move-${direction}-${sectionId}`;
const sectionHeadingId = (sectionId: string) => `section-${sectionId}-heading`;

/**
 * Sections and their items, in order. Every move is shown at once (useOptimistic) and saved at once
 * through a server action; the server's order comes back with the refreshed page and replaces the
 * guess. Until the server has saved it, a move is pending: the status line says so, leaving the page
 * asks first (beforeunload), and the live region says "saved" only once it is. A move that failed
 * (refused, or the server unreachable) can be tried again with one button. Keyboard: "Move up" / "Move down" on every item and section; the focus stays on the button
 * pressed even though its row moved, and a live region says where the item went. Mouse: native
 * HTML5 drag and drop, within a section or into another one.
 */
export function IssueContentsEditor({ issueId, published, sections }: Props) {
  const [view, showChange] = useOptimistic(sections, applyOrderChange);
  const [, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const pendingRef = useRef(0);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pendingRef.current === 0) return;
      event.preventDefault();
      event.returnValue = 'A move is still being saved.';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [dropAt, setDropAt] = useState<DropAt | null>(null);
  // The element that should keep the focus while rows move under it (React re-inserts moved rows, which blurs them).
  const focusIntent = useRef<string | null>(null);

  useLayoutEffect(() => {
    const id = focusIntent.current;
    if (!id) return;
    const target = document.getElementById(id);
    const active = document.activeElement;
    if (target && active !== target && (active === null || active === document.body)) target.focus();
  });

  const say = (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));

  /**
   * Shows the change now and runs the action; `done` is announced once the server has saved it. A
   * refusal or a network failure is reported with a way to try again (the refreshed page shows the truth).
   */
  function save(change: OrderChange, run: () => Promise<ActionResult>, failurePrefix: string, done: string) {
    const attempt = () => {
      pendingRef.current += 1;
      setPending(pendingRef.current);
      setRetry(null);
      setProblem(null);
      startTransition(async () => {
        showChange(change);
        let result: { ok: true; message?: string } | { ok: false; message: string };
        try {
          result = await run();
        } catch {
          result = { ok: false, message: 'the server could not be reached' };
        } finally {
          pendingRef.current -= 1;
          setPending(pendingRef.current);
        }
        if (!result.ok) {
          setProblem(`${failurePrefix}: ${result.message}`);
          setRetry(() => attempt);
          say(`${failurePrefix}: ${result.message}`);
        } else {
          say(result.message && change.type === 'moveTo' ? `${done} ${result.message}` : `${done} Saved.`);
        }
      });
    };
    attempt();
  }

  function moveItem(section: DeskSectionDto, item: DeskItemDto, direction: 'up' | 'down') {
    focusIntent.current = moveButtonId(item.id, direction);
    const ids = section.items.map((i) => i.id);
    const next = stepInList(ids, item.id, direction);
    if (!next) {
      say(`“${item.title}” is already ${direction === 'up' ? 'first' : 'last'} in ${section.title}.`);
      return;
    }
    save(
      { type: 'items', sectionId: section.id, ids: next },
      () => moveItemAction(null, { itemId: item.id, direction }),
      `“${item.title}” was not moved`,
      `“${item.title}” moved ${direction} to position ${next.indexOf(item.id) + 1} of ${next.length} in ${section.title}.`,
    );
  }

  function moveSection(section: DeskSectionDto, direction: 'up' | 'down') {
    focusIntent.current = sectionMoveButtonId(section.id, direction);
    const next = stepInList(
      view.map((s) => s.id),
      section.id,
      direction,
    );
    if (!next) {
      say(`The section ${section.title} is already ${direction === 'up' ? 'first' : 'last'}.`);
      return;
    }
    save(
      { type: 'sections', ids: next },
      () => moveSectionAction(null, { sectionId: section.id, direction }),
      `The section ${section.title} was not moved`,
      `The section ${section.title} moved ${direction} to position ${next.indexOf(section.id) + 1} of ${next.length}.`,
    );
  }

  function moveToSection(item: DeskItemDto, from: DeskSectionDto, to: DeskSectionDto, index?: number) {
    if (!accepts(to, item.kind)) {
      say(
        `${to.title} accepts only ${acceptsKindLabel(to.acceptsKind).replace(' only', '').toLowerCase()}: “${item.title}” stays in ${from.title}.`,
      );
      return;
    }
    const ids = dropInList(
      to.items.map((i) => i.id),
      item.id,
      index ?? to.items.length,
    );
    save(
      { type: 'moveTo', itemId: item.id, sectionId: to.id, ids },
      () => moveToSectionAction(null, { itemId: item.id, sectionId: to.id, ids }),
      `“${item.title}” was not moved`,
      `“${item.title}” moved to ${to.title}, position ${ids.indexOf(item.id) + 1} of ${ids.length}.`,
    );
  }

  function removeItem(section: DeskSectionDto, item: DeskItemDto) {
    focusIntent.current = sectionHeadingId(section.id);
    save(
      { type: 'remove', itemId: item.id },
      () => removeItemFromIssueAction(null, { itemId: item.id }),
      `“${item.title}” was not removed`,
      `“${item.title}” removed from the issue.`,
    );
  }

  // Drag and drop (mouse): only our own rows, only into sections that accept the item's kind.
  function dragOverRow(e: DragEvent, section: DeskSectionDto, index: number) {
    if (!drag || !accepts(section, drag.kind)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    const rect = e.currentTarget.getBoundingClientRect();
    const at = e.clientY < rect.top + rect.height / 2 ? index : index + 1;
    setDropAt((prev) =>
      prev?.sectionId === section.id && prev.index === at ? prev : { sectionId: section.id, index: at },
    );
  }
  function dragOverList(e: DragEvent, section: DeskSectionDto) {
    if (!drag || !accepts(section, drag.kind)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (e.target === e.currentTarget)
      setDropAt((prev) =>
        prev?.sectionId === section.id && prev.index === section.items.length
          ? prev
          : { sectionId: section.id, index: section.items.length },
      );
  }
  function drop(e: DragEvent, section: DeskSectionDto) {
    e.preventDefault();
    const target = dropAt?.sectionId === section.id ? dropAt : { sectionId: section.id, index: section.items.length };
    const current = drag;
    setDrag(null);
    setDropAt(null);
    if (!current) return;
    const from = view.find((s) => s.id === current.fromSectionId);
    const item = from?.items.find((i) => i.id === current.itemId);
    if (!from || !item) return;
    if (from.id !== section.id) {
      moveToSection(item, from, section, target.index);
      return;
    }
    const ids = section.items.map((i) => i.id);
    const next = dropInList(ids, item.id, target.index);
    if (next.every((id, i) => ids[i] === id)) return;
    save(
      { type: 'items', sectionId: section.id, ids: next },
      () => reorderItemsAction(null, { sectionId: section.id, ids: next }),
      `“${item.title}” was not moved`,
      `“${item.title}” moved to position ${next.indexOf(item.id) + 1} of ${next.length} in ${section.title}.`,
    );
  }

  return (
    <div className="desk-contents">
      <p
        className="visually-hidden"
        role="status"
        aria-live="polite"
        id="order-announcer"
        data-testid="order-announcer"
      >
        {announcement}
      </p>
      <p className="desk-order-status muted" data-testid="order-save-status" aria-hidden={pending === 0 || undefined}>
        {pending > 0 ? (pending === 1 ? 'Saving the move…' : `Saving ${pending} moves…`) : '\u00a0'}
      </p>
      {problem && (
        <div className="form-message form-message--error" role="alert">
          <p>{problem}</p>
          {retry && (
            <button type="button" className="button button--small" onClick={() => retry()}>
              Try again
            </button>
          )}
        </div>
      )}
      {view.length === 0 && <p className="muted">This issue has no sections. Add one below.</p>}
      <ol className="desk-sections" aria-busy={pending > 0 || undefined}>
        {view.map((section, sectionIndex) => {
          const dropping = dropAt?.sectionId === section.id;
          return (
            <li
              key={section.id}
              className="desk-section"
              id={`section-${section.id}`}
              data-section-title={section.title}
            >
              <div className="desk-section__head">
                <h3 id={sectionHeadingId(section.id)} tabIndex={-1}>
                  <span className="desk-section__pos">{sectionIndex + 1}.</span> {section.title}
                </h3>
                <span className="muted">
                  {acceptsKindLabel(section.acceptsKind)} ·{' '}
                  {section.items.length === 1 ? '1 item' : `${section.items.length} items`}
                </span>
                <div className="row-actions desk-section__moves">
                  <MoveButton
                    id={sectionMoveButtonId(section.id, 'up')}
                    label={`Move section up: ${section.title}`}
                    atEdge={sectionIndex === 0}
                    onMove={() => moveSection(section, 'up')}
                  >
                    Move up
                  </MoveButton>
                  <MoveButton
                    id={sectionMoveButtonId(section.id, 'down')}
                    label={`Move section down: ${section.title}`}
                    atEdge={sectionIndex === view.length - 1}
                    onMove={() => moveSection(section, 'down')}
                  >
                    Move down
                  </MoveButton>
                </div>
              </div>
              <SectionSettings section={section} published={published} />

              <ol
                className={`desk-items${dropping && dropAt.index === section.items.length ? ' desk-items--drop-end' : ''}`}
                aria-label={`Items in ${section.title}`}
                onDragOver={(e) => dragOverList(e, section)}
                onDragLeave={(e) => {
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null))
                    setDropAt((prev) => (prev?.sectionId === section.id ? null : prev));
                }}
                onDrop={(e) => drop(e, section)}
              >
                {section.items.length === 0 && (
                  <li className="desk-items__empty" onDragOver={(e) => dragOverRow(e, section, 0)}>
                    No items yet{published ? '.' : ': add one below, or drag one here.'}
                  </li>
                )}
                {section.items.map((item, index) => (
                  <li
                    key={item.id}
                    className={`desk-item${dropping && dropAt.index === index ? ' desk-item--drop-before' : ''}${drag?.itemId === item.id ? ' desk-item--dragging' : ''}`}
                    data-item-id={item.id}
                    data-item-title={item.title}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', item.id);
                      setDrag({ itemId: item.id, fromSectionId: section.id, kind: item.kind, title: item.title });
                    }}
                    onDragEnd={() => {
                      setDrag(null);
                      setDropAt(null);
                    }}
                    onDragOver={(e) => dragOverRow(e, section, index)}
                  >
                    <span className="desk-item__handle" aria-hidden="true" title="Drag to reorder">
                      ⠿
                    </span>
                    <span className="desk-item__pos">{index + 1}.</span>
                    <span className="desk-item__main">
                      <Link href={adminHref.item(item.id)} draggable={false} className="desk-item__title">
                        {item.title}
                      </Link>
                      <span className="desk-item__meta">
                        {itemKindLabel[item.kind]} · {item.authorName}
                        {!accepts(section, item.kind) && (
                          <strong className="desk-item__wrong"> · wrong kind for this section</strong>
                        )}
                      </span>
                    </span>
                    <span className={`badge badge--state-${item.state.toLowerCase().replace('_', '-')}`}>
                      {itemStateLabel[item.state]}
                    </span>
                    <span className="row-actions desk-item__actions">
                      <MoveButton
                        id={moveButtonId(item.id, 'up')}
                        label={`Move up: ${item.title}`}
                        atEdge={index === 0}
                        onMove={() => moveItem(section, item, 'up')}
                      >
                        Move up
                      </MoveButton>
                      <MoveButton
                        id={moveButtonId(item.id, 'down')}
                        label={`Move down: ${item.title}`}
                        atEdge={index === section.items.length - 1}
                        onMove={() => moveItem(section, item, 'down')}
                      >
                        Move down
                      </MoveButton>
                      {!published && (
                        <ItemMoreActions
                          item={item}
                          section={section}
                          others={view.filter((s) => s.id !== section.id && accepts(s, item.kind))}
                          onMoveTo={(to) => moveToSection(item, section, to)}
                          onRemove={() => removeItem(section, item)}
                        />
                      )}
                    </span>
                  </li>
                ))}
              </ol>
              {!published && <AddItemPicker section={section} onPlaced={say} />}
            </li>
          );
        })}
      </ol>
      <AddSectionForm issueId={issueId} />
    </div>
  );
}
