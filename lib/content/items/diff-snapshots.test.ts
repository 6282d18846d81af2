import { describe, expect, it } from 'vitest';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { diffSnapshots, wordDiff } from './diff-snapshots';
import type { ItemSnapshot } from './snapshot';

const base: ItemSnapshot = {
  title: 'Title',
  slug: 'title',
  standfirst: '',
  body: docFromParagraphs(['One two three.']),
  tags: [],
  sources: [
    { name: 'A', url: null, date: null },
    { name: 'B', url: null, date: null },
  ],
  meetingId: null,
  publicationId: null,
  meetingLabel: null,
  publicationLabel: null,
};

describe('diffSnapshots', () => {
  it('finds nothing between equal snapshots', () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });

  it('diffs words and marks reordered sources', () => {
    const changes = diffSnapshots(base, {
      ...base,
      body: docFromParagraphs(['One four three.']),
      sources: [...base.sources].reverse(),
    });
    expect(changes).toEqual([
      {
        field: 'body',
        label: 'Text',
        type: 'text',
        formattingOnly: false,
        parts: [
          { value: 'One ' },
          { value: 'two', removed: true },
          { value: 'four', added: true },
          { value: ' three.' },
        ],
      },
      { field: 'sources', label: 'Sources', type: 'list', added: [], removed: [], reordered: true },
    ]);
  });

  it('names linked records by their label, or their id when the label is gone', () => {
    expect(diffSnapshots(base, { ...base, meetingId: 'm1', meetingLabel: 'Bali' })).toEqual([
      { field: 'meeting', label: 'Meeting', type: 'value', before: null, after: 'Bali' },
    ]);
    expect(diffSnapshots(base, { ...base, publicationId: 'p1' })[0]).toMatchObject({ after: 'p1' });
  });

  it('wordDiff keeps every character of both texts', () => {
    const parts = wordDiff('The boat left at dawn.', 'The ship left at night.');
    expect(
      parts
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join(''),
    ).toBe('The boat left at dawn.');
    expect(
      parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(''),
    ).toBe('The ship left at night.');
  });
});
