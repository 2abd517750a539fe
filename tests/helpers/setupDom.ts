// Every app test gets a fresh in-memory IndexedDB, like a tablet just set up.
import 'fake-indexeddb/auto';
import { act, cleanup } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

// Every screen a test drew is taken down after it. Preact runs the effect clean-ups of a removed screen
// after the next frame; inside act they run now, while the test's document still exists.
afterEach(() => act(() => cleanup()));

// Preact runs effects after the next frame, with a 35 ms timer as fallback (preact/hooks, afterNextFrame) that then
// calls cancelAnimationFrame. A render that ended outside act leaves that timer pending: it must fire before the
// file's document and its globals are torn down, or it throws "cancelAnimationFrame is not defined".
const PREACT_FRAME_FALLBACK_MS = 35;
afterAll(() => new Promise((resolve) => setTimeout(resolve, PREACT_FRAME_FALLBACK_MS + 15)));
