import type { Mail } from '@/lib/mail/send-mail';
import { formatUtcInWords } from '@/lib/format/dates';

/** The texts of account mail. Plain text: nothing to render, nothing to sanitise. */

export function invitationMail(o: { to: string; name: string; inviter: string; link: string; expiresAt: Date }): Mail {
  return {
    to: o.to,
    subject: 'You are invited to the Quire back office',
    text: [
      `Dear ${o.name},`,
      '',
      `${o.inviter} has invited you to work on the bulletin in Quire.`,
      'Choose your password here to activate your account:',
      '',
      o.link,
      '',
      `The link works once and until ${formatUtcInWords(o.expiresAt)}.`,
      'If you did not expect this invitation, ignore this message.',
    ].join('\n'),
  };
}

export function passwordResetMail(o: { to: string; name: string; link: string; expiresAt: Date }): Mail {
  return {
    to: o.to,
    subject: 'Set a new password for Quire',
    text: [
      `Dear ${o.name},`,
      '',
      'An administrator has issued you a link to set a new password for Quire:',
      '',
      o.link,
      '',
      `The link works once and until ${formatUtcInWords(o.expiresAt)}.`,
      'Your current password keeps working until you set a new one. Setting one signs you out everywhere.',
    ].join('\n'),
  };
}

export function passwordRecoveryMail(o: { to: string; name: string; link: string; expiresAt: Date }): Mail {
  return {
    to: o.to,
    subject: 'Your Quire password link',
    text: [
      `Dear ${o.name},`,
      '',
      'Someone, probably you, asked on the sign-in page for a way to set a new password for Quire.',
      'Choose your new password here:',
      '',
      o.link,
      '',
      `The link works once and until ${formatUtcInWords(o.expiresAt)}.`,
      'Setting a new password signs you out everywhere. If you did not ask for this, ignore this message:',
      'your password stays as it is.',
    ].join('\n'),
  };
}
