'use client';

import { useActionState, useState } from 'react';
import {
  addSectionAction,
  removeSectionAction,
  renameSectionAction,
  setSectionKindAction,
} from '@/app/admin/issues/actions';
import { acceptsKindOptions } from '@/lib/format/issue-desk';
import { type DeskItemDto, type DeskSectionDto } from '@/lib/issues/desk-order';
import { FormMessage, TextField } from '@/components/ui/fields';

/** The issue contents editor's smaller parts: move buttons, an item's other actions, a section's settings, a new section. */

/** Move buttons stay focusable at the ends of the list (aria-disabled), so the focus never drops to the page. */
export function MoveButton({
  id,
  label,
  atEdge,
  onMove,
  children,
}: {
  id: string;
  label: string;
  atEdge: boolean;
  onMove: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      className="button button--small button--quiet"
      aria-label={label}
      aria-disabled={atEdge || undefined}
      onClick={onMove}
    >
      {children}
    </button>
  );
}

export function ItemMoreActions({
  item,
  section,
  others,
  onMoveTo,
  onRemove,
}: {
  item: DeskItemDto;
  section: DeskSectionDto;
  others: DeskSectionDto[];
  onMoveTo: (to: DeskSectionDto) => void;
  onRemove: () => void;
}) {
  const [target, setTarget] = useState('');
  const selectId = `move-to-${item.id}`;
  return (
    <details className="desk-item__more">
      <summary aria-label={`More actions: ${item.title}`}>More</summary>
      <div className="desk-item__more-body">
        {others.length > 0 && (
          <span className="inline-form">
            <label htmlFor={selectId} className="visually-hidden">
              Move “{item.title}” to section
            </label>
            <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Move to section…</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={`Move to the chosen section: ${item.title}`}
              onClick={() => {
                const to = others.find((s) => s.id === target);
                if (to) onMoveTo(to);
              }}
            >
              Move
            </button>
          </span>
        )}
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={`Remove from issue: ${item.title}`}
          onClick={onRemove}
          title={`Take it out of ${section.title} and the issue (the item itself is kept)`}
        >
          Remove from issue
        </button>
      </div>
    </details>
  );
}

export function SectionSettings({ section, published }: { section: DeskSectionDto; published: boolean }) {
  const [renameState, rename, renaming] = useActionState(renameSectionAction, null);
  const [kindState, setKind, settingKind] = useActionState(setSectionKindAction, null);
  const [removeState, remove, removing] = useActionState(removeSectionAction, null);
  const renameFailed = renameState && !renameState.ok ? renameState : null;
  const prefix = `section-${section.id}-`;
  return (
    <details className="desk-section__settings">
      <summary aria-label={`Section settings: ${section.title}`}>Section settings</summary>
      <div className="desk-section__settings-body">
        <form
          action={rename}
          noValidate
          className="form-row form-row--end"
          key={renameFailed ? JSON.stringify(renameFailed.values) : section.title}
        >
          <input type="hidden" name="sectionId" value={section.id} readOnly />
          <TextField
            name="title"
            idPrefix={prefix}
            label="Title"
            defaultValue={renameFailed?.values.title ?? section.title}
            errors={renameFailed?.fieldErrors.title}
            autoComplete="off"
          />
          <button type="submit" className="button button--small button--quiet" disabled={renaming}>
            Rename
          </button>
        </form>
        {renameState && !renameFailed?.fieldErrors.title && <FormMessage state={renameState} />}

        <form action={setKind} className="form-row form-row--end" key={`kind-${section.acceptsKind ?? ''}`}>
          <input type="hidden" name="sectionId" value={section.id} readOnly />
          <div className="field">
            <label htmlFor={`${prefix}kind`}>Accepts</label>
            <select id={`${prefix}kind`} name="acceptsKind" defaultValue={section.acceptsKind ?? ''}>
              {acceptsKindOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--small button--quiet" disabled={settingKind}>
            Save kind
          </button>
        </form>
        <FormMessage state={kindState} />

        {!published && (
          <form action={remove}>
            <input type="hidden" name="sectionId" value={section.id} readOnly />
            <button
              type="submit"
              className="button button--small button--danger"
              disabled={removing}
              aria-label={`Remove section: ${section.title}`}
            >
              Remove section
            </button>
            <span className="muted"> Only an empty section can be removed.</span>
          </form>
        )}
        <FormMessage state={removeState} />
      </div>
    </details>
  );
}

export function AddSectionForm({ issueId }: { issueId: string }) {
  const [state, formAction, pending] = useActionState(addSectionAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form
      action={formAction}
      noValidate
      className="desk-add-section"
      aria-labelledby="add-section-heading"
      key={failed ? JSON.stringify(failed.values) : state?.ok ? `added-${state.sectionId}` : 'fresh'}
    >
      <h3 id="add-section-heading">Add a section</h3>
      <FormMessage state={state} />
      <input type="hidden" name="issueId" value={issueId} readOnly />
      <div className="form-row form-row--end">
        <TextField
          name="title"
          idPrefix="new-section-"
          label="Section title"
          defaultValue={failed?.values.title}
          errors={failed?.fieldErrors.title}
          autoComplete="off"
        />
        <div className="field">
          <label htmlFor="new-section-kind">Accepts</label>
          <select id="new-section-kind" name="acceptsKind" defaultValue={failed?.values.acceptsKind ?? ''}>
            {acceptsKindOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--quiet" disabled={pending}>
          Add section
        </button>
      </div>
    </form>
  );
}
