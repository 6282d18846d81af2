import 'server-only';
import nodemailer from 'nodemailer';
import type { Db } from '@/lib/db/client';
import { env } from '@/lib/env';

/**
 * The one outbox. With SMTP_HOST set, a message is sent with nodemailer and only its envelope is kept
 * (its body may carry a live one-time link). Without SMTP settings, or when sending fails, the whole
 * message is kept for admins at /admin/outbox, so invitations work on a laptop.
 *
 *   SMTP_HOST, SMTP_PORT (587), SMTP_SECURE ("true" for implicit TLS, usually port 465),
 *   SMTP_USER, SMTP_PASSWORD, MAIL_FROM ("Quire <bulletin@example.org>"), read by lib/env.ts
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** Mail to a contribution's sender: kept linked, so erasing their data reaches the outbox copy too. */
  contributionId?: string;
  /** An HTML part beside the text (the e-mail edition, mails to subscribers). The outbox keeps the text. */
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
};

export function smtpConfigured(): boolean {
  return env().smtp !== null;
}

/** The SMTP server as configured (the edition's delivery job opens its own pooled transport with these). */
export function smtpSettings() {
  const config = env().smtp;
  return {
    host: config?.host,
    port: config?.port ?? 587,
    secure: config?.secure ?? false,
    auth: config?.user ? { user: config.user, pass: config.password ?? '' } : undefined,
  };
}

export const mailFrom = () => env().mailFrom;

let transport: nodemailer.Transporter | undefined;
function smtp(): nodemailer.Transporter {
  transport ??= nodemailer.createTransport(smtpSettings());
  return transport;
}

/** An error's message with e-mail addresses masked: SMTP answers often quote the recipient, and logs must not. */
export function redactAddresses(message: string): string {
  return message.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>');
}

export async function sendMail(db: Db, mail: Mail): Promise<'kept' | 'sent' | 'failed'> {
  if (!smtpConfigured()) {
    await db.outboxMessage.create({
      data: {
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        contributionId: mail.contributionId,
        status: 'KEPT',
      },
    });
    return 'kept';
  }
  try {
    await smtp().sendMail({
      from: mailFrom(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
    });
    await db.outboxMessage.create({
      data: {
        to: mail.to,
        subject: mail.subject,
        contributionId: mail.contributionId,
        text: '(sent by SMTP; the text is not kept)',
        status: 'SENT',
        sentAt: new Date(),
      },
    });
    return 'sent';
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    console.error(`Quire could not send mail through SMTP: ${redactAddresses(message)}`);
    await db.outboxMessage.create({
      data: {
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        contributionId: mail.contributionId,
        status: 'FAILED',
        error: message.slice(0, 500),
      },
    });
    return 'failed';
  }
}
