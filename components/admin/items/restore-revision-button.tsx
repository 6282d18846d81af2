'use client';

import { useState } from 'react';
import Link from 'next/link';
import { restoreRevisionAction } from '@/app/admin/items/[id]/actions';

/**
 * Restores one revision: its fields become the item's current version, recorded as a new revision
 * ("restored from N"); nothing is deleted. Sends the version the page showed, so a restore based on
 * a stale page is refused instead of overwriting someone's newer save.
 */
export function RestoreRevisionButton({
  itemId,
  number,
  expectedVersion,
}: {
  itemId: string;
  number: number;
  expectedVersion: number;
}) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const restore = async () => {
    setPending(true);
    setMessage(null);
    try {
      const result = await restoreRevisionAction(null, { itemId, number, expectedVersion });
      if (result.ok) setMessage({ ok: true, text: `Revision ${number} restored as revision ${result.revision}.` });
      else if (result.code === 'conflict')
        setMessage({
          ok: false,
          text: 'The item changed since this page was opened. Reload the page, check the changes and try again.',
        });
      else {
        const details = Object.values(result.fieldErrors).flat();
        setMessage({ ok: false, text: [result.message, ...details].join(' ') });
      }
    } catch {
      setMessage({ ok: false, text: 'The server could not be reached: try again.' });
    } finally {
      setPending(false);
      setAsking(false);
    }
  };

  return (
    <div>
      {asking ? (
        <div role="group" aria-label={`Restore revision ${number}`}>
          <p className="muted">Its fields become the current version, as a new revision. Nothing is deleted.</p>
          <div className="button-row">
            <button type="button" className="button button--small" disabled={pending} onClick={() => void restore()}>
              Yes, restore revision {number}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setAsking(true)}
          aria-label={`Restore revision ${number}`}
        >
          Restore
        </button>
      )}
      {message && (
        <p className={`row-message ${message.ok ? 'row-message--ok' : 'row-message--error'}`} role="status">
          {message.text} {message.ok && <Link href={`/admin/items/${itemId}`}>Open the item</Link>}
        </p>
      )}
    </div>
  );
}
