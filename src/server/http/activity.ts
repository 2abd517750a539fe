/**
 * When the city last heard from anyone: background work (the roll-up fold)
 * waits for a quiet moment, so a tablet draining its outbox is not slowed by
 * work no one is waiting for yet.
 */
import type { FastifyInstance } from 'fastify';

/** How long without a request counts as quiet: longer than a tablet takes between two batches. */
export const QUIET_BEFORE_FOLD_MS = 250;

export interface Activity {
  /** Whether no request arrived in the last `ms` and none is in flight. */
  quietFor(ms: number): boolean;
}

/** Counts requests from now on; call before the app listens. `now` is the clock in ms. */
export function trackActivity(app: FastifyInstance, now: () => number = Date.now): Activity {
  let inFlight = 0;
  let lastArrivalAt = Number.NEGATIVE_INFINITY;
  app.addHook('onRequest', async (_request, reply) => {
    inFlight++;
    lastArrivalAt = now();
    // 'close' comes once per response, sent or abandoned.
    reply.raw.once('close', () => {
      inFlight--;
    });
  });
  return { quietFor: (ms) => inFlight <= 0 && now() - lastArrivalAt >= ms };
}
