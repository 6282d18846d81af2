import { describe, expect, it } from 'vitest';
import { can } from '@/lib/authz/policy';
import { recordKinds } from './kinds';
import { meetingKind } from './meeting';
import { publicationKind } from './publication';
import { emptyValues, fieldLabels, formValues, recordOption, recordPolicy, type RecordKind } from './record-kind';

const kinds: RecordKind[] = Object.values(recordKinds);
const person = (role: 'CONTRIBUTOR' | 'EDITOR' | 'ADMIN') => ({ id: 'u1', role, status: 'ACTIVE' as const });

describe('every record kind', () => {
  it('is registered under its own key', () => {
    for (const [key, kind] of Object.entries(recordKinds)) expect(kind.key).toBe(key);
  });

  for (const kind of kinds) {
    describe(kind.key, () => {
      const names = kind.fields.map((f) => f.name);

      it('lists every field of its schema once, and nothing else', () => {
        expect([...names].sort()).toEqual(Object.keys(kind.schema.shape).sort());
        expect(new Set(names).size).toBe(names.length);
      });

      it('names only its own fields as title, dates, search and order', () => {
        for (const f of [kind.titleField, kind.list.orderBy, ...kind.dateFields, ...kind.list.search])
          expect(names).toContain(f);
        expect(kind.dateFields).toContain(kind.list.orderBy);
        for (const f of kind.fields.filter((f) => f.control === 'date')) expect(kind.dateFields).toContain(f.name);
      });

      it('gives every choice its options, in both forms', () => {
        for (const f of kind.fields.filter((f) => f.control === 'select' || f.control === 'radio')) {
          expect(f.options?.length).toBeGreaterThan(0);
          const compact = f.compact?.options ?? f.options ?? [];
          expect(compact.map((o) => o.value)).toEqual(f.options?.map((o) => o.value));
        }
      });

      it('starts a new record with values its schema accepts, once the title is given', () => {
        const parsed = kind.schema.safeParse({ ...emptyValues(kind), [kind.titleField]: 'A title' });
        expect(parsed.success).toBe(true);
        const empty = kind.schema.safeParse(emptyValues(kind));
        expect(empty.success).toBe(false);
        expect(empty.error?.issues.map((i) => i.path.join('.'))).toEqual([kind.titleField]);
      });

      it('is added by anyone signed in and changed by editors (the policy decides)', () => {
        expect(can(person('CONTRIBUTOR'), recordPolicy(kind).create)).toBe(true);
        expect(can(person('CONTRIBUTOR'), recordPolicy(kind).edit)).toBe(false);
        expect(can(person('EDITOR'), recordPolicy(kind).edit)).toBe(true);
        expect(can(null, recordPolicy(kind).create)).toBe(false);
      });
    });
  }
});

describe('meetings', () => {
  const bali = meetingKind.schema.parse({
    name: 'Regional Ministerial Conference',
    startDate: '2002-02-26',
    endDate: '2002-02-28',
    city: 'Bali',
    country: 'Indonesia',
  });

  it('start with exact days and empty text', () => {
    expect(emptyValues(meetingKind)).toEqual({
      name: '',
      startDate: '',
      endDate: '',
      datePrecision: 'DAY',
      city: '',
      country: '',
      organisers: '',
      participants: '',
      url: '',
    });
  });

  it('fill the form from a record, missing values as empty strings', () => {
    expect(formValues(meetingKind, bali)).toMatchObject({ startDate: '2002-02-26', url: '', organisers: '' });
  });

  it('are told apart in the picker by dates and place', () => {
    expect(recordOption(meetingKind, { ...bali, id: 'm1' })).toEqual({
      id: 'm1',
      label: 'Regional Ministerial Conference',
      detail: '26–28 February 2002 · Bali, Indonesia',
    });
    expect(meetingKind.describe({ ...bali, startDate: null, endDate: null, city: '', country: '' })).toBe('');
  });

  it('label their fields for the error summary in form order', () => {
    expect(Object.entries(fieldLabels(meetingKind)).slice(0, 3)).toEqual([
      ['name', 'Name of the meeting'],
      ['startDate', 'Start date'],
      ['endDate', 'End date'],
    ]);
  });
});

describe('publications', () => {
  it('start as an available research report, known to the day', () => {
    expect(emptyValues(publicationKind)).toEqual({
      title: '',
      authors: '',
      issuingBody: '',
      date: '',
      datePrecision: 'DAY',
      kind: 'RESEARCH_REPORT',
      availability: 'PUBLISHED',
      url: '',
      isbn: '',
    });
  });

  it('are told apart in the picker by issuing body (or authors), date, kind and a forthcoming release', () => {
    const base = publicationKind.schema.parse({
      title: 'Trafficking in Kosovo',
      issuingBody: 'IOM',
      kind: 'ASSESSMENT',
    });
    expect(publicationKind.describe({ ...base, availability: 'FORTHCOMING' })).toBe(
      'IOM · Assessment · To be released',
    );
    expect(
      publicationKind.describe({
        ...base,
        issuingBody: '',
        authors: 'J. Salt',
        date: '2002-06-01',
        datePrecision: 'MONTH',
      }),
    ).toBe('J. Salt · June 2002 · Assessment');
  });
});
