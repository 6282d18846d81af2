import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// Sign-in (credentials), CSRF token and session endpoints. Sign-out is a server action
// (components/admin/sign-out-button.tsx), which clears the same cookie.
const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * The credentials callback only takes a POST (the sign-in form). next-auth 4 answers a GET there
 * with an uncaught error (a 500); the route says what it is instead: method not allowed.
 */
async function GET(request: Request, context: RouteContext) {
  const { nextauth } = await context.params;
  if (nextauth[0] === 'callback')
    return new Response('Method not allowed: sign in with the form.', {
      status: 405,
      headers: { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return handler(request, context) as Promise<Response>;
}

export { GET, handler as POST };
