import { describe, expect, it } from 'vitest';
import type { ItemEditorItem } from '@/lib/content/items/dto';
import { docFromParagraphs } from '@/lib/rich-text/document';
import { draftReducer, initialDraft, serverState, type Draft } from './item-draft';
import { emptyValues } from './item-form-values';

const item = (over: Partial<ItemEditorItem> = {}): ItemEditorItem => ({
  id: 'item-1',
  kind: 'MEETING_REPORT',
  state: 'DRAFT',
  version: 3,
  fields: {
    title: 'Bali conference',
    slug: 'bali-conference',
    standfirst: '',
    body: docFromParagraphs(['Ministers met.']),
    tags: [],
    sources: [],
    meetingId: 'm1',
    publicationId: null,
    meetingLabel: 'Bali Ministerial',
    publicationLabel: null,
  },
  author: { name: 'Edith' },
  issue: null,
  section: null,
  permissions: { edit: true, comment: true, resolveComments: false, transitions: [] },
  changeRequest: null,
  lastSaved: null,
  publishedAt: null,
  meetingDetail: 'Bali, 26–28 Feb 2002',
  publicationDetail: null,
  ...over,
});

const run = (draft: Draft, ...actions: Parameters<typeof draftReducer>[1][]) => actions.reduce(draftReducer, draft);

describe('the item draft', () => {
  it('starts from the server’s item, or empty for a new one', () => {
    const d = initialDraft(item());
    expect(d).toMatchObject({ version: 3, itemId: 'item-1', editorKey: 0, slugFollows: true });
    expect(d.values).toBe(d.base);
    expect(d.values.meeting).toEqual({ id: 'm1', label: 'Bali Ministerial' });
    expect(d.details).toEqual({ meeting: 'Bali, 26–28 Feb 2002', publication: null });
    expect(initialDraft(null)).toMatchObject({ version: 0, itemId: null, slugFollows: true, values: emptyValues() });
  });

  it('keeps the slug of an item in a bulletin issue, a published one, or one whose slug was chosen', () => {
    expect(initialDraft(item({ issue: { number: 26, coverLabel: 'Summer 2002' } })).slugFollows).toBe(false);
    expect(initialDraft(item({ state: 'PUBLISHED' })).slugFollows).toBe(false);
    expect(initialDraft(item({ fields: { ...item().fields, slug: 'my-own' } })).slugFollows).toBe(false);
  });

  it('makes the slug from the title until the slug is edited, and again on request', () => {
    let d = run(initialDraft(null), { type: 'edit', patch: { title: 'Boats from Java' } });
    expect(d.values).toMatchObject({ title: 'Boats from Java', slug: 'boats-from-java' });
    d = run(d, { type: 'editSlug', slug: 'boats' }, { type: 'edit', patch: { title: 'Boats from Java, revised' } });
    expect(d.values).toMatchObject({ title: 'Boats from Java, revised', slug: 'boats' });
    expect(d.slugFollows).toBe(false);
    d = run(d, { type: 'slugFromTitle' });
    expect(d).toMatchObject({ slugFollows: true, values: { slug: 'boats-from-java-revised' } });
    // Other fields leave the slug alone.
    expect(run(d, { type: 'edit', patch: { standfirst: 'x' } }).values.slug).toBe('boats-from-java-revised');
  });

  it('links a record with its detail line, and unlinks both', () => {
    let d = run(initialDraft(item()), {
      type: 'link',
      field: 'meeting',
      option: { id: 'm2', label: 'Vienna', detail: 'Vienna, 2002' },
    });
    expect(d.values.meeting).toEqual({ id: 'm2', label: 'Vienna' });
    expect(d.details.meeting).toBe('Vienna, 2002');
    d = run(d, { type: 'link', field: 'meeting', option: null });
    expect(d.values.meeting).toBeNull();
    expect(d.details.meeting).toBeNull();
  });

  it('records what a save or a workflow step left on the server, leaving the screen as it is', () => {
    const typed = run(initialDraft(null), { type: 'edit', patch: { title: 'T' } });
    const saved = run(typed, { type: 'saved', base: typed.values, version: 1, itemId: 'new-1' });
    expect(saved).toMatchObject({ itemId: 'new-1', version: 1, editorKey: 0 });
    expect(saved.base).toBe(typed.values);
    expect(saved.values).toBe(typed.values);
    expect(run(saved, { type: 'moved', version: 2 })).toMatchObject({ version: 2, itemId: 'new-1' });
  });

  it('replaces the values from elsewhere: the text editor restarts, a detail stays only with its record', () => {
    const start = initialDraft(item());
    const theirs = { ...start.values, title: 'Theirs' };
    const same = run(start, { type: 'replace', values: theirs, base: theirs, version: 4 });
    expect(same).toMatchObject({ version: 4, editorKey: 1, details: { meeting: 'Bali, 26–28 Feb 2002' } });
    const other = { ...theirs, meeting: { id: 'm9', label: 'Other' } };
    expect(run(start, { type: 'replace', values: other, base: other, version: 4 }).details.meeting).toBeNull();
    const fresh = serverState(item({ version: 5, meetingDetail: 'Now this' }));
    expect(run(same, { type: 'replace', ...fresh })).toMatchObject({
      version: 5,
      editorKey: 2,
      details: { meeting: 'Now this' },
    });
  });
});
