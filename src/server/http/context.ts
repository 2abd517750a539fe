/**
 * What every route group receives: the store, the clock, the random source
 * and the configuration. Side effects enter here and nowhere else.
 */
import type { AppConfig } from '../config.ts';
import type { RandomSource } from '../security/secrets.ts';
import type { Store } from '../store/sql.ts';

export interface RouteContext {
  store: Store;
  now: () => Date;
  random: RandomSource;
  config: AppConfig;
}

/** Who may call a route; every route under /api declares one. */
export type AuthLevel = 'none' | 'device' | 'coordinator';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthLevel;
  }
  interface FastifyRequest {
    /** The calling tablet, on `auth: 'device'` routes. */
    deviceId: string | null;
    /** The signed-in coordinator, on `auth: 'coordinator'` routes. */
    coordinator: { id: number; username: string; sessionHash: string } | null;
  }
}

/** An error with an HTTP status, answered as `{statusCode, error, message}`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
