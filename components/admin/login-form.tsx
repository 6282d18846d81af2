'use client';

import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';
import { ACCOUNT_DEACTIVATED, ACCOUNT_DEACTIVATED_CODE, SIGN_IN_REFUSED } from '@/lib/auth/messages';
import { TextField } from '@/components/ui/fields';

type Errors = { email?: string[]; password?: string[] };

export function LoginForm({
  callbackUrl,
  failedBefore,
}: {
  callbackUrl: string;
  /** The error next-auth put in the address after a refusal without JavaScript, if any. */
  failedBefore: string | null;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [refused, setRefused] = useState<string | null>(
    failedBefore === null ? null : failedBefore === ACCOUNT_DEACTIVATED_CODE ? ACCOUNT_DEACTIVATED : SIGN_IN_REFUSED,
  );
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Errors = {};
    if (!email.trim()) next.email = ['Enter your e-mail address.'];
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) next.email = ['Enter an e-mail address like name@example.org.'];
    if (!password) next.password = ['Enter your password.'];
    setErrors(next);
    setRefused(null);
    if (next.email || next.password) {
      formRef.current?.querySelector<HTMLInputElement>(next.email ? '#email' : '#password')?.focus();
      return;
    }
    setPending(true);
    const result = await signIn('credentials', { email: email.trim(), password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      // A full load, so every server component renders for the signed-in person.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setPassword('');
    setRefused(result?.error === ACCOUNT_DEACTIVATED_CODE ? ACCOUNT_DEACTIVATED : SIGN_IN_REFUSED);
    formRef.current?.querySelector<HTMLInputElement>('#password')?.focus();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-describedby={refused ? 'sign-in-refused' : undefined}>
      {refused && (
        <p className="form-message form-message--error" id="sign-in-refused" role="status">
          {refused}
        </p>
      )}
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={errors.email}
        required
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={errors.password}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
