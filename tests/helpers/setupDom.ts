// Every app test gets a fresh in-memory IndexedDB, like a tablet just set up.
import 'fake-indexeddb/auto';
