/**
 * The one line a host reads about syncing, chosen from the engine's status.
 * Offline is normal, so waiting visits read calmly; only what the host can act
 * on (a rejected visit, a revoked pairing) asks for attention.
 */
import type { SyncStatus } from '../../sync/status.ts';
import { countKey, type SyncText, type SyncTextKey } from './strings.ts';

export type SyncTone = 'calm' | 'busy' | 'attention';

export interface SyncLine {
  text: string;
  tone: SyncTone;
}

export interface LineFormat {
  text: SyncText;
  /** "10:42" */
  time: (ms: number) => string;
  /** "zo 22 nov. 10:42" */
  dayTime: (ms: number) => string;
  now: number;
}

/** Fewer visits than this go in one quick request: no progress count worth reading. */
export const LONG_DRAIN = 50;

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

export function describeSync(status: SyncStatus, format: LineFormat): SyncLine | null {
  const { text } = format;
  if (status.phase === 'starting' || status.phase === 'unpaired') return null;
  if (status.phase === 'revoked') return { text: text('sync.pairAgain'), tone: 'attention' };

  const parts: string[] = [];
  if (status.attention > 0) parts.push(text('sync.attention', { count: status.attention }));
  const progress = status.progress;
  const longDrain = status.phase === 'sending' && progress !== null && progress.total >= LONG_DRAIN;
  if (longDrain) {
    parts.push(text('sync.progress', { done: progress.done, total: progress.total }));
  } else if (status.pending > 0) {
    parts.push(text(countKey('sync.waiting', status.pending) as SyncTextKey, { count: status.pending }));
  } else if (status.attention === 0) {
    if (status.lastSyncAt === null) parts.push(text('sync.nothingYet'));
    else {
      const last = Date.parse(status.lastSyncAt);
      parts.push(text('sync.allSynced', { time: sameDay(last, format.now) ? format.time(last) : format.dayTime(last) }));
    }
  }
  // A quick send or a heartbeat changes nothing the host reads, so the line does not flicker.
  const tone: SyncTone = status.attention > 0 ? 'attention' : longDrain ? 'busy' : 'calm';
  return { text: parts.join(' · '), tone };
}
