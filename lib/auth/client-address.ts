import { env } from '@/lib/env';

/**
 * The client's network address, for sign-in throttling and the audit log.
 *
 * Next.js fills X-Forwarded-For with the socket's address only when the header is absent, and each
 * reverse proxy appends the address it saw. So the trustworthy entry is the one TRUSTED_PROXY_COUNT
 * places from the right (default 1: one proxy in front, or none). Entries further left were written
 * by the client and are ignored. Without a proxy a client can choose its own address; deploy behind one.
 */
export function clientAddress(getHeader: (name: string) => string | null | undefined): string | null {
  const hops = env().trustedProxyCount;
  const forwarded = getHeader('x-forwarded-for');
  const entries = (forwarded ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const raw = entries.length > 0 ? entries[Math.max(0, entries.length - hops)]! : (getHeader('x-real-ip') ?? '');
  const address = raw.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return /^[0-9A-Fa-f:.]{2,45}$/.test(address) ? address : null;
}
