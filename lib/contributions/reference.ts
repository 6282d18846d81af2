import { randomInt } from 'node:crypto';

/** A contribution's reference, shown to its sender: "IX-7K2Q-9MWD" (no 0/O, 1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const block = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export const newReference = () => `IX-${block()}-${block()}`;
export const REFERENCE_PATTERN = /^IX-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
