import type { Metadata } from 'next';
import { SiteHeader } from '@/components/public/site-header';
import { SiteFooter } from '@/components/public/site-footer';
import { getSettings } from '@/lib/content/published';
import { siteUrl } from '@/lib/site-url';
import { publicAlternates } from './shared-metadata';

export async function generateMetadata(): Promise<Metadata> {
  const s = await getSettings();
  return {
    // Relative URLs in page metadata (canonical, og:url, the feed link) resolve against this.
    metadataBase: new URL(`${siteUrl()}/`),
    title: { default: s.title, template: `%s · ${s.title}` },
    description: s.subtitle || undefined,
    alternates: publicAlternates(s.title),
  };
}

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="site-main">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
