import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/admin/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Forgot your password?</h1>
      <p className="bo-lede">
        Enter the e-mail address of your account. We will send it a link to set a new password, valid for 1 hour.
      </p>
      <ForgotPasswordForm />
      <p className="auth__after">
        <Link href="/login">Back to sign in</Link>
      </p>
    </>
  );
}
