import type { Metadata } from 'next';
import { requireActor } from '@/lib/auth/current-actor';
import { roleLabel } from '@/lib/format/labels';
import { ProfileForm } from '@/components/admin/account/profile-form';
import { PasswordForm } from '@/components/admin/account/password-form';
import { SignOutEverywhereForm } from '@/components/admin/account/sign-out-everywhere-form';
import Link from 'next/link';
import { getTwoFactorStatus } from '@/lib/accounts/two-factor';
import { formatUtc } from '@/lib/format/dates';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireActor();
  const twoFactor = await getTwoFactorStatus(actor);
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
      <section className="panel" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">Two-factor sign-in</h2>
        {twoFactor.enabled ? (
          <p>
            On since {formatUtc(twoFactor.enabledAt!)}: you sign in with your password and a code from your
            authenticator app. Recovery codes left: {twoFactor.recoveryCodesLeft} of 10. Lost your phone and your codes?
            An administrator can reset it.
          </p>
        ) : (
          <>
            <p className="muted">
              Off. With it on, signing in also asks for a code from an authenticator app on your phone, so a stolen
              password alone is not enough.
            </p>
            <p>
              <Link className="button" href="/two-factor">
                Set up two-factor sign-in
              </Link>
            </p>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p className="muted">
          A session ends when you sign out, after 12 hours, or when it goes unused for the idle timeout an administrator
          sets (2 hours unless changed). Lost a laptop, or signed in on a shared computer? End every session of yours,
          this one included.
        </p>
        <SignOutEverywhereForm />
      </section>
    </>
  );
}
