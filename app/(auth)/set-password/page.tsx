import type { Metadata } from 'next';
import Link from 'next/link';
import { findPasswordToken } from '@/lib/accounts/find-password-token';
import { SetPasswordForm } from '@/components/admin/set-password-form';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false }, referrer: 'no-referrer' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SetPasswordPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  const info = typeof token === 'string' ? await findPasswordToken(token) : null;
  if (!info) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>
          It has expired, has already been used, or was replaced by a newer link. Ask for a new one, or ask an
          administrator to send you one.
        </p>
        <p>
          <Link href="/forgot-password">Forgot your password?</Link> · <Link href="/login">Go to sign in</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{info.purpose === 'INVITATION' ? `Welcome, ${info.name}` : 'Set a new password'}</h1>
      <p className="bo-lede">
        {info.purpose === 'INVITATION'
          ? 'Choose a password to activate your account'
          : 'Choose a new password for your account'}{' '}
        <strong>{info.email}</strong>.
      </p>
      <SetPasswordForm token={token as string} />
    </>
  );
}
