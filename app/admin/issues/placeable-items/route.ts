import { NextResponse, type NextRequest } from 'next/server';
import { ItemKind } from '@/generated/prisma/enums';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isDomainError } from '@/lib/errors';
import { listPlaceableItems } from '@/lib/issues/list-placeable-items';
import type { PlaceableItemDto } from '@/lib/issues/desk-order';

const noStore = { 'Cache-Control': 'private, no-store' };

/**
 * The "Add item" picker's search: items in no issue, neither published nor archived, by title.
 * A read, so a GET (server actions are for changes). listPlaceableItems applies the policy.
 */
export async function GET(request: NextRequest) {
  const actor = await getCurrentActor();
  if (!actor) return NextResponse.json({ error: 'Sign in again to continue.' }, { status: 401, headers: noStore });
  const params = request.nextUrl.searchParams;
  const kindParam = params.get('kind');
  const kind = kindParam && (Object.values(ItemKind) as string[]).includes(kindParam) ? (kindParam as ItemKind) : null;
  try {
    const items = await listPlaceableItems(actor, { kind, query: params.get('q') ?? '', take: 20 });
    const body: { items: PlaceableItemDto[] } = {
      items: items.map((i) => ({ id: i.id, title: i.title, kind: i.kind, state: i.state, authorName: i.author.name })),
    };
    return NextResponse.json(body, { headers: noStore });
  } catch (e) {
    if (isDomainError(e))
      return NextResponse.json({ error: e.message }, { status: e.code === 'NOT_FOUND' ? 404 : 403, headers: noStore });
    throw e;
  }
}
