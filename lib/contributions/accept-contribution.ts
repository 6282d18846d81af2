import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ItemKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan } from '@/lib/authz/enforce';
import { recordEvent } from '@/lib/audit/record-event';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { dateFromIso, isWebUrl } from '@/lib/validation/common';
import { contributionDetailsSchema } from '@/lib/validation/contribution';
import { parseWith } from '@/lib/validation/field-errors';
import { ITEM_LIMITS, itemSchema, type ItemInput } from '@/lib/validation/item';
import { slugFromTitle } from '@/lib/validation/slug';
import { itemColumns, snapshotOf, writeSourcesAndTags } from '@/lib/content/items/item-fields';
import { recordRevision } from '@/lib/content/items/record-revision';
import { lockContribution, requireUndecided } from './lock-contribution';

export type AcceptContributionOptions = {
  contributionId: string;
  db?: Db;
  /** Test seam: runs inside the transaction after the item is written and before the contribution is linked. */
  afterItemWritten?: (tx: Prisma.TransactionClient) => Promise<void>;
};

const ITEM_KIND: Record<string, ItemKind> = {
  MEETING: 'MEETING_REPORT',
  PUBLICATION: 'PUBLICATION_REVIEW',
};

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Accepts a contribution as a draft item owned by the accepting editor, in one transaction: a meeting
 * report with a new or matched meeting (same name and start date), a publication review with a new or
 * matched publication (same title and issuing body), or an article; the sender credited as the first
 * source (name, organisation, date received) unless they asked not to be named or their data was
 * erased; revision 1; the contribution linked and marked accepted; one audit event
 * ("contribution.accept", no personal data). The row is locked first, so two clicks accept once.
 */
export async function acceptContribution(actor: Actor, options: AcceptContributionOptions) {
  const editor = enforceCan(actor, 'contribution.accept');
  const db = options.db ?? getDb();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const locked = await lockContribution(tx, options.contributionId);
    requireUndecided(locked);
    const c = await tx.contribution.findUniqueOrThrow({ where: { id: locked.id } });
    const details = contributionDetailsSchema.parse(c.details ?? {});
    const kind = ITEM_KIND[c.kind] ?? 'ARTICLE';
    const title = clip(c.subject.trim() || `Information Exchange ${c.reference}`, ITEM_LIMITS.title);
    const link = c.link && isWebUrl(c.link) ? c.link : null;
    const received = c.createdAt.toISOString().slice(0, 10);
    const credited = !c.anonymous && !c.erasedAt && c.name.trim() !== '';
    const sourceName = credited
      ? clip([c.name.trim(), c.organisation.trim()].filter(Boolean).join(', '), ITEM_LIMITS.sourceName)
      : 'A reader, through Information Exchange';

    let meetingId: string | null = null;
    let publicationId: string | null = null;
    let recordLabel: string | null = null;
    if (kind === 'MEETING_REPORT') {
      const startDate = dateFromIso(details.meetingStart ?? null);
      const match = await tx.meeting.findFirst({
        where: { name: { equals: title, mode: 'insensitive' }, startDate },
        select: { id: true, name: true },
      });
      const meeting =
        match ??
        (await tx.meeting.create({
          data: {
            name: title,
            startDate,
            endDate: dateFromIso(details.meetingEnd ?? null),
            city: details.meetingCity ?? '',
            country: details.meetingCountry ?? '',
            url: link,
          },
          select: { id: true, name: true },
        }));
      meetingId = meeting.id;
      recordLabel = meeting.name;
    } else if (kind === 'PUBLICATION_REVIEW') {
      const issuingBody = details.issuingBody ?? '';
      const match = await tx.publication.findFirst({
        where: {
          title: { equals: title, mode: 'insensitive' },
          issuingBody: { equals: issuingBody, mode: 'insensitive' },
        },
        select: { id: true, title: true },
      });
      const publication =
        match ??
        (await tx.publication.create({
          data: { title, issuingBody, availability: details.availability ?? 'PUBLISHED', url: link },
          select: { id: true, title: true },
        }));
      publicationId = publication.id;
      recordLabel = publication.title;
    }

    const input: ItemInput = {
      kind,
      title,
      slug: slugFromTitle(title) || `contribution-${c.reference.toLowerCase()}`,
      standfirst: '',
      body: docFromParagraphs(c.message.split(/\r?\n\s*\r?\n/)),
      tags: [],
      sources: [{ name: sourceName, url: null, date: received }],
      meetingId,
      publicationId,
    };
    const parsed = parseWith(itemSchema, input);
    if (!parsed.ok) throw new ValidationError(parsed.fieldErrors, 'This contribution cannot become an item as it is.');
    const fields = parsed.data;

    const item = await tx.item.create({
      data: { kind, ...itemColumns(fields), authorId: editor.id, state: 'DRAFT', version: 1 },
      select: { id: true, slug: true },
    });
    const tags = await writeSourcesAndTags(tx, item.id, fields);
    await recordRevision(tx, {
      itemId: item.id,
      authorId: editor.id,
      kind: 'SAVE',
      itemVersion: 1,
      basedOnVersion: 0,
      snapshot: snapshotOf(fields, tags, { meetingLabel: recordLabel, publicationLabel: recordLabel }),
      now,
    });
    if (options.afterItemWritten) await options.afterItemWritten(tx);

    await tx.contribution.update({
      where: { id: c.id },
      data: { status: 'ACCEPTED', itemId: item.id, triagedById: editor.id, triagedAt: now },
    });
    await recordEvent(tx, {
      actorId: editor.id,
      action: 'contribution.accept',
      entityType: 'Contribution',
      entityId: c.id,
      fromState: locked.status,
      toState: 'ACCEPTED',
      data: { itemId: item.id, itemKind: kind, meetingId, publicationId, credited },
    });
    return { itemId: item.id, kind, meetingId, publicationId };
  });
}
