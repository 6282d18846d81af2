import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getEnrollingActor, TWO_FACTOR_ENROL_PATH } from '@/lib/auth/current-actor';
import { loginUrlFor } from '@/lib/auth/callback-url';
import { startTwoFactorEnrolment } from '@/lib/accounts/two-factor';
import { TwoFactorEnrolForm } from '@/components/admin/account/two-factor-enrol-form';
import { SignOutButton } from '@/components/admin/sign-out-button';

export const metadata: Metadata = { title: 'Two-factor sign-in', robots: { index: false }, referrer: 'no-referrer' };

/**
 * Setting up two-factor sign-in: a QR code and the secret in text, then the first code. Outside
 * /admin because people who must enrol (SecuritySettings.requireTwoFactor) can open nothing else.
 */
export default async function TwoFactorPage() {
  const session = await getEnrollingActor();
  if (!session) redirect(loginUrlFor(TWO_FACTOR_ENROL_PATH));
  const enrolment = await startTwoFactorEnrolment(session.actor);
  if (!enrolment) {
    return (
      <>
        <h1>Two-factor sign-in is on</h1>
        <p>You sign in with your password and a code from your authenticator app.</p>
        <p>
          <Link href="/admin/account">Back to your account</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Set up two-factor sign-in</h1>
      {session.mustEnrolTwoFactor && (
        <p className="form-message form-message--error" role="status">
          Editors and administrators must sign in with a second factor. Set it up to continue.
        </p>
      )}
      <ol className="two-factor__steps">
        <li>
          Open an authenticator app on your phone (such as FreeOTP, Aegis, Google Authenticator or 1Password) and scan
          this code:
          <br />
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={enrolment.qrCode} alt="QR code for your authenticator app" width={200} height={200} />
        </li>
        <li>
          Cannot scan it? Type this key into the app instead (time-based, 6 digits, 30 seconds):{' '}
          <code data-testid="totp-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </li>
        <li>Enter the code the app shows now.</li>
      </ol>
      <TwoFactorEnrolForm />
      <SignOutButton />
    </>
  );
}
