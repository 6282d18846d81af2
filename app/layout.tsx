import type { Metadata, Viewport } from 'next';
import './globals.css';

// Every page reads the database at request time; nothing is prerendered at build time, when no
// database is reachable. Public reads are cheap and bounded (see lib/content/published.ts).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Quire', template: '%s · Quire' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
