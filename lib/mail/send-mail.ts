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
export type Mail = { to: string; subject: string; text: string };

export function smtpConfigured(): boolean {
  return env().smtp !== null;
}

let transport: nodemailer.Transporter | undefined;
function smtp(): nodemailer.Transporter {
  const config = env().smtp!;
  transport ??= nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
  });
  return transport;
}

export async function sendMail(db: Db, mail: Mail): Promise<'kept' | 'sent' | 'failed'> {
  if (!smtpConfigured()) {
    await db.outboxMessage.create({ data: { ...mail, status: 'KEPT' } });
    return 'kept';
  }
  try {
    await smtp().sendMail({
      from: env().mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    await db.outboxMessage.create({
      data: {
        to: mail.to,
        subject: mail.subject,
        text: '(sent by SMTP; the text is not kept)',
        status: 'SENT',
        sentAt: new Date(),
      },
    });
    return 'sent';
  } catch (error) {
    console.error('Quire could not send mail through SMTP', error);
    await db.outboxMessage.create({
      data: { ...mail, status: 'FAILED', error: String(error instanceof Error ? error.message : error).slice(0, 500) },
    });
    return 'failed';
  }
}
