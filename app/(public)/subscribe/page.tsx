import type { Metadata } from 'next';
import { SubscribeForm } from '@/components/public/subscribe-forms';
import { getSettings } from '@/lib/content/published';
import '@/components/public/subscribe.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Subscribe' };

/** The e-mail edition sign-up (double opt-in). Works without JavaScript. */
export default async function SubscribePage() {
  const settings = await getSettings();
  return (
    <div className="subscribe-page">
      <h1>Receive {settings.title} by e-mail</h1>
      <p>
        Each new issue comes to your inbox when it is published: its contents by section, each item with a link to read
        it here. We send a link first to confirm the address; nothing else is sent until you follow it, and every
        message has a one-click unsubscribe link.
      </p>
      <SubscribeForm />
      <p className="muted">Your address is used for the bulletin only. It is never shown on this site or passed on.</p>
    </div>
  );
}
