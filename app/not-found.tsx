import type { Metadata } from 'next';
import { SiteHeader } from '@/components/public/site-header';
import { SiteFooter } from '@/components/public/site-footer';
import { NotFoundMessage } from '@/components/public/not-found-message';

export const metadata: Metadata = { title: 'Not found', robots: { index: false } };

// For addresses that match no route: the root layout only, so the chrome is drawn here.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main">
        <NotFoundMessage />
      </main>
      <SiteFooter />
    </>
  );
}
