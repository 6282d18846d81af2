import { getCurrentActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { NotFoundError } from '@/lib/errors';
import { previewEdition } from '@/lib/editions/preview-edition';

/**
 * The e-mail edition as it would go out now (editors): the HTML part, or the text part with
 * `?part=text`. Served as its own document so it renders as a mail client would show it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getCurrentActor();
  if (!actor) return new Response('Sign in first.\n', { status: 401 });
  if (!can(actor, 'edition.manage')) return new Response('Not allowed.\n', { status: 403 });
  const { id } = await params;
  try {
    const copy = await previewEdition(actor, id);
    const text = new URL(request.url).searchParams.get('part') === 'text';
    return new Response(text ? copy.text : copy.html, {
      headers: {
        'Content-Type': `${text ? 'text/plain' : 'text/html'}; charset=utf-8`,
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex',
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response('Not found.\n', { status: 404 });
    throw e;
  }
}
