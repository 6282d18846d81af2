'use client';

// Shown when the root layout itself fails; it must draw its own <html>.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', maxWidth: '36rem', margin: '4rem auto', padding: '0 1rem' }}>
        <h1>Something went wrong on our side</h1>
        <p>The page could not be shown. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
