import type { Metadata } from 'next';
import Link from 'next/link';
import { REFERENCE_PATTERN } from '@/lib/contributions/reference';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Thank you', robots: { index: false } };

export default async function ContributionSentPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const { ref } = await searchParams;
  const reference = typeof ref === 'string' && REFERENCE_PATTERN.test(ref) ? ref : null;
  return (
    <article className="contribute">
      <h1>Thank you</h1>
      <p role="status">Your contribution has reached the editors.</p>
      {reference && (
        <p>
          Your reference is <strong className="contribute__reference">{reference}</strong>. Quote it if you write to us
          about this message.
        </p>
      )}
      <p>An acknowledgement is on its way to your e-mail address. An editor may write back to you there.</p>
      <p>
        <Link href="/contribute">Send something else</Link> · <Link href="/">Back to the bulletin</Link>
      </p>
    </article>
  );
}
