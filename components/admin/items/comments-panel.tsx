'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { addCommentAction, reopenCommentAction, resolveCommentAction } from '@/app/admin/items/[id]/actions';
import type { CommentDto } from '@/lib/content/items/dto';
import { commentSchema, normaliseForQuote } from '@/lib/validation/comment';
import { parseWith, type FieldErrors as Errors } from '@/lib/validation/field-errors';
import { FieldError, describedBy } from '@/components/ui/fields';
import { LocalTime } from './local-time';

const QUOTE_MAX = 1000;

function CommentCard({
  comment,
  canResolve,
  changeRequest = false,
}: {
  comment: CommentDto;
  canResolve: boolean;
  /** This comment is an editor's "request changes" note. */
  changeRequest?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = comment.resolvedAt !== null;
  const toggle = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await (resolved ? reopenCommentAction : resolveCommentAction)(null, { commentId: comment.id });
      if (!result.ok) setError(result.message);
    } catch {
      setError('The server could not be reached: try again.');
    } finally {
      setPending(false);
    }
  };
  const snippet = comment.body.length > 40 ? `${comment.body.slice(0, 40)}…` : comment.body;
  return (
    <li
      className={`comment${resolved ? ' comment--resolved' : ''}${changeRequest ? ' comment--change-request' : ''}`}
      data-testid="comment"
      id={`comment-${comment.id}`}
      tabIndex={-1}
    >
      {changeRequest && <p className="comment__kind">Changes requested</p>}
      <p className="comment__meta">
        <strong>{comment.author.name}</strong> · <LocalTime date={new Date(comment.createdAt)} />
        {resolved && comment.resolvedBy && <> · resolved by {comment.resolvedBy.name}</>}
      </p>
      {comment.quote && (
        <blockquote className="comment__quote">
          <span className="visually-hidden">Quoting: </span>
          {comment.quote}
        </blockquote>
      )}
      <p className="comment__body">{comment.body}</p>
      {canResolve && (
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={pending}
          onClick={() => void toggle()}
          aria-label={`${resolved ? 'Reopen' : 'Resolve'} comment: ${snippet}`}
        >
          {resolved ? 'Reopen' : 'Resolve'}
        </button>
      )}
      {error && (
        <p className="row-message row-message--error" role="status">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * Review comments: open ones first, resolved ones folded away; a new comment may quote the passage
 * selected in the text ("Comment on selection"). The quote is checked against the saved text, so
 * unsaved changes are saved first.
 */
export function CommentsPanel({
  itemId,
  comments,
  canComment,
  canResolve,
  quotable,
  ensureSaved,
  changeRequestId = null,
}: {
  itemId: string;
  comments: CommentDto[];
  canComment: boolean;
  canResolve: boolean;
  /** Where a selection counts as a passage of the text (the body editor). */
  quotable: RefObject<HTMLElement | null>;
  ensureSaved: () => Promise<boolean>;
  /** The open "request changes" note, shown first and labelled (the banner above the form points here). */
  changeRequestId?: string | null;
}) {
  const open = comments
    .filter((c) => c.resolvedAt === null)
    .sort((a, b) => Number(b.id === changeRequestId) - Number(a.id === changeRequestId));
  const resolved = comments.filter((c) => c.resolvedAt !== null);
  const [body, setBody] = useState('');
  const [quote, setQuote] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const selection = useRef('');
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    const onSelectionChange = () => {
      const sel = window.getSelection();
      const container = quotable.current;
      if (!sel || sel.isCollapsed || !container) return;
      if (container.contains(sel.anchorNode) && container.contains(sel.focusNode)) selection.current = sel.toString();
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [quotable]);

  const quoteSelection = () => {
    const text = normaliseForQuote(selection.current);
    if (!text) {
      setMessage({ ok: false, text: 'Select a passage of the text first, then choose “Comment on selection”.' });
      return;
    }
    setQuote(text.length > QUOTE_MAX ? text.slice(0, QUOTE_MAX) : text);
    setMessage(null);
    setErrors((e) => ({ ...e, quote: [] }));
    bodyRef.current?.focus();
  };

  const submit = async () => {
    const checked = parseWith(commentSchema, { body, quote });
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      bodyRef.current?.focus();
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      if (!(await ensureSaved())) {
        setMessage({
          ok: false,
          text: 'Your changes to the item could not be saved, so the comment was not sent: see the status at the top.',
        });
        return;
      }
      const result = await addCommentAction(null, { itemId, body, quote });
      if (result.ok) {
        setBody('');
        setQuote(null);
        setErrors({});
        setMessage({ ok: true, text: 'Comment added.' });
      } else {
        setErrors(result.fieldErrors);
        setMessage({ ok: false, text: result.message });
      }
    } catch {
      setMessage({ ok: false, text: 'The server could not be reached. Your comment is still here: try again.' });
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Review comments{' '}
        <span className="badge" data-testid="open-comment-count">
          {open.length} open
        </span>
      </h2>
      {open.length === 0 ? (
        <p className="muted">No open comments.</p>
      ) : (
        <ol className="comments__list" aria-label="Open comments">
          {open.map((c) => (
            <CommentCard key={c.id} comment={c} canResolve={canResolve} changeRequest={c.id === changeRequestId} />
          ))}
        </ol>
      )}
      {resolved.length > 0 && (
        <details className="comments__resolved">
          <summary>Resolved comments ({resolved.length})</summary>
          <ol className="comments__list" aria-label="Resolved comments">
            {resolved.map((c) => (
              <CommentCard key={c.id} comment={c} canResolve={canResolve} changeRequest={c.id === changeRequestId} />
            ))}
          </ol>
        </details>
      )}
      {canComment && (
        <div className="comments__new" role="group" aria-labelledby="new-comment-heading">
          <h3 id="new-comment-heading">Add a comment</h3>
          {message && (
            <p className={`form-message ${message.ok ? 'form-message--ok' : 'form-message--error'}`} role="status">
              {message.text}
            </p>
          )}
          <button
            type="button"
            className="button button--small button--quiet"
            onMouseDown={(e) => e.preventDefault() /* keep the selection in the text */}
            onClick={quoteSelection}
          >
            Comment on selection
          </button>
          {quote && (
            <div className="comments__quote-draft">
              <p className="muted">Quoting:</p>
              <blockquote className="comment__quote" data-testid="quote-draft">
                {quote}
              </blockquote>
              <button type="button" className="button button--small button--quiet" onClick={() => setQuote(null)}>
                Remove quote
              </button>
            </div>
          )}
          <FieldError id="new-comment-quote-error" errors={errors.quote?.length ? errors.quote : undefined} />
          <div className={`field field--wide${errors.body?.length ? ' field--invalid' : ''}`}>
            <label htmlFor="new-comment-body">Comment</label>
            <textarea
              id="new-comment-body"
              ref={bodyRef}
              rows={3}
              value={body}
              aria-invalid={errors.body?.length ? true : undefined}
              aria-describedby={describedBy(!!errors.body?.length && 'new-comment-body-error')}
              onChange={(e) => {
                setBody(e.target.value);
                if (errors.body) setErrors((x) => ({ ...x, body: [] }));
              }}
            />
            <FieldError id="new-comment-body-error" errors={errors.body?.length ? errors.body : undefined} />
          </div>
          <button type="button" className="button button--small" disabled={pending} onClick={() => void submit()}>
            {pending ? 'Adding…' : 'Add comment'}
          </button>
        </div>
      )}
    </section>
  );
}
