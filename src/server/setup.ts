/**
 * The first coordinator. While no coordinator exists, every start makes a
 * one-time setup code (stored hashed) and prints it; POST /api/v1/setup or
 * the CLI turns it into the first account.
 */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../shared/coordinator.ts';
import { hashPassword, type ScryptCost } from './security/passwords.ts';
import { type RandomSource, randomCode, sha256 } from './security/secrets.ts';
import { addSetupCode, clearSetupCodes, coordinatorCount, createCoordinator } from './store/access.ts';
import type { Sql, Store } from './store/sql.ts';

export const SETUP_CODE_LENGTH = 12;

/** "abcd-efgh-jkmn" → "ABCDEFGHJKMN". */
export const normalizeSetupCode = (input: string): string => input.replace(/[\s-]+/g, '').toUpperCase();

/** "ABCDEFGHJKMN" → "ABCD-EFGH-JKMN". */
export const formatSetupCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** A fresh setup code when the server has no coordinator yet, else null. */
export async function issueSetupCode(store: Store, random: RandomSource, now: Date, ttlMs: number): Promise<string | null> {
  if ((await coordinatorCount(store)) > 0) return null;
  const code = randomCode(random, SETUP_CODE_LENGTH);
  await addSetupCode(store, sha256(code), new Date(now.getTime() + ttlMs));
  return formatSetupCode(code);
}

/** Why a username or password cannot be used, or null when both are fine. */
export function credentialProblem(username: string, password: string): string | null {
  if (!new RegExp(USERNAME_PATTERN).test(username)) {
    return 'a username is 1–64 letters, digits or . _ @ -, starting with a letter or digit';
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) return `a password has at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `a password has at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

export const canonicalUsername = (username: string): string => username.trim().toLowerCase();

/** Creates a coordinator account; the error says why it could not be made. */
export async function addCoordinator(
  sql: Sql,
  input: { username: string; password: string },
  random: RandomSource,
  cost: ScryptCost,
): Promise<{ ok: true; username: string } | { ok: false; reason: string }> {
  const username = canonicalUsername(input.username);
  const problem = credentialProblem(username, input.password);
  if (problem) return { ok: false, reason: problem };
  const hash = await hashPassword(input.password, random, cost);
  if (!(await createCoordinator(sql, username, hash))) return { ok: false, reason: `the username "${username}" is taken` };
  await clearSetupCodes(sql);
  return { ok: true, username };
}
