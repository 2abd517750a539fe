/**
 * Bearer secrets (device tokens, session ids, pairing and setup codes): made
 * from the injected random source, shown once, stored only as a SHA-256 hash.
 * A fast hash is right here because every secret but the short codes carries
 * ≥ 128 random bits; the short codes expire and are rate limited.
 */
import { createHash } from 'node:crypto';
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH } from '../../shared/protocol.ts';

/** n cryptographically random bytes (node:crypto randomBytes in production). */
export type RandomSource = (size: number) => Uint8Array;

export const sha256 = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** 256 random bits, base64url: a device token or a session id. */
export const newSecret = (random: RandomSource): string => Buffer.from(random(32)).toString('base64url');

/** A code of `length` characters from `alphabet`, without modulo bias. */
export function randomCode(random: RandomSource, length = PAIRING_CODE_LENGTH, alphabet = PAIRING_ALPHABET): string {
  const usable = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < usable && code.length < length) code += alphabet[byte % alphabet.length];
    }
  }
  return code;
}
