/**
 * The server's configuration: the environment (main.ts, the admin CLI) and
 * the tunables buildApp takes, with their defaults in one place.
 */
import { join, resolve } from 'node:path';
import { MAX_BODY_BYTES } from '../shared/protocol.ts';
import type { ScryptCost } from './security/passwords.ts';
import { OWASP_SCRYPT } from './security/passwords.ts';
import type { SessionLimits } from './store/access.ts';

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface AppConfig {
  /** Where browsers reach the server (http://127.0.0.1:8080); decides Secure cookies and HSTS. */
  publicOrigin: string;
  /** The built PWA to serve (dist/); none for an API-only server. */
  staticDir?: string | undefined;
  /** Behind one reverse proxy: the client address is the one it appends to X-Forwarded-For. */
  trustProxy: boolean;
  passwordCost: ScryptCost;
  session: SessionLimits;
  pairingCodeTtlMs: number;
  setupCodeTtlMs: number;
  /** Failed attempts per client address: pairing codes; passwords and setup codes. */
  pairLimit: RateLimit;
  loginLimit: RateLimit;
  /** A rescue file may hold weeks of visits. */
  importBodyLimit: number;
}

const HOUR = 3_600_000;

export const DEFAULT_APP_CONFIG: AppConfig = {
  publicOrigin: 'http://127.0.0.1:8080',
  trustProxy: false,
  passwordCost: OWASP_SCRYPT,
  session: { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR },
  pairingCodeTtlMs: 24 * HOUR,
  setupCodeTtlMs: 24 * HOUR,
  pairLimit: { max: 10, windowMs: 15 * 60_000 },
  loginLimit: { max: 10, windowMs: 15 * 60_000 },
  importBodyLimit: 64 * MAX_BODY_BYTES,
};

export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicOrigin: string;
  retentionMonths: number;
  logLevel: string;
  trustProxy: boolean;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ServerEnv {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const publicOrigin = (env.PUBLIC_ORIGIN || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  try {
    const url = new URL(publicOrigin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`PUBLIC_ORIGIN must be an http(s) origin such as https://checkin.example.org, not "${publicOrigin}"`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port,
    host,
    dataDir: resolve(cwd, env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicOrigin,
    retentionMonths: integer(env, 'RETENTION_MONTHS', 24, 1, 1200),
    logLevel,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}

/** The local-only channel the admin CLI uses to reach a running server (PGlite owns DATA_DIR). */
export const adminSocketPath = (dataDir: string): string => join(dataDir, 'admin', 'admin.sock');
