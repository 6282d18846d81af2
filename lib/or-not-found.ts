import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError } from '@/lib/errors';

/**
 * For pages: a lib/ read whose NotFoundError (missing, or not this person's to see) becomes the designed
 * 404 page; any other error propagates (error.tsx). `await orNotFound(getIssueForDesk(actor, id))`.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
