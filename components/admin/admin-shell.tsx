import type { SessionActor } from '@/lib/auth/current-actor';
import { AdminHeader } from './admin-header';

/**
 * The frame of every back-office page: brand, sections, who is signed in, sign out. Sections appear
 * only to those the policy lets in; each page checks again on its own. The header keeps itself up to
 * date on every navigation (layouts do not re-render then): see AdminHeader.
 */
export function AdminShell({ actor, children }: { actor: SessionActor; children: React.ReactNode }) {
  return (
    <div className="bo">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AdminHeader person={{ id: actor.id, name: actor.name, role: actor.role }} />
      <main id="main" className="bo-main">
        {children}
      </main>
    </div>
  );
}
