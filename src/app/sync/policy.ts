/**
 * The numbers of the sync rules in one place: the protocol's retry schedule
 * (1 s base, ×2, cap 5 min, full jitter) and the tablet's own rhythm.
 */
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 5 * 60_000;
/** A write is sent a few seconds later, so a host's burst of taps travels in one request. */
export const WRITE_DELAY_MS = 3_000;
/** While online and idle, the city hears from the tablet at most this often. */
export const HEARTBEAT_MS = 4 * 60_000;
/** Synced visits older than this leave the tablet; unsynced ones never do. */
export const RETENTION_DAYS = 14;
/** The purge of old synced visits runs at most this often per tab. */
export const RETENTION_EVERY_MS = 60 * 60_000;
/** 1 MiB on a slow library wifi takes a while; a hanging request must still end. */
export const SYNC_TIMEOUT_MS = 60_000;
export const HEALTH_TIMEOUT_MS = 10_000;
/** While another tab or the service worker sends, look again after this. */
export const LOCKED_RETRY_MS = 15_000;
/** While unpaired or revoked, the settings (local, no network) are read again after this. */
export const PAIRING_POLL_MS = 10_000;
/** A Retry-After beyond this is a proxy's mistake rather than a server's wish. */
export const RETRY_AFTER_CAP_MS = 60 * 60_000;
