/**
 * A session ends on its own (idle or absolute time-out on the server). Any
 * call answered 401 then brings the coordinator back to the sign-in form,
 * with a word about why, instead of a screen full of errors.
 */
import { ApiError, type CoordinatorApi } from './coordinatorApi.ts';

const OPEN_CALLS = new Set<keyof CoordinatorApi>(['session', 'signIn', 'signOut', 'setupNeeded', 'setup']);

export function guardSession(api: CoordinatorApi, onExpired: () => void): CoordinatorApi {
  const guarded = { ...api };
  for (const name of Object.keys(api) as (keyof CoordinatorApi)[]) {
    if (OPEN_CALLS.has(name)) continue;
    const call = api[name] as (...args: unknown[]) => Promise<unknown>;
    (guarded as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) onExpired();
        throw error;
      }
    };
  }
  return guarded;
}
