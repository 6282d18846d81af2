import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '@/lib/rich-text/document';
import {
  applyMerge,
  changedFields,
  contestedFields,
  emptyValues,
  isDirty,
  mergePlan,
  payloadOf,
  type FormValues,
} from './item-form-values';

const base: FormValues = {
  ...emptyValues(),
  title: 'Bali conference',
  standfirst: 'Ministers met.',
  body: docFromParagraphs(['Ministers met in Bali.']),
  tags: [{ kind: 'COUNTRY', name: 'Indonesia' }],
  sources: [{ key: 'a', name: 'IOM', url: '', date: '' }],
};

describe('the item form values', () => {
  it('are unchanged by editor noise, end whitespace, tag spelling and row keys', () => {
    const same: FormValues = {
      ...base,
      title: ' Bali conference ',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            attrs: { textAlign: null },
            content: [{ type: 'text', text: 'Ministers met in Bali.' }],
          },
        ],
      } as never,
      tags: [{ kind: 'COUNTRY', name: 'indonesia' }],
      sources: [{ key: 'other', name: 'IOM', url: ' ', date: '' }],
    };
    expect(isDirty(same, base)).toBe(false);
    expect(
      changedFields(base, { ...base, sources: [...base.sources, { key: 'b', name: 'UNHCR', url: '', date: '' }] }),
    ).toEqual(['sources']);
  });

  it('send only the link that fits the kind', () => {
    const v = { ...base, meeting: { id: 'm1', label: 'Bali' }, publication: { id: 'p1', label: 'Report' } };
    expect(payloadOf('MEETING_REPORT', v)).toMatchObject({ meetingId: 'm1', publicationId: null });
    expect(payloadOf('PUBLICATION_REVIEW', v)).toMatchObject({ meetingId: null, publicationId: 'p1' });
    expect(payloadOf('ARTICLE', v)).toMatchObject({ meetingId: null, publicationId: null });
  });
});

describe('keep mine on top', () => {
  const mine: FormValues = { ...base, title: 'Bali conference: the outcome' };
  const theirs: FormValues = { ...base, body: docFromParagraphs(['Ministers met in Bali.', 'They agreed on a plan.']) };

  it('takes the fields only I changed from me and the rest from them', () => {
    const plan = mergePlan(base, mine, theirs);
    expect(contestedFields(plan)).toEqual([]);
    const merged = applyMerge(mine, theirs, plan);
    expect(merged.title).toBe('Bali conference: the outcome');
    expect(merged.body).toEqual(theirs.body);
  });

  it('asks about fields both changed, mine unless told otherwise', () => {
    const mine2: FormValues = { ...mine, body: docFromParagraphs(['Ministers met in Bali, Indonesia.']) };
    const plan = mergePlan(base, mine2, theirs);
    expect(contestedFields(plan)).toEqual(['body']);
    expect(applyMerge(mine2, theirs, plan).body).toEqual(mine2.body);
    expect(applyMerge(mine2, theirs, mergePlan(base, mine2, theirs, { body: 'theirs' })).body).toEqual(theirs.body);
  });

  it('does not count the same change made by both as contested', () => {
    const plan = mergePlan(base, mine, { ...theirs, title: mine.title });
    expect(contestedFields(plan)).toEqual([]);
  });
});
