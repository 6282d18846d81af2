import type { Metadata, Viewport } from 'next';
import './globals.css';

// Public pages are cached (docs/caching.md): each declares how it is rendered; the back office, sign-in
// and per-visitor pages are rendered per request (their layouts or pages say force-dynamic).

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
