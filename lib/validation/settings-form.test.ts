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
      expectedVersion: '7',
    });
    expect(parsed.settings).toMatchObject({ title: 'Trafficking in Migrants', issn: '1020-8852', subtitle: undefined });
    expect(parsed.settings.sectionTemplate).toEqual([
      { title: 'Lead', acceptsKind: 'ARTICLE' },
      { title: 'Meetings', acceptsKind: '' },
    ]);
    expect(parsed.settings).not.toHaveProperty('role');
    expect(parsed.settings).not.toHaveProperty('expectedVersion');
    expect(parsed.expectedVersion).toBe(7);
  });

  it('passes a version that is not digits on as it came, for updateSettings to refuse', () => {
    for (const v of ['x', '-1', '1e3', undefined])
      expect(settingsFormSchema.parse({ expectedVersion: v }).expectedVersion).toBe(v);
  });
});
