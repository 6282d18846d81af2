import { NextResponse, type NextRequest } from 'next/server';

/**
 * Runs before every route. A path with broken percent-encoding ("/issues/25/%E0%A4%A") would make
 * Next fail while decoding route parameters (500); answer it with the ordinary 404 page instead.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.rewrite(new URL('/_malformed-address', request.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
