/**
 * What an SMTP failure means for one delivery. Pure (unit-tested).
 *
 * - `connection`: no answer about this message at all (cannot connect, TLS or authentication failed,
 *   timeout, 421 "service not available"). Not the message's fault: it goes back in the queue without
 *   using up an attempt, and the runner stops its batch (the next messages would fail the same way).
 * - `retry`: a temporary refusal of this message (4xx, e.g. 450 mailbox busy, 451 greylisting): tried
 *   again later with back-off, up to the maximum number of attempts.
 * - `bounce`: the server refused the recipient for good (5xx at RCPT TO, e.g. 550 5.1.1 no such
 *   user): the delivery fails and the subscriber is marked BOUNCED, so no later edition is tried.
 * - `fail`: any other permanent refusal (5xx at DATA: content refused): the delivery fails.
 */
export type SmtpOutcome = 'connection' | 'retry' | 'bounce' | 'fail';

type SmtpError = { code?: unknown; responseCode?: unknown; command?: unknown; response?: unknown; message?: unknown };

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EAUTH',
  'ETLS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROTOCOL',
  'ENOAUTH',
  'EOAUTH2',
]);
const CONNECTION_COMMANDS = new Set(['CONN', 'EHLO', 'HELO', 'AUTH', 'AUTH PLAIN', 'AUTH LOGIN', 'STARTTLS']);

export function classifySmtpError(error: unknown): SmtpOutcome {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const code = typeof e.code === 'string' ? e.code : '';

  if (responseCode === 421) return 'connection';
  if (responseCode !== null && responseCode >= 400 && responseCode < 500)
    return CONNECTION_COMMANDS.has(command) ? 'connection' : 'retry';
  if (responseCode !== null && responseCode >= 500) {
    if (CONNECTION_COMMANDS.has(command)) return 'connection';
    if (command === 'RCPT TO') return 'bounce';
    return 'fail';
  }
  if (CONNECTION_CODES.has(code)) return 'connection';
  return 'retry';
}

/** The server's answer, or the error's message, short enough to keep and show. */
export function smtpAnswer(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const text =
    typeof e.response === 'string' && e.response
      ? e.response
      : typeof e.message === 'string'
        ? e.message
        : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** Back-off after the n-th attempt of a temporary refusal: 1, 2, 4, 8… minutes, at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** How long a message waits after a connection-level failure (the server may be restarting). */
export const CONNECTION_RETRY_MS = 30_000;
