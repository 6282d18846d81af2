import { z } from 'zod';
import type { FieldErrors } from './field-errors';

/**
 * The audit log's filters as the URL carries them (`/admin/audit?actor=…&action=…&entity=…&from=…&to=…`),
 * shared by the page and the CSV export so both show the same rows. A value that cannot be used is
 * left out of the query and answered with a message next to its field; the raw text is kept so the
 * form shows what was typed.
 */
export type AuditFilter = {
  /** A user id, or "system" for events without an actor (schedules, readers' own actions). */
  actor?: string;
  /** An exact action ("item.approve") or a family ending in a dot ("item."). */
  action?: string;
  /** An entity type ("Item"), optionally with an id: "Item:cku…". */
  entityType?: string;
  entityId?: string;
  /** Inclusive UTC calendar days. */
  from?: Date;
  to?: Date;
  page: number;
};

export type AuditFilterRaw = Record<'actor' | 'action' | 'entity' | 'from' | 'to', string>;

export type ParsedAuditFilter = { filter: AuditFilter; raw: AuditFilterRaw; fieldErrors: FieldErrors };

type Params = Record<string, string | string[] | undefined>;

const first = (params: Params, name: string) => {
  const v = params[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim().slice(0, 200);
};

const actorSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Choose a person from the list.');
const actionSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]*)?$/,
    'Use an action such as item.approve, or item. for every item action.',
  );
const entitySchema = z
  .string()
  .regex(/^[A-Za-z]{1,40}(:[A-Za-z0-9_*-]{1,64})?$/, 'Use a kind such as Item, or Item:<id> for one record.');
const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2002-03-11.')
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: 'custom', message: 'There is no such day.' });
      return z.NEVER;
    }
    return d;
  });

export const AUDIT_PAGE_SIZE = 50;

export function parseAuditFilter(params: Params): ParsedAuditFilter {
  const raw: AuditFilterRaw = {
    actor: first(params, 'actor'),
    action: first(params, 'action'),
    entity: first(params, 'entity'),
    from: first(params, 'from'),
    to: first(params, 'to'),
  };
  const fieldErrors: FieldErrors = {};
  const filter: AuditFilter = { page: 1 };
  const take = <T>(name: keyof AuditFilterRaw, schema: z.ZodType<T>): T | undefined => {
    if (!raw[name]) return undefined;
    const r = schema.safeParse(raw[name]);
    if (r.success) return r.data;
    fieldErrors[name] = r.error.issues.map((i) => i.message);
    return undefined;
  };
  filter.actor = take('actor', actorSchema);
  filter.action = take('action', actionSchema);
  const entity = take('entity', entitySchema);
  if (entity) {
    const [type, id] = entity.split(':');
    filter.entityType = type;
    filter.entityId = id;
  }
  filter.from = take('from', daySchema);
  filter.to = take('to', daySchema);
  if (filter.from && filter.to && filter.to < filter.from) {
    fieldErrors.to = ['The end of the range is before its start.'];
    filter.to = undefined;
  }
  const page = first(params, 'page');
  filter.page = /^\d{1,6}$/.test(page) ? Math.max(1, Number(page)) : 1;
  return { filter, raw, fieldErrors };
}

/** The query string of a filter, for links (paging, the CSV export); empty values are left out. */
export function auditFilterQuery(filter: AuditFilter, extra: { page?: number } = {}): string {
  const search = new URLSearchParams();
  if (filter.actor) search.set('actor', filter.actor);
  if (filter.action) search.set('action', filter.action);
  if (filter.entityType)
    search.set('entity', filter.entityId ? `${filter.entityType}:${filter.entityId}` : filter.entityType);
  if (filter.from) search.set('from', filter.from.toISOString().slice(0, 10));
  if (filter.to) search.set('to', filter.to.toISOString().slice(0, 10));
  if (extra.page && extra.page > 1) search.set('page', String(extra.page));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const hasAuditFilters = (f: AuditFilter) => !!(f.actor || f.action || f.entityType || f.from || f.to);
