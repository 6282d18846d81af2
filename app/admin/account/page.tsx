import type { Metadata } from 'next';
import { requireActor } from '@/lib/auth/current-actor';
import { roleLabel } from '@/lib/format/labels';
import { ProfileForm } from '@/components/admin/account/profile-form';
import { PasswordForm } from '@/components/admin/account/password-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <>
      <h1>Your account</h1>
      <p className="bo-lede">
        Signed in as <strong>{actor.email}</strong>, {roleLabel[actor.role].toLowerCase()}. Your e-mail address and role
        are changed by an administrator.
      </p>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Name</h2>
        <ProfileForm name={actor.name} />
      </section>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <p className="muted">Changing your password signs you out in every other browser.</p>
        <PasswordForm />
      </section>
    </>
  );
}
