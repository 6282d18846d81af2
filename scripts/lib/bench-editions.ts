/**
 * The e-mail edition's part of `npm run bench`: preparing and queueing an edition for 50,000
 * subscribers (the publish transaction, MJML rendering included), then the delivery job's throughput
 * against an SMTP server on loopback (smtp-server in this same process, which drains each message
 * without parsing it), with one runner and with two. Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { PrismaClient } from '@/generated/prisma/client';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 50_000);
const DELIVER = Number(process.env.BENCH_DELIVER ?? 2_000);

export async function benchEditions(db: PrismaClient) {
  const { publishIssue } = await import('@/lib/issues/publish-issue');
  const { runDeliveries } = await import('@/lib/editions/run-deliveries');
  const { getMailingSettings } = await import('@/lib/editions/mailing-settings');
  const { loadEditionContent } = await import('@/lib/editions/edition-content');
  const { renderEdition } = await import('@/lib/editions/render-edition');
  const { createSmtpDeliveryTransport } = await import('@/lib/editions/run-deliveries');

  const editor = await db.user.findUniqueOrThrow({ where: { email: 'editor@quire.test' } });
  await getMailingSettings(db);
  await db.mailingSettings.update({ where: { id: 1 }, data: { sendRatePerMinute: 100_000 } });

  let t = performance.now();
  await db.$executeRaw`
    INSERT INTO "Subscriber" ("id", "email", "name", "status", "consentText", "consentSource", "confirmedAt", "updatedAt")
    SELECT 'bench-' || g, 'reader-' || g || '@bench.test', 'Reader ' || g, 'CONFIRMED', 'bench', 'form', now(), now()
    FROM generate_series(1, ${SUBSCRIBERS}::int) AS g`;
  const seedMs = performance.now() - t;

  // A ready issue of 40 approved items over four sections.
  const issue = await db.issue.create({
    data: {
      number: 901,
      coverLabel: 'Bench edition 2002',
      state: 'IN_PRODUCTION',
      sections: { create: ['Lead', 'Meetings', 'New', 'Exchange'].map((title, position) => ({ title, position })) },
    },
    include: { sections: true },
  });
  await db.item.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      kind: 'ARTICLE' as const,
      title: `Edition bench item ${i + 1}`,
      slug: `edition-bench-${i + 1}`,
      standfirst: 'A standfirst of about the length the bulletin uses, a sentence or two on what the item reports.',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }] },
      bodyText: 'Body.',
      state: 'APPROVED' as const,
      authorId: editor.id,
      issueId: issue.id,
      sectionId: issue.sections[i % 4]!.id,
      position: i,
    })),
  });

  const content = (await loadEditionContent(db, issue.id, 'placed'))!;
  await renderEdition(content);
  t = performance.now();
  const rendered = await renderEdition(content);
  const renderMs = performance.now() - t;

  t = performance.now();
  await publishIssue({ id: editor.id, role: 'EDITOR', status: 'ACTIVE' }, issue.id, { expectedVersion: issue.version });
  const publishMs = performance.now() - t;
  const queued = await db.editionDelivery.count({ where: { status: 'QUEUED' } });

  // Delivery: only the first DELIVER rows are due now; the rest wait (so the bench ends in reasonable time).
  await db.$executeRaw`
    UPDATE "EditionDelivery" SET "nextAttemptAt" = now() + interval '1 day'
    WHERE "id" NOT IN (SELECT "id" FROM "EditionDelivery" ORDER BY "id" LIMIT ${DELIVER * 2})`;
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = () =>
    createSmtpDeliveryTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: undefined });

  const runners = async (n: number, count: number) => {
    const start = performance.now();
    const before = accepted;
    const ts = Array.from({ length: n }, transport);
    // Each runner stops once `count` messages in all have gone (maxBatches keeps the rest for the next round).
    await Promise.all(
      ts.map((tr, i) =>
        runDeliveries({
          transport: tr,
          workerId: `bench-${n}-${i}`,
          batchSize: 50,
          maxBatches: Math.ceil(count / n / 50),
        }),
      ),
    );
    ts.forEach((tr) => tr.close());
    const ms = performance.now() - start;
    return { sent: accepted - before, ms, perSecond: ((accepted - before) / ms) * 1000 };
  };
  const one = await runners(1, DELIVER);
  const two = await runners(2, DELIVER);
  await new Promise<void>((resolve) => server.close(() => resolve()));

  console.table([
    { what: `seed ${SUBSCRIBERS} confirmed subscribers (SQL)`, ms: seedMs.toFixed(0) },
    {
      what: `render the edition once (40 items, ${(rendered.html.length / 1024).toFixed(0)} KB HTML)`,
      ms: renderMs.toFixed(0),
    },
    { what: `publish + prepare + queue for ${queued} subscribers (one transaction)`, ms: publishMs.toFixed(0) },
    {
      what: `deliver ${one.sent} messages, 1 runner (loopback SMTP)`,
      ms: one.ms.toFixed(0),
      per_s: one.perSecond.toFixed(0),
    },
    {
      what: `deliver ${two.sent} messages, 2 runners (loopback SMTP)`,
      ms: two.ms.toFixed(0),
      per_s: two.perSecond.toFixed(0),
    },
  ]);
}
