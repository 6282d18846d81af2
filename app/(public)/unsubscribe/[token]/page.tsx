import type { Metadata } from 'next';
import Link from 'next/link';
import { UnsubscribeForms } from '@/components/public/subscribe-forms';
import { getUnsubscribeState } from '@/lib/subscribers/unsubscribe';
import '@/components/public/subscribe.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

// The token is in the path: the site's Referrer-Policy (strict-origin-when-cross-origin) keeps it from
// other sites. Not 'no-referrer' here: browsers then send `Origin: null` and Next refuses the form's action.
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** The unsubscribe link at the foot of every mail: one button, no sign-in; then the offer to come back. */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const state = await getUnsubscribeState(token);
  return (
    <div className="subscribe-page">
      <h1>Unsubscribe</h1>
      {state ? (
        <UnsubscribeForms token={token} unsubscribed={state.status !== 'CONFIRMED' && state.status !== 'PENDING'} />
      ) : (
        <p>
          This unsubscribe link is not valid. If you still receive the bulletin, use the link in the latest message, or{' '}
          <Link href="/subscribe">go to the subscription page</Link>.
        </p>
      )}
    </div>
  );
}
