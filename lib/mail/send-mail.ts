import 'server-only';
import nodemailer from 'nodemailer';
import type { Db } from '@/lib/db/client';

/**
 * The one outbox. With SMTP_HOST set, a message is sent with nodemailer and only its envelope is kept
 * (its body may carry a live one-time link). Without SMTP settings, or when sending fails, the whole
 * message is kept for admins at /admin/outbox, so invitations work on a laptop.
 *
 *   SMTP_HOST, SMTP_PORT (587), SMTP_SECURE ("true" for implicit TLS, usually port 465),
 *   SMTP_USER, SMTP_PASSWORD, MAIL_FROM ("Quire <bulletin@example.org>")
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** Mail to a contribution's sender: kept linked, so erasing their data reaches the outbox copy too. */
  contributionId?: string;
};

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_HOST);
}

let transport: nodemailer.Transporter | undefined;
function smtp(): nodemailer.Transporter {
  transport ??= nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: process.env.SMTP_SECURE === 'true',
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? '' } : undefined,
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
      from: process.env.MAIL_FROM ?? 'Quire <no-reply@localhost>',
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
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
    console.error('Quire could not send mail through SMTP', error);
    await db.outboxMessage.create({
      data: { ...mail, status: 'FAILED', error: String(error instanceof Error ? error.message : error).slice(0, 500) },
    });
    return 'failed';
  }
}

/** The site's own address for links in mail: from configuration, never from the request's Host header. */
export function siteUrl(): string {
  return (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}
