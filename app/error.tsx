'use client';

import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="site-main">
      <div className="status-page">
        <p className="status-page__code">Error</p>
        <h1>Something went wrong on our side</h1>
        <p>The page could not be shown. Please try again in a moment.</p>
        {error.digest && <p className="status-page__digest">Reference: {error.digest}</p>}
        <p>
          <button type="button" className="button" onClick={reset}>
            Try again
          </button>{' '}
          {/* A full page load, not a client navigation: the app state that failed is left behind. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Go to the latest issue</a>
        </p>
      </div>
    </main>
  );
}
