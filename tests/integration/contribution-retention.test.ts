/**
 * Retention: declined and spam contributions older than the setting (default 90 days) are deleted
 * with their replies and outbox copies; new, in-progress and accepted ones stay; two runs at once do
 * the work once.
 */
import { describe, expect, it } from 'vitest';
import { deleteExpiredContributions } from '@/lib/contributions/delete-expired-contributions';
import { useAppClient } from '../helpers/app-client';

const app = useAppClient({ fresh: true });
let seq = 0;

async function contribution(status: 'NEW' | 'IN_PROGRESS' | 'ACCEPTED' | 'DECLINED' | 'SPAM', daysAgo: number) {
  seq += 1;
  const c = await app.db.contribution.create({
    data: {
      reference: `IX-RTN${seq}-${String(daysAgo).padStart(4, '0')}`,
      name: 'Sender',
      email: `sender-${seq}@example.test`,
      kind: 'NEWS',
      subject: 's',
      message: 'm',
      consent: true,
      status,
      createdAt: new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000),
    },
  });
  await app.db.outboxMessage.create({
    data: { to: c.email, subject: 'x', text: 'y', status: 'KEPT', contributionId: c.id },
  });
  return c;
}

describe('contribution retention', () => {
  it('deletes only declined and spam contributions past the period, with their mail', async () => {
    await app.db.publicationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, title: 'Test' },
      update: { contributionRetentionDays: 90 },
    });
    const oldDeclined = await contribution('DECLINED', 91);
    const oldSpam = await contribution('SPAM', 200);
    const recentDeclined = await contribution('DECLINED', 10);
    const oldNew = await contribution('NEW', 300);
    const oldAccepted = await contribution('ACCEPTED', 300);
    const [a, b] = await Promise.all([
      deleteExpiredContributions({ db: app.db }),
      deleteExpiredContributions({ db: app.db }),
    ]);
    expect(a.deleted + b.deleted).toBe(2);
    const left = (await app.db.contribution.findMany({ select: { id: true } })).map((c) => c.id).sort();
    expect(left).toEqual([recentDeclined.id, oldNew.id, oldAccepted.id].sort());
    expect(await app.db.outboxMessage.count({ where: { to: { in: [oldDeclined.email, oldSpam.email] } } })).toBe(0);
  });

  it('follows the setting', async () => {
    await app.db.publicationSettings.update({ where: { id: 1 }, data: { contributionRetentionDays: 5 } });
    const c = await contribution('SPAM', 6);
    const r = await deleteExpiredContributions({ db: app.db });
    expect(r).toMatchObject({ ran: true, days: 5 });
    expect(await app.db.contribution.findUnique({ where: { id: c.id } })).toBeNull();
  });
});
