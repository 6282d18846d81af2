import { isAllowedHref } from './extensions';

export type LinkInputResult = { ok: true; href: string } | { ok: false; message: string };

/**
 * What the editor's link field accepts: http, https and mailto addresses. A bare "example.org/x"
 * becomes https://example.org/x and a bare e-mail address a mailto: link; any other scheme is refused
 * (the server refuses it too, whatever the browser sends).
 */
export function normaliseLinkInput(raw: string): LinkInputResult {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter a web address or an e-mail address.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  let href = text;
  if (!hasScheme) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) href = `mailto:${text}`;
    else if (/^(\/\/)?[^\s/]+\.[^\s/]+/.test(text)) href = `https://${text.replace(/^\/\//, '')}`;
    else return { ok: false, message: 'Enter a full address, such as https://example.org or name@example.org.' };
  }
  if (!isAllowedHref(href))
    return { ok: false, message: 'Only web (http, https) and e-mail (mailto) links are allowed.' };
  return { ok: true, href };
}
