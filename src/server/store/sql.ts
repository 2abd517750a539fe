/**
 * The one database interface the server codes against. Two implementations:
 * embedded PGlite (the default, zero set-up) and a PostgreSQL server through
 * `pg`. Everything above this file speaks PostgreSQL SQL and never knows which.
 */

export interface Sql {
  /** Runs one parameterised statement ($1, $2, …) and returns its rows. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Store extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL broke a deadlock between two transactions (40P01): running the one it stopped again succeeds. */
export const isDeadlock = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '40P01';
