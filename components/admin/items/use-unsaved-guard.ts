'use client';

import { useEffect, useRef } from 'react';

export const LEAVE_WARNING = 'You have unsaved changes. Leave this page and lose them?';

/**
 * Warns before leaving while something is unsaved: the browser's own prompt when the tab is closed or
 * reloaded (beforeunload), and a confirmation when a link inside the app is followed (the App Router
 * has no navigation events, so link clicks are caught on the way down, before Next's <Link> sees them).
 */
export function useUnsavedGuard(unsaved: boolean) {
  const unsavedRef = useRef(unsaved);
  useEffect(() => {
    unsavedRef.current = unsaved;
  }, [unsaved]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsavedRef.current) return;
      event.preventDefault();
      // Older browsers want a value here; the text is not shown.
      event.returnValue = LEAVE_WARNING;
    };
    const onClick = (event: MouseEvent) => {
      if (!unsavedRef.current || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      if (anchor.target && anchor.target !== '_self') return;
      if (anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      // Links to a place on this very page leave nothing behind.
      if (
        url.origin === window.location.origin &&
        url.pathname === window.location.pathname &&
        url.search === window.location.search
      )
        return;
      if (!window.confirm(LEAVE_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
}
