'use client';

import { useActionState, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { createPreviewLinkAction, revokePreviewLinkAction } from '@/app/admin/issues/actions';
import type { ActionResult } from '@/lib/actions/action';
import type { PreviewLinkStatus } from '@/lib/issues/list-preview-links';
import { FormMessage, TextField } from '@/components/ui/fields';

/** Times come formatted from the server (the browser's Intl may word them differently). */
export type ShareLinkDto = {
  id: string;
  status: PreviewLinkStatus;
  createdLabel: string;
  expiresLabel: string;
  createdBy: string;
};

const statusLabel: Record<PreviewLinkStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

function RevokeButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button button--small button--danger" disabled={pending} aria-label={label}>
      Revoke
    </button>
  );
}

function RevokeForm({ link }: { link: ShareLinkDto }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <>
      <form action={async (formData: FormData) => setResult(await revokePreviewLinkAction(null, formData))}>
        <input type="hidden" name="linkId" value={link.id} readOnly />
        <RevokeButton label={`Revoke the link created ${link.createdLabel}`} />
      </form>
      {result?.message && (
        <p className={`row-message ${result.ok ? 'row-message--ok' : 'row-message--error'}`} role="status">
          {result.message}
        </p>
      )}
    </>
  );
}

/**
 * Share links for reviewers without an account: signed (a random token; only its hash is kept),
 * expiring, revocable, read-only. The address is shown once, when the link is made.
 */
export function ShareLinks({
  issueId,
  siteBase,
  links,
  published,
}: {
  issueId: string;
  siteBase: string;
  links: ShareLinkDto[];
  /** A published issue is public: no new links (its links ended when it was published). */
  published: boolean;
}) {
  const [state, formAction, pending] = useActionState(createPreviewLinkAction, null);
  const [copied, setCopied] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const failed = state && !state.ok ? state : null;
  const created = state?.ok ? state : null;
  const url = created ? `${siteBase}${created.path}` : null;

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission: leave the address selected for Ctrl+C.
      urlRef.current?.select();
    }
    setCopied(true);
  }

  return (
    <div className="share-links">
      {published ? (
        <p className="muted">
          This issue is published, so readers see it as it is: share links end when an issue is published or withdrawn.
        </p>
      ) : (
        <form
          action={formAction}
          noValidate
          onSubmit={() => setCopied(false)}
          key={failed ? JSON.stringify(failed.values) : (created?.linkId ?? 'fresh')}
        >
          <input type="hidden" name="issueId" value={issueId} readOnly />
          <FormMessage state={state} />
          <div className="form-row form-row--end">
            <TextField
              name="days"
              idPrefix="share-"
              label="Valid for (days)"
              type="number"
              min={1}
              max={30}
              defaultValue={failed?.values.days ?? '7'}
              errors={failed?.fieldErrors.days}
            />
            <button type="submit" className="button button--quiet" disabled={pending}>
              {pending ? 'Creating…' : 'Create share link'}
            </button>
          </div>
        </form>
      )}
      {url && (
        <div className="share-links__new">
          <label htmlFor="share-url">New share link: copy it now, it is not shown again</label>
          <div className="inline-form">
            <input
              id="share-url"
              ref={urlRef}
              className="share-links__url"
              value={url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button button--small" onClick={copy}>
              Copy link
            </button>
          </div>
          <p role="status" className="muted">
            {copied ? 'Copied.' : ''}
          </p>
        </div>
      )}
      {links.length > 0 ? (
        <table className="accounts share-links__table">
          <caption className="visually-hidden">Share links of this issue</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Valid until</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id} data-link-id={link.id}>
                <td>
                  {link.createdLabel}
                  <span className="accounts__email">by {link.createdBy}</span>
                </td>
                <td>{link.expiresLabel}</td>
                <td>
                  <span className={`badge badge--link-${link.status}`}>{statusLabel[link.status]}</span>
                </td>
                <td>{link.status === 'active' && <RevokeForm link={link} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No share links yet.</p>
      )}
    </div>
  );
}
