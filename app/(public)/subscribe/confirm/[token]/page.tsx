import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmForm } from '@/components/public/subscribe-forms';
import { isConfirmationOpen } from '@/lib/subscribers/confirm-subscription';
import '@/components/public/subscribe.css';

export const metadata: Metadata = {
  title: 'Confirm your subscription',
  referrer: 'no-referrer',
  robots: { index: false },
};

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
      {open ? (
        <ConfirmForm token={token} />
      ) : (
        <>
          <p>This link has been used already or has expired.</p>
          <p>
            <Link href="/subscribe">Subscribe again</Link> to get a new one.
          </p>
        </>
      )}
    </div>
  );
}
