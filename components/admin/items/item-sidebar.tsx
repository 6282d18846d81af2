'use client';

import type { ReactNode, RefObject } from 'react';
import type { CommentDto, ItemEditorItem, TransitionButton } from '@/lib/content/items/dto';
import type { FieldErrors } from '@/lib/validation/field-errors';
import type { TransitionName } from '@/lib/workflow/states';
import { CommentsPanel } from './comments-panel';
import type { TransitionOutcome } from './use-save-queue';
import { WorkflowPanel } from './workflow-panel';

/**
 * Beside the form: on an item's own page the workflow buttons, the review comments and the activity;
 * on a new item's page, how to get there once the draft is saved.
 */
export function ItemSidebar({
  item,
  itemId,
  comments,
  activity,
  busy,
  runTransition,
  ensureSaved,
  onFieldErrors,
  quotable,
  createdTransitions,
  onCreatedMoved,
  openItemPage,
}: {
  item: ItemEditorItem | null;
  itemId: string | null;
  comments: CommentDto[];
  activity?: ReactNode;
  busy: boolean;
  runTransition: (name: TransitionName, note: string | null) => Promise<TransitionOutcome>;
  ensureSaved: () => Promise<boolean>;
  onFieldErrors: (errors: FieldErrors) => void;
  /** The body editor: a selection there can be quoted in a comment. */
  quotable: RefObject<HTMLElement | null>;
  /** On the new-item page, once the first save created the draft: its workflow buttons. */
  createdTransitions: TransitionButton[] | null;
  /** A workflow step on the new draft succeeded (its name, for the item page to say it was done). */
  onCreatedMoved: (name: TransitionName) => void;
  openItemPage: () => void;
}) {
  return (
    <aside className="item-desk__side" aria-label="Review">
      {item && itemId ? (
        <>
          <WorkflowPanel
            state={item.state}
            transitions={item.permissions.transitions}
            busy={busy}
            run={runTransition}
            onFieldErrors={onFieldErrors}
          />
          <CommentsPanel
            itemId={itemId}
            comments={comments}
            canComment={item.permissions.comment}
            canResolve={item.permissions.resolveComments}
            quotable={quotable}
            ensureSaved={ensureSaved}
            changeRequestId={item.state === 'CHANGES_REQUESTED' ? (item.changeRequest?.commentId ?? null) : null}
          />
          {activity}
        </>
      ) : itemId && createdTransitions ? (
        <>
          <WorkflowPanel
            state="DRAFT"
            transitions={createdTransitions}
            busy={busy}
            run={async (name, note) => {
              const outcome = await runTransition(name, note);
              if (outcome !== 'not-saved' && outcome.ok) onCreatedMoved(name);
              return outcome;
            }}
            onFieldErrors={onFieldErrors}
          />
          <section className="panel">
            <h2>Comments and history</h2>
            <p className="muted">Review comments and the item’s history are on its own page.</p>
            <button type="button" className="button button--small button--quiet" onClick={openItemPage}>
              Open the item’s page
            </button>
          </section>
        </>
      ) : (
        <section className="panel">
          <h2>Workflow</h2>
          {itemId ? (
            <>
              <p>The draft is saved. Submit it for review, read comments and see its history on the item’s own page.</p>
              <button type="button" className="button button--small" onClick={openItemPage}>
                Open the item’s page
              </button>
            </>
          ) : (
            <p className="muted">Once the draft is saved (give it a title), you can submit it for review.</p>
          )}
        </section>
      )}
    </aside>
  );
}
