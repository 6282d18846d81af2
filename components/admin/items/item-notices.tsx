'use client';

import type { ItemEditorItem } from '@/lib/content/items/dto';
import { formatLocalTime } from './local-time';
import type { Restored } from './use-tab-backup';

/**
 * What the person should know before editing, above the form: the editor's change request, why the
 * form is read-only, that a save corrects a published item, unsaved changes restored from this tab,
 * and a newer version saved elsewhere.
 */
export function ItemNotices({
  item,
  canEdit,
  readOnlyReason,
  mounted,
  restored,
  onDiscardRestored,
  newerOnServer,
  dirty,
  onLoadServerVersion,
}: {
  item: ItemEditorItem | null;
  canEdit: boolean;
  readOnlyReason?: string | null;
  mounted: boolean;
  restored: Restored | null;
  onDiscardRestored: () => void;
  newerOnServer: boolean;
  dirty: boolean;
  onLoadServerVersion: () => void;
}) {
  return (
    <>
      {item?.changeRequest && item.state === 'CHANGES_REQUESTED' && (
        <section className="notice notice--warn" aria-labelledby="change-request-heading" data-testid="change-request">
          <h2 id="change-request-heading">Changes requested</h2>
          <p className="muted">
            {item.changeRequest.by?.name ?? 'An editor'} · {formatLocalTime(new Date(item.changeRequest.at), mounted)}
          </p>
          {item.changeRequest.commentId ? (
            // The note is the review comment (one thing, resolved once): pointed to here, not repeated.
            <p>
              Their note is the first of the <a href={`#comment-${item.changeRequest.commentId}`}>review comments</a>:
              resolve it once it is done, then submit the item again.
            </p>
          ) : (
            <p className="notice__note">{item.changeRequest.note}</p>
          )}
        </section>
      )}
      {readOnlyReason && (
        <p className="notice notice--info" data-testid="read-only-reason">
          {readOnlyReason}
        </p>
      )}
      {item?.state === 'PUBLISHED' && canEdit && (
        <p className="notice notice--info">
          This item is published. Saving a change corrects the public page, which then says “Updated” with the date.
        </p>
      )}
      {restored && (
        <div className="notice notice--info" role="status">
          {restored.editable ? (
            <p>Unsaved changes from your last visit to this page were restored from this browser.</p>
          ) : (
            <>
              <p>
                This browser kept unsaved changes from your last visit, but you can no longer change this item. Here is
                that text, to copy:
              </p>
              <pre className="notice__pre">
                {[restored.backup.values.title, restored.backup.values.standfirst].filter(Boolean).join('\n\n')}
              </pre>
            </>
          )}
          <button type="button" className="button button--small button--quiet" onClick={onDiscardRestored}>
            {restored.editable ? 'Discard them' : 'Forget it'}
          </button>
        </div>
      )}
      {newerOnServer && (
        <div className="notice notice--info" role="status">
          <p>
            This item was changed elsewhere since you opened it.{' '}
            {dirty
              ? 'Your next save will show what changed, so you can choose.'
              : 'Load the current version to see it.'}
          </p>
          {!dirty && (
            <button type="button" className="button button--small button--quiet" onClick={onLoadServerVersion}>
              Load the current version
            </button>
          )}
        </div>
      )}
    </>
  );
}
