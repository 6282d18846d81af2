import { describe, expect, it } from 'vitest';
import { settingsFormSchema } from './settings-form';

describe('the settings form as posted', () => {
  it('collects numbered template rows in order and keeps the other fields', () => {
    const parsed = settingsFormSchema.parse({
      title: 'Trafficking in Migrants',
      issn: '1020-8852',
      'sectionTemplate.1.title': 'Meetings',
      'sectionTemplate.0.title': 'Lead',
      'sectionTemplate.0.acceptsKind': 'ARTICLE',
      'sectionTemplate.1.acceptsKind': '',
      'sectionTemplate.x.title': 'ignored',
      role: 'ADMIN',
    });
    expect(parsed).toMatchObject({ title: 'Trafficking in Migrants', issn: '1020-8852', subtitle: undefined });
    expect(parsed.sectionTemplate).toEqual([
      { title: 'Lead', acceptsKind: 'ARTICLE' },
      { title: 'Meetings', acceptsKind: '' },
    ]);
    expect(parsed).not.toHaveProperty('role');
  });
});
