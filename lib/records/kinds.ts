import { meetingKind } from './meeting';
import { publicationKind } from './publication';
import type { RecordKey } from './record-kind';

/**
 * Every record kind by key. Server pages hand a client form the key (a kind's functions cannot cross
 * to the browser as props); the form looks the kind up here.
 */
export const recordKinds = { meeting: meetingKind, publication: publicationKind } satisfies {
  [K in RecordKey]: { key: K };
};
