import StarterKit from '@tiptap/starter-kit';
import type { Extensions } from '@tiptap/core';

/** Link protocols the editor offers and the server accepts. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * The one extension list. The editor, the server-side validator and the renderer all use it, so a
 * node or mark is either everywhere or nowhere.
 */
export const richTextExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      defaultProtocol: 'https',
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      isAllowedUri: (url) => isAllowedHref(url),
    },
  }),
];

/** True for absolute http(s) and mailto URLs, whatever their spelling. Everything else is refused. */
export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): refuse them.

  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}
