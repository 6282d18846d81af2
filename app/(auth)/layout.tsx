import Link from 'next/link';
import { getSettings } from '@/lib/content/published';
import '@/components/admin/back-office.css';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

/** Sign-in and set-password pages: one card, the publication's name above it. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSettings();
  return (
    <main id="main" className="auth">
      <div className="auth__card">
        <p className="auth__brand">
          <Link href="/">{settings.title}</Link>
        </p>
        {children}
      </div>
    </main>
  );
}
