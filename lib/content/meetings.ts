import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/authz/policy';
import { enforceCan, requireActor } from '@/lib/authz/enforce';
import { getDb } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { dateFromIso, isoFromDate } from '@/lib/validation/common';
import { parseWith } from '@/lib/validation/field-errors';
import { meetingSchema, type MeetingFields, type MeetingInput } from '@/lib/validation/meeting';

/**
 * Meetings and conferences: anyone with an account may add one (for their report, from the item
 * page); editors curate them. Dates travel as YYYY-MM-DD.
 */

export type MeetingView = MeetingFields & { id: string; reportCount: number; createdAt: Date; updatedAt: Date };

const meetingSelect = {
  id: true,
  name: true,
  startDate: true,
  endDate: true,
  datePrecision: true,
  city: true,
  country: true,
  organisers: true,
  participants: true,
  url: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { items: true } },
} satisfies Prisma.MeetingSelect;

function toView(m: Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>): MeetingView {
  const { _count, startDate, endDate, ...rest } = m;
  return { ...rest, startDate: isoFromDate(startDate), endDate: isoFromDate(endDate), reportCount: _count.items };
}

function columns(fields: MeetingFields) {
  return { ...fields, startDate: dateFromIso(fields.startDate), endDate: dateFromIso(fields.endDate) };
}

function parse(input: unknown): MeetingFields {
  const parsed = parseWith(meetingSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  return parsed.data;
}

export async function createMeeting(actor: Actor, input: MeetingInput): Promise<MeetingView> {
  enforceCan(actor, 'meeting.create');
  const fields = parse(input);
  return toView(await getDb().meeting.create({ data: columns(fields), select: meetingSelect }));
}

/** Editors only: a meeting may be reported on by several people's items. */
export async function updateMeeting(actor: Actor, meetingId: string, input: MeetingInput): Promise<MeetingView> {
  enforceCan(actor, 'meeting.edit');
  const fields = parse(input);
  const db = getDb();
  const { count } = await db.meeting.updateMany({ where: { id: meetingId }, data: columns(fields) });
  if (count === 0) throw new NotFoundError();
  return toView(await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: meetingSelect }));
}

export async function getMeeting(actor: Actor, meetingId: string): Promise<MeetingView> {
  requireActor(actor);
  const meeting = await getDb().meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
  if (!meeting) throw new NotFoundError();
  return toView(meeting);
}

export type ListMeetingsOptions = { q?: string; page?: number; pageSize?: number };

/** For the list page and the item form's picker: newest meetings first, searched by name, place and organisers. */
export async function listMeetings(
  actor: Actor,
  options: ListMeetingsOptions = {},
): Promise<{ meetings: MeetingView[]; total: number; page: number; pageSize: number }> {
  requireActor(actor);
  const page = clampInt(options.page, 1, 10_000, 1);
  const pageSize = clampInt(options.pageSize, 1, 100, 20);
  const words = (options.q ?? '').trim().slice(0, 200).split(/\s+/).filter(Boolean).slice(0, 8);
  const where: Prisma.MeetingWhereInput = {
    AND: words.map((w) => ({
      OR: [
        { name: { contains: w, mode: 'insensitive' } },
        { city: { contains: w, mode: 'insensitive' } },
        { country: { contains: w, mode: 'insensitive' } },
        { organisers: { contains: w, mode: 'insensitive' } },
      ],
    })),
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({
      where,
      orderBy: [{ startDate: { sort: 'desc', nulls: 'last' } }, { name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: meetingSelect,
    }),
  ]);
  return { meetings: rows.map(toView), total, page, pageSize };
}

export function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
