'use client';

import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ItemKind } from '@/generated/prisma/enums';
import type { CommentDto, ItemEditorItem, TransitionButton } from '@/lib/content/items/dto';
import type { TagOption } from '@/lib/content/tags/list-tags';
import { itemKindLabel } from '@/lib/format/labels';
import { FieldError } from '@/components/ui/fields';
import { ConflictView } from './conflict-view';
import { serverState, useItemDraft } from './item-draft';
import { ItemFormFields } from './item-form-fields';
import { ItemNotices } from './item-notices';
import { ItemSidebar } from './item-sidebar';
import { formatLocalTime, useMounted } from './local-time';
import { saveStatusLine } from './save-status';
import { useItemFieldErrors } from './use-item-field-errors';
import { useSaveQueue } from './use-save-queue';
import { useTabBackup } from './use-tab-backup';
import { useUnsavedGuard } from './use-unsaved-guard';
import './item-desk.css';

const NO_COMMENTS: CommentDto[] = [];

/**
 * The item form (new and existing items of every kind). Its parts, one job each:
 *  - useItemDraft: what is on screen, what the server has, and its version (one reducer);
 *  - useItemFieldErrors: the item schema's errors as you type and the server's, next to their fields;
 *  - useSaveQueue: saves one at a time (explicit, and automatic a few seconds after typing stops),
 *    workflow steps, and the conflict view when someone else saved first: nothing is overwritten silently;
 *  - useTabBackup: a copy of unsaved changes in this tab, so a reload or a crash loses nothing;
 *  - useUnsavedGuard: a warning before leaving unsaved changes;
 *  - saveStatusLine: the status line, which always says where things stand.
 */
export function ItemEditor({
  kind,
  item,
  tagOptions,
  comments = NO_COMMENTS,
  activity,
  readOnlyReason,
}: {
  kind: ItemKind;
  item: ItemEditorItem | null;
  tagOptions: TagOption[];
  comments?: CommentDto[];
  activity?: ReactNode;
  readOnlyReason?: string | null;
}) {
  const router = useRouter();
  const mounted = useMounted();
  const isNewPage = item === null;
  const formRef = useRef<HTMLFormElement | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);

  const { draft, dispatch, dirty } = useItemDraft(item);
  // On the new-item page: the workflow buttons of the draft its first save created.
  const [createdTransitions, setCreatedTransitions] = useState<TransitionButton[] | null>(null);
  const errors = useItemFieldErrors(kind, draft.values, formRef);
  const queue = useSaveQueue({
    kind,
    item,
    draft,
    dirty,
    dispatch,
    errors,
    // The address becomes the item's own, without leaving the page (typing goes on).
    onCreated: (itemId, transitions) => {
      window.history.replaceState(null, '', `/admin/items/${itemId}`);
      setCreatedTransitions(transitions);
    },
  });
  const canEdit = queue.editable;
  const backup = useTabBackup({ kind, item, draft, dirty, editable: canEdit, mounted, dispatch });
  useUnsavedGuard((dirty || queue.saving) && canEdit);

  const { itemId, values } = draft;
  const highlights = useMemo(
    () => comments.filter((c) => c.quote && !c.resolvedAt).map((c) => ({ id: c.id, quote: c.quote! })),
    [comments],
  );
  const status = saveStatusLine(
    {
      status: queue.status,
      saving: queue.saving,
      dirty,
      refusalOnScreen: queue.refusalOnScreen,
      exists: itemId !== null,
    },
    (at) => formatLocalTime(at, mounted),
  );
  const newerOnServer =
    item !== null && !queue.moving && !queue.saving && !queue.conflict && item.version > draft.version;
  const title = values.title.trim() || (item ? 'Untitled item' : `New ${itemKindLabel[kind].toLowerCase()}`);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canEdit || queue.conflict) return;
    const saved = await queue.save('manual');
    if (saved.ok && isNewPage && saved.itemId) router.replace(`/admin/items/${saved.itemId}`);
  };

  return (
    <div className="item-desk">
      <header className="item-desk__head">
        <p className="kicker">
          {itemKindLabel[kind]}
          {item && <> · by {item.author.name}</>}
          {item?.issue && (
            <>
              {' '}
              · N° {item.issue.number} ({item.issue.coverLabel}){item.section && <>, {item.section.title}</>}
            </>
          )}
        </p>
        <h1 id="item-heading">{title}</h1>
        {itemId && (
          <nav aria-label="This item" className="item-desk__links">
            <Link href={`/admin/items/${itemId}/preview`}>Preview</Link>
            <Link href={`/admin/items/${itemId}/history`}>History</Link>
          </nav>
        )}
      </header>

      <ItemNotices
        item={item}
        canEdit={canEdit}
        readOnlyReason={readOnlyReason}
        mounted={mounted}
        restored={backup.restored}
        onDiscardRestored={() => {
          backup.discard();
          queue.settle();
        }}
        newerOnServer={newerOnServer}
        dirty={dirty}
        onLoadServerVersion={() => {
          if (!item) return;
          dispatch({ type: 'replace', ...serverState(item) });
          queue.settle({ kind: 'saved', at: item.lastSaved?.at ?? null });
        }}
      />
      {queue.conflict && itemId && (
        <ConflictView
          conflict={queue.conflict}
          base={draft.base}
          mine={values}
          itemId={itemId}
          onTakeTheirs={queue.takeTheirs}
          onKeepMine={(mine, theirs) => void queue.keepMine(mine, theirs)}
          busy={queue.saving}
        />
      )}

      <div className="item-desk__grid">
        <form
          ref={formRef}
          className="item-form"
          onSubmit={(e) => void onSubmit(e)}
          onFocus={(e) => keepClearOfSaveBar(e.target)}
          noValidate
          aria-labelledby="item-heading"
          data-ready={mounted || undefined}
        >
          <div className="save-bar">
            <p className={`save-bar__status save-bar__status--${status.tone}`} role="status" data-testid="save-status">
              {status.text}
            </p>
            {canEdit && (
              <button type="submit" className="button" disabled={queue.saving || queue.conflict !== null}>
                Save
              </button>
            )}
          </div>
          <FieldError id="item-form-error" errors={errors.formErrors} />
          <ItemFormFields
            kind={kind}
            draft={draft}
            dispatch={dispatch}
            errors={errors}
            tagOptions={tagOptions}
            readOnly={!canEdit}
            inputsReadOnly={!canEdit || !mounted}
            bodyRef={bodyRef}
            highlights={highlights}
          />
        </form>

        <ItemSidebar
          item={item}
          itemId={itemId}
          comments={comments}
          activity={activity}
          busy={queue.moving}
          runTransition={queue.transition}
          ensureSaved={async () => (await queue.ensureSaved()).ok}
          onFieldErrors={(fieldErrors) => errors.refused(fieldErrors, values, false)}
          quotable={bodyRef}
          createdTransitions={createdTransitions}
          onCreatedMoved={(name) => {
            // The new draft moved on (submitted): its own page has the rest (comments, history), and
            // says what was just done (WorkflowPanel reads `done`: this panel's line goes with it).
            if (itemId) router.replace(`/admin/items/${itemId}?done=${name}`);
          }}
          openItemPage={async () => {
            const saved = await queue.save('manual');
            if (saved.ok) router.replace(`/admin/items/${saved.itemId}`);
          }}
        />
      </div>
    </div>
  );
}

/**
 * The save bar sticks to the top of the window while the form scrolls under it. A field that receives
 * the focus while under it (Tab, a click near the top, the error summary's links) is scrolled clear:
 * browsers only scroll a focused element that is off screen, and one under a sticky bar is on screen.
 */
function keepClearOfSaveBar(target: EventTarget) {
  if (!(target instanceof HTMLElement)) return;
  const bar = target.closest('form')?.querySelector('.save-bar');
  if (!bar || bar.contains(target)) return;
  const covered = bar.getBoundingClientRect().bottom + 8 - target.getBoundingClientRect().top;
  if (covered > 0) window.scrollBy({ top: -covered });
}
