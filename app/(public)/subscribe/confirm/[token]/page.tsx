import type { Metadata } from 'next';
import { ConfirmForm } from '@/components/public/subscribe-forms';
import { isConfirmationOpen } from '@/lib/subscribers/confirm-subscription';
import '@/components/public/subscribe.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

// The token is in the path: the site's Referrer-Policy (strict-origin-when-cross-origin) keeps it from
// other sites. Not 'no-referrer' here: browsers then send `Origin: null` and Next refuses the form's action.
export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/**
 * The confirmation link's page. Opening it confirms nothing by itself (mail scanners open every link
 * in a message, which would confirm addresses nobody confirmed): the button does.
 */
export default async function ConfirmPage({ params }: Props) {
  const { token } = await params;
  const open = await isConfirmationOpen(token);
  return (
    <div className="subscribe-page">
      <h1>Confirm your subscription</h1>
      <ConfirmForm token={token} open={open} />
    </div>
  );
}
