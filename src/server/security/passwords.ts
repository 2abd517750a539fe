/**
 * Coordinator passwords, hashed with scrypt (node:crypto). The parameters
 * travel inside the stored hash, so raising the cost later keeps old
 * passwords working. OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1.
 */
import { scrypt, timingSafeEqual } from 'node:crypto';
import type { RandomSource } from './secrets.ts';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; allow twice that so Node's 32 MiB default never refuses OWASP's cost.
    const maxmem = 256 * cost.N * cost.r;
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** "scrypt$N$r$p$salt$key" (salt and key base64). */
export async function hashPassword(password: string, random: RandomSource, cost: ScryptCost = OWASP_SCRYPT): Promise<string> {
  const salt = Buffer.from(random(16));
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
