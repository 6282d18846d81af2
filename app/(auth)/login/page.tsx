import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { LoginForm } from '@/components/admin/login-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

const notices: Record<string, string> = {
  signedOut: 'You have signed out.',
  signedOutEverywhere: 'You have signed out in every browser.',
  passwordSet: 'Your password is set. Sign in with it now.',
};

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  // Only ever back to a page of this site; anything else falls back to the back office.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  const notice = Object.keys(notices).find((k) => params[k] === '1');
  return (
    <>
      <h1>Sign in</h1>
      <p className="bo-lede">The back office of the bulletin, for its editors and contributors.</p>
      {notice && (
        <p className="form-message form-message--ok" role="status">
          {notices[notice]}
        </p>
      )}
      <LoginForm callbackUrl={callbackUrl} failedBefore={typeof params.error === 'string' ? params.error : null} />
      <p className="auth__after">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </>
  );
}
