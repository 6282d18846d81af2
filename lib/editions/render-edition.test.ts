import { describe, expect, it } from 'vitest';
import type { EditionContent } from './edition-content';
import { editionText, personaliseEdition, renderEdition, UNSUBSCRIBE_PLACEHOLDER, wrapText } from './render-edition';

const content: EditionContent = {
  siteUrl: 'https://bulletin.example.org',
  subscribeUrl: 'https://bulletin.example.org/subscribe',
  issue: { number: 25, label: 'N° 25', coverLabel: 'Spring 2002', url: 'https://bulletin.example.org/issues/25' },
  masthead: { title: 'Trafficking in Migrants', subtitle: 'Quarterly Bulletin', publisher: 'IOM', issn: '1020-0789' },
  sections: [
    {
      title: 'Lead',
      items: [
        {
          title: 'Temporary residence <permits> & "victims"',
          standfirst: 'Several states now grant them.',
          url: 'https://bulletin.example.org/issues/25/lead',
        },
      ],
    },
    {
      title: 'New Publications',
      items: [{ title: 'A review', standfirst: '', url: 'https://bulletin.example.org/issues/25/review' }],
    },
  ],
  disclaimer: 'Opinions expressed are those of the contributors.',
  reproductionNotice: 'Reproduction requires prior authorisation.',
  contact: {
    publisher: 'IOM',
    postalAddress: 'CP 71, CH-1211 Geneva 19',
    phone: '+41 22 717 9111',
    email: 'bulletin@example.org',
    web: 'www.example.org',
  },
};

describe('renderEdition', () => {
  it('makes the HTML and the text part from the same content, escaped, with inline styles', async () => {
    const prepared = await renderEdition(content);
    expect(prepared.subject).toBe('Trafficking in Migrants: N° 25, Spring 2002');
    for (const part of [prepared.html, prepared.text]) {
      for (const needle of ['lead', 'new publications', 'a review', 'cp 71, ch-1211 geneva 19', 'bulletin@example.org'])
        expect(part.toLowerCase()).toContain(needle);
      expect(part).toContain(UNSUBSCRIBE_PLACEHOLDER);
      expect(part).toContain('https://bulletin.example.org/issues/25/lead');
    }
    expect(prepared.html).toContain('Temporary residence &lt;permits&gt; &amp; &quot;victims&quot;');
    expect(prepared.html).not.toContain('<permits>');
    expect(prepared.text).toContain('Temporary residence <permits> & "victims"');
    expect(prepared.html).toMatch(/<a href="https:\/\/bulletin\.example\.org\/issues\/25\/lead" style="[^"]+"/);
    expect(prepared.html).toContain('Opinions expressed are those of the contributors.');
  });

  it('fills in each reader’s unsubscribe link, escaped in the HTML', async () => {
    const prepared = await renderEdition(content);
    const mine = personaliseEdition(prepared, 'https://bulletin.example.org/unsubscribe/abc.def?x=1&y=2');
    expect(mine.html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    expect(mine.text).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    expect(mine.html).toContain('href="https://bulletin.example.org/unsubscribe/abc.def?x=1&amp;y=2"');
    expect(mine.text).toContain('https://bulletin.example.org/unsubscribe/abc.def?x=1&y=2');
  });

  it('leaves out what the settings do not have', () => {
    const text = editionText({
      ...content,
      masthead: { title: 'Q', subtitle: '', publisher: '', issn: '' },
      contact: { publisher: '', postalAddress: '', phone: '', email: '', web: '' },
      disclaimer: '',
      reproductionNotice: '',
    });
    expect(text).not.toContain('Queries and contributions');
    expect(text).not.toContain('ISSN');
  });
});

describe('wrapText', () => {
  it('wraps at the width, keeping words whole, with an indent', () => {
    expect(wrapText('one two three four', 9, '  ')).toBe('  one two\n  three\n  four');
  });
});
