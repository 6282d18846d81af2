import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// Sign-in (credentials), CSRF token and session endpoints. Sign-out is a server action
// (components/admin/sign-out-button.tsx), which clears the same cookie.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
