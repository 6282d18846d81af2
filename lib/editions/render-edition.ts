import mjml2html from 'mjml';
import type { EditionContent } from './edition-content';

/**
 * The e-mail edition as HTML (MJML: table layout that renders in the common clients, every style
 * inlined) and as plain text, both from one EditionContent. Each reader's unsubscribe link is left as
 * UNSUBSCRIBE_PLACEHOLDER and filled in per message (personaliseEdition), so an edition is rendered
 * once however many subscribers it has.
 */
export const UNSUBSCRIBE_PLACEHOLDER = '%%QUIRE_UNSUBSCRIBE_URL%%';

export type PreparedEdition = { subject: string; html: string; text: string };

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** An http(s) address as given in the settings ("www.iom.int" → https://www.iom.int). */
const webHref = (web: string) => (/^https?:\/\//i.test(web) ? web : `https://${web}`);

export function editionSubject(content: EditionContent): string {
  const cover = content.issue.coverLabel ? `, ${content.issue.coverLabel}` : '';
  return `${content.masthead.title}: ${content.issue.label}${cover}`;
}

const INK = '#1d1d1b';
const MUTED = '#5b5b57';
const ACCENT = '#7a1f1f';
const SERIF = "Georgia, 'Times New Roman', serif";

function contactLines(c: EditionContent['contact']): string[] {
  return [
    c.publisher,
    c.postalAddress,
    c.phone && `Tel. ${c.phone}`,
    c.email && `E-mail: ${c.email}`,
    c.web && `Web: ${c.web}`,
  ].filter((l): l is string => Boolean(l));
}

function htmlContact(c: EditionContent['contact']): string {
  const lines = [
    c.publisher && esc(c.publisher),
    c.postalAddress && esc(c.postalAddress),
    c.phone && `Tel. ${esc(c.phone)}`,
    c.email && `E-mail: <a href="mailto:${esc(c.email)}" style="color:${ACCENT}">${esc(c.email)}</a>`,
    c.web && `Web: <a href="${esc(webHref(c.web))}" style="color:${ACCENT}">${esc(c.web)}</a>`,
  ].filter(Boolean);
  return lines.join('<br />');
}

function mjmlSource(content: EditionContent): string {
  const { masthead, issue } = content;
  const firstTitle = content.sections[0]?.items[0]?.title ?? '';
  const sections = content.sections
    .map(
      (section) => `
      <mj-section padding="8px 24px 0">
        <mj-column>
          <mj-text mj-class="section">${esc(section.title)}</mj-text>
          ${section.items
            .map(
              (item) => `
          <mj-text mj-class="item-title"><a href="${esc(item.url)}" style="color:${INK};text-decoration:none">${esc(item.title)}</a></mj-text>
          ${item.standfirst ? `<mj-text mj-class="standfirst">${esc(item.standfirst)}</mj-text>` : ''}
          <mj-text mj-class="read"><a href="${esc(item.url)}" style="color:${ACCENT}">Read it on the website</a></mj-text>`,
            )
            .join('')}
        </mj-column>
      </mj-section>`,
    )
    .join('');
  const contact = htmlContact(content.contact);
  return `<mjml lang="en">
  <mj-head>
    <mj-title>${esc(editionSubject(content))}</mj-title>
    <mj-preview>${esc(`${issue.label}${issue.coverLabel ? ` · ${issue.coverLabel}` : ''}${firstTitle ? `: ${firstTitle}` : ''}`)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${SERIF}" color="${INK}" />
      <mj-text font-size="16px" line-height="1.5" padding="0 0 8px" />
      <mj-class name="section" font-size="13px" letter-spacing="1px" text-transform="uppercase" color="${ACCENT}" padding="16px 0 8px" font-weight="bold" />
      <mj-class name="item-title" font-size="19px" line-height="1.3" font-weight="bold" padding="4px 0 4px" />
      <mj-class name="standfirst" color="${MUTED}" />
      <mj-class name="read" font-size="14px" padding="0 0 14px" />
      <mj-class name="small" font-size="13px" color="${MUTED}" line-height="1.45" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f1ea" width="640px">
    <mj-section background-color="#ffffff" padding="28px 24px 8px" border-top="6px solid ${ACCENT}">
      <mj-column>
        <mj-text font-size="30px" line-height="1.15" font-weight="bold" padding="0 0 4px">${esc(masthead.title)}</mj-text>
        ${masthead.subtitle ? `<mj-text mj-class="small" font-size="15px">${esc(masthead.subtitle)}</mj-text>` : ''}
        <mj-text font-size="15px" padding="8px 0 0"><a href="${esc(issue.url)}" style="color:${INK}">${esc(issue.label)}${issue.coverLabel ? ` · ${esc(issue.coverLabel)}` : ''}</a></mj-text>
        ${masthead.publisher ? `<mj-text mj-class="small">${esc(masthead.publisher)}${masthead.issn ? ` · ISSN ${esc(masthead.issn)}` : ''}</mj-text>` : ''}
        <mj-divider border-width="1px" border-color="#d8d2c4" padding="16px 0 0" />
      </mj-column>
    </mj-section>
    <mj-wrapper background-color="#ffffff" padding="0 0 8px">
      <mj-section padding="12px 24px 0">
        <mj-column>
          <mj-text font-size="14px" color="${MUTED}" padding="0">In this issue</mj-text>
        </mj-column>
      </mj-section>
      ${sections}
    </mj-wrapper>
    <mj-section background-color="#ffffff" padding="0 24px 24px">
      <mj-column>
        <mj-divider border-width="1px" border-color="#d8d2c4" padding="0 0 16px" />
        ${contact ? `<mj-text mj-class="small"><strong>Queries and contributions</strong><br />${contact}</mj-text>` : ''}
        ${content.disclaimer ? `<mj-text mj-class="small">${esc(content.disclaimer)}</mj-text>` : ''}
        ${content.reproductionNotice ? `<mj-text mj-class="small">${esc(content.reproductionNotice)}</mj-text>` : ''}
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px 32px">
      <mj-column>
        <mj-text mj-class="small" align="center">You receive this because you subscribed at <a href="${esc(content.subscribeUrl)}" style="color:${MUTED}">${esc(content.siteUrl.replace(/^https?:\/\//, ''))}</a>.<br /><a href="${UNSUBSCRIBE_PLACEHOLDER}" style="color:${ACCENT}">Unsubscribe</a> (one click, no sign-in).</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** Wraps plain text at `width` columns, keeping words whole; `indent` starts every line. */
export function wrapText(text: string, width = 72, indent = ''): string {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}

export function editionText(content: EditionContent): string {
  const { masthead, issue } = content;
  const out: string[] = [];
  out.push(masthead.title.toUpperCase());
  if (masthead.subtitle) out.push(masthead.subtitle);
  out.push(`${issue.label}${issue.coverLabel ? ` · ${issue.coverLabel}` : ''}`);
  if (masthead.publisher) out.push(`${masthead.publisher}${masthead.issn ? ` · ISSN ${masthead.issn}` : ''}`);
  out.push(`Read it on the website: ${issue.url}`, '', 'IN THIS ISSUE', '');
  for (const section of content.sections) {
    out.push(section.title.toUpperCase(), '-'.repeat(Math.min(72, section.title.length)), '');
    for (const item of section.items) {
      out.push(wrapText(item.title, 72, '* ').replace(/\n\* /g, '\n  '));
      if (item.standfirst) out.push(wrapText(item.standfirst, 72, '  '));
      out.push(`  ${item.url}`, '');
    }
  }
  const contact = contactLines(content.contact);
  out.push('-- ');
  if (contact.length) out.push('Queries and contributions:', ...contact, '');
  if (content.disclaimer) out.push(wrapText(content.disclaimer), '');
  if (content.reproductionNotice) out.push(wrapText(content.reproductionNotice), '');
  out.push(`You receive this because you subscribed at ${content.subscribeUrl}.`);
  out.push(`Unsubscribe (one click, no sign-in): ${UNSUBSCRIBE_PLACEHOLDER}`);
  return `${out.join('\n')}\n`;
}

/** Renders the edition once: subject, HTML and text, each reader's unsubscribe link still a placeholder. */
export async function renderEdition(content: EditionContent): Promise<PreparedEdition> {
  const result = await mjml2html(mjmlSource(content), { validationLevel: 'strict', keepComments: false });
  return { subject: editionSubject(content), html: result.html, text: editionText(content) };
}

/** One reader's copy: the placeholder replaced by their unsubscribe link. */
export function personaliseEdition(prepared: PreparedEdition, unsubscribeUrl: string): PreparedEdition {
  return {
    subject: prepared.subject,
    html: prepared.html.replaceAll(
      UNSUBSCRIBE_PLACEHOLDER,
      unsubscribeUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;'),
    ),
    text: prepared.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribeUrl),
  };
}
