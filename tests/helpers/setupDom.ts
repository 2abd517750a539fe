// Every app test gets a fresh in-memory IndexedDB, like a tablet just set up.
import 'fake-indexeddb/auto';
import { act, cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Every screen a test drew is taken down after it. Preact runs the effect clean-ups of a removed screen
// after the next frame; inside act they run now, while the test's document still exists.
afterEach(() => act(() => cleanup()));
