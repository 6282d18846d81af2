'use client';

import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';
import {
  ACCOUNT_DEACTIVATED,
  ACCOUNT_DEACTIVATED_CODE,
  SIGN_IN_REFUSED,
  TWO_FACTOR_REFUSED,
} from '@/lib/auth/messages';
import { TextField } from '@/components/ui/fields';

type Errors = { email?: string[]; password?: string[]; code?: string[] };

/** Matches lib/auth/authorize.ts's TWO_FACTOR_REQUIRED (that module is server-only). */
const TWO_FACTOR_REQUIRED = 'TWO_FACTOR_REQUIRED:';

/**
 * Sign-in in one or two steps: e-mail and password, then, for people with two-factor sign-in, a code
 * from their app or a recovery code. Between the steps the browser holds a one-time ticket, not a
 * session (lib/auth/authorize.ts).
 */
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
  const [code, setCode] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [refused, setRefused] = useState<string | null>(
    failedBefore === null ? null : failedBefore === ACCOUNT_DEACTIVATED_CODE ? ACCOUNT_DEACTIVATED : SIGN_IN_REFUSED,
  );
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focus = (id: string) =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(id)?.focus());

  async function submitCode() {
    const trimmed = code.trim();
    if (!trimmed) {
      setErrors({ code: ['Enter the code from your authenticator app, or a recovery code.'] });
      focus('#code');
      return;
    }
    setPending(true);
    const result = await signIn('credentials', { challenge, code: trimmed, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setCode('');
    setRefused(TWO_FACTOR_REFUSED);
    focus('#code');
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefused(null);
    if (challenge) return submitCode();
    const next: Errors = {};
    if (!email.trim()) next.email = ['Enter your e-mail address.'];
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) next.email = ['Enter an e-mail address like name@example.org.'];
    if (!password) next.password = ['Enter your password.'];
    setErrors(next);
    setRefused(null);
    if (next.email || next.password) {
      focus(next.email ? '#email' : '#password');
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
    if (result?.error?.startsWith(TWO_FACTOR_REQUIRED)) {
      setChallenge(result.error.slice(TWO_FACTOR_REQUIRED.length));
      focus('#code');
      return;
    }
    setRefused(result?.error === ACCOUNT_DEACTIVATED_CODE ? ACCOUNT_DEACTIVATED : SIGN_IN_REFUSED);
    focus('#password');
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-describedby={refused ? 'sign-in-refused' : undefined}>
      {refused && (
        <p className="form-message form-message--error" id="sign-in-refused" role="status">
          {refused}
        </p>
      )}
      {challenge ? (
        <>
          <p>Your password is right. Now enter the 6-digit code your authenticator app shows for Quire.</p>
          <TextField
            name="code"
            label="Code"
            hint="Lost your phone? Enter one of your recovery codes instead."
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            errors={errors.code}
            required
          />
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Checking…' : 'Verify'}
          </button>{' '}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setChallenge(null);
              setCode('');
              setRefused(null);
              setErrors({});
              focus('#email');
            }}
          >
            Start again
          </button>
        </>
      ) : (
        <>
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
        </>
      )}
    </form>
  );
}
