import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { contributionDetailsSchema } from '@/lib/validation/contribution';

/** One contribution with its replies and the item made from it (editors and admins only). */
export async function getContribution(actor: Actor, id: string) {
  enforceCan(actor, 'contribution.read');
  const c = await getDb().contribution.findUnique({
    where: { id },
    select: {
      id: true,
      reference: true,
      name: true,
      email: true,
      organisation: true,
      kind: true,
      subject: true,
      message: true,
      link: true,
      details: true,
      anonymous: true,
      status: true,
      createdAt: true,
      triagedAt: true,
      erasedAt: true,
      triagedBy: { select: { name: true } },
      item: { select: { id: true, title: true, kind: true } },
      replies: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, text: true, decision: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!c) throw new NotFoundError('No such contribution.');
  const details = contributionDetailsSchema.safeParse(c.details ?? {});
  return { ...c, details: details.success ? details.data : {} };
}
