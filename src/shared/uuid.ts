/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Ids sort by creation time, which keeps IndexedDB and PostgreSQL indexes
 * compact and lets the outbox send the oldest visits first.
 * The clock and the random source are parameters so tests can fix them.
 */

export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

const webRandom: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

export function uuidv7(nowMs: number = Date.now(), random: RandomBytes = webRandom): string {
  const bytes = random(new Uint8Array(16));
  let ms = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
