import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { createSmtpDeliveryTransport, type DeliveryTransport } from '@/lib/editions/run-deliveries';

/** A message the server accepted (answered 250), as mailparser reads it, with its envelope. */
export type Received = { to: string[]; mail: ParsedMail };

export type Refusal = { code: number; message: string } | null;

export type TestSmtp = {
  port: number;
  /** Accepted messages only, in order. */
  received: Received[];
  /** Per recipient: how many messages were accepted. */
  countByRecipient(): Map<string, number>;
  transport(overrides?: Record<string, unknown>): DeliveryTransport;
  close(): Promise<void>;
};

/**
 * A real SMTP server on loopback (smtp-server), for the delivery tests. `onData` may refuse a message
 * (a 4xx or 5xx answer) or hold it (a promise that settles later: the client waits for its answer).
 * A message counts as received only once the server has answered 250, as with a real MTA.
 */
export async function startTestSmtp(
  options: {
    refuseRecipient?: (address: string) => Refusal;
    onData?: (to: string[], session: SMTPServerSession) => Refusal | Promise<Refusal>;
  } = {},
): Promise<TestSmtp> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipient?.(address.address);
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        try {
          const refusal = (await options.onData?.(to, session)) ?? null;
          if (refusal) {
            const error = new Error(refusal.message) as Error & { responseCode: number };
            error.responseCode = refusal.code;
            return callback(error);
          }
          received.push({ to, mail: await simpleParser(Buffer.concat(chunks)) });
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    countByRecipient() {
      const counts = new Map<string, number>();
      for (const r of received) for (const to of r.to) counts.set(to, (counts.get(to) ?? 0) + 1);
      return counts;
    },
    transport: (overrides = {}) =>
      createSmtpDeliveryTransport({
        host: '127.0.0.1',
        port,
        secure: false,
        ignoreTLS: true,
        auth: undefined,
        ...overrides,
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
