/**
 * Tidies HTML pasted from word processors before the editor parses it. The editor's schema already
 * keeps only allowed nodes and marks (and the server checks again), so this is about keeping the
 * structure a reader sees, not about safety:
 * - Word's list paragraphs (class MsoListParagraph…, "mso-list" styles, bullet glyphs in
 *   "mso-list:Ignore" spans) become real bulleted or numbered lists instead of "·" characters;
 * - headings map onto the two levels the bulletin uses (h1 → h2, h4–h6 → h3);
 * - comments, conditional blocks, Office namespaced tags, classes, ids and every style except bold
 *   and italic are dropped (Google Docs marks bold and italic with styles only).
 * String-based so it runs the same in the browser and in unit tests.
 */
export function cleanPastedHtml(html: string): string {
  let out = html;
  // Word's bullet glyphs and numbers sit in "supportLists" conditional blocks: keep the marker text
  // visible to the list conversion below, drop the blocks.
  out = out.replace(
    /<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/gi,
    (_, inner: string) => `<span data-list-marker="${escapeAttr(textOf(inner))}"></span>`,
  );
  out = out.replace(/<!--[\s\S]*?-->/g, '');
  out = out.replace(/<!\[(?:if|endif)[^\]]*\]>/gi, '');
  out = out.replace(/<(style|script|xml|head|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  out = out.replace(/<\/?(meta|link|html|body)\b[^>]*>/gi, '');
  out = out.replace(/<span\b[^>]*mso-list:\s*Ignore[^>]*>[\s\S]*?<\/span>\s*(?:<\/span>)?/gi, '');
  out = convertWordLists(out);
  out = out.replace(/<\/?[a-z]+:[a-z]+\b[^>]*>/gi, '');
  out = out.replace(/<(\/?)h1\b/gi, '<$1h2').replace(/<(\/?)h[456]\b/gi, '<$1h3');
  out = out.replace(
    /<([a-z][a-z0-9]*)\b([^>]*)>/gi,
    (_, tag: string, attrs: string) => `<${tag}${keepAttributes(tag.toLowerCase(), attrs)}>`,
  );
  return out;
}

/** Consecutive Word list paragraphs → <ul>/<ol> with one <li> each (nesting is flattened). */
function convertWordLists(html: string): string {
  const listParagraph = /<p\b([^>]*(?:class\s*=\s*["']?MsoListParagraph|mso-list:\s*l\d)[^>]*)>([\s\S]*?)<\/p>/gi;
  const runs = /(?:<p\b[^>]*(?:class\s*=\s*["']?MsoListParagraph|mso-list:\s*l\d)[^>]*>[\s\S]*?<\/p>\s*)+/gi;
  return html.replace(runs, (run) => {
    const items: { ordered: boolean; content: string }[] = [];
    for (const m of run.matchAll(listParagraph)) {
      const content = m[2] ?? '';
      const marker = /data-list-marker="([^"]*)"/.exec(content)?.[1] ?? '';
      items.push({
        ordered: /^\s*(\d+|[a-z]|[ivxlc]+)[.)]/i.test(unescapeAttr(marker)),
        content: content.replace(/<span data-list-marker="[^"]*"><\/span>/g, '').trim(),
      });
    }
    let out = '';
    let open: 'ul' | 'ol' | null = null;
    for (const item of items) {
      const tag = item.ordered ? 'ol' : 'ul';
      if (open !== tag) {
        if (open) out += `</${open}>`;
        out += `<${tag}>`;
        open = tag;
      }
      out += `<li><p>${item.content}</p></li>`;
    }
    return open ? `${out}</${open}>` : run;
  });
}

const KEEP: Record<string, string[]> = { a: ['href'], ol: ['start'] };

/** Only href on links and start on numbered lists, plus bold/italic from a style attribute. */
function keepAttributes(tag: string, attrs: string): string {
  const kept: string[] = [];
  for (const m of attrs.matchAll(/([a-z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const name = (m[1] ?? '').toLowerCase();
    const value = m[3] ?? m[4] ?? m[5] ?? '';
    if ((KEEP[tag] ?? []).includes(name)) kept.push(`${name}="${escapeAttr(value)}"`);
    if (name === 'style') {
      const declarations = value
        .split(';')
        .map((d) => d.trim())
        .filter((d) => /^font-(weight|style)\s*:/i.test(d));
      if (declarations.length > 0) kept.push(`style="${escapeAttr(declarations.join('; '))}"`);
    }
  }
  return kept.length > 0 ? ` ${kept.join(' ')}` : '';
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
