// The portal's IndexedDB database on this device (through idb, from npm): the outbox of commands not yet sent
// (outbox.js), and the cases each user last saw (saved-cases.js), so that a page opened offline shows them.
const NAME = 'orleanscases';
export const OUTBOX = 'outbox';
export const SAVED_CASES = 'savedCases';

let opening = null;

export const database = () => (opening ??= idb.openDB(NAME, 1, {
  upgrade(db) {
    db.createObjectStore(OUTBOX, { keyPath: 'key', autoIncrement: true }).createIndex('user', 'userId');
    db.createObjectStore(SAVED_CASES, { keyPath: 'userId' });
  },
}));
