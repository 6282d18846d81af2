import { unsubscribeByToken } from '@/lib/subscribers/unsubscribe';
import { UNSUBSCRIBE_TOKEN_PATTERN, unsubscribePagePath } from '@/lib/subscribers/tokens';

/**
 * RFC 8058 one-click unsubscribe: the List-Unsubscribe address of every mail. A mailbox provider's
 * "Unsubscribe" button POSTs `List-Unsubscribe=One-Click` here, with no cookies and no CSRF token
 * (that is the point): the signed token in the address is the whole authority, and it can only
 * unsubscribe. Answers 200 without a redirect, as the RFC asks. A GET (someone opening the address)
 * changes nothing and leads to the unsubscribe page.
 */
type Context = { params: Promise<{ token: string }> };

export async function POST(_request: Request, { params }: Context) {
  const { token } = await params;
  const { outcome } = await unsubscribeByToken(token, { via: 'one-click' });
  if (outcome === 'invalid') return new Response('Not a valid unsubscribe link.\n', { status: 404 });
  return new Response('Unsubscribed.\n', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return new Response('Not found.\n', { status: 404 });
  return Response.redirect(new URL(unsubscribePagePath(token), request.url), 303);
}
