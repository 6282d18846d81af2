import { z } from 'zod';
import { newPasswordProblem } from '@/lib/auth/password-rules';
import { cleanString } from './common';

/** Shared by the account forms (for their limits) and the server actions (which parse with them). */

export const ROLES = ['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const;

const trimmed = (max: number, what: string) =>
  cleanString('single-line', `Enter ${what}.`)
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Use at most ${max} characters.`);

export const nameField = trimmed(120, 'a name');
export const emailField = z
  .string({ error: 'Enter an e-mail address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an e-mail address.')
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter an e-mail address like name@example.org.'));
export const roleField = z.enum(ROLES, { error: 'Choose a role.' });
export const idField = cleanString('single-line', 'Missing account.').min(1).max(64);

/** A new password: length and the common-password list (async; server only). */
export const newPasswordField = z
  .string({ error: 'Enter a password.' })
  .max(1024, 'Use at most 128 characters.')
  .superRefine(async (password, ctx) => {
    const problem = await newPasswordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function confirmed<T extends { password: string; confirmPassword: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.password !== value.confirmPassword)
    ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two passwords differ.' });
}

export const inviteUserSchema = z.object({ name: nameField, email: emailField, role: roleField });
export const userIdSchema = z.object({ userId: idField });
export const changeRoleSchema = z.object({ userId: idField, role: roleField });
export const updateProfileSchema = z.object({ name: nameField });
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .superRefine(confirmed);
export const setPasswordSchema = z
  .object({ token: z.string().min(1).max(200), password: newPasswordField, confirmPassword: z.string() })
  .superRefine(confirmed);

/** An action that takes nothing but the person's own session (sign out everywhere). */
export const noInputSchema = z.object({});

/** "Forgot your password?": the address to send a link to. */
export const forgotPasswordSchema = z.object({ email: emailField });
