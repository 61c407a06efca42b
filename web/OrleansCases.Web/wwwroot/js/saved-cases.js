// The cases a user last saw, kept on the device: the page's store (store.js) written to IndexedDB a moment after each
// change, and read back at start, so that a page opened without network shows the lists and the cases as they were.
// Signing out deletes them: on a shared phone the next user must see nothing of the last one's patients.
import { SAVED_CASES, database } from './db.js';

const SAVE_DELAY_MS = 500;

/** Fills the store with what this user last saw here (before the lists are read, which then overwrite it). */
export async function restoreSavedCases(store, userId) {
  const saved = await (await database()).get(SAVED_CASES, userId).catch(() => null);
  for (const record of saved?.cases ?? []) store.put(record);
}

/** Writes the store back after each change; answers a function that stops it. */
export function keepCasesSaved(store, userId) {
  let timer = null;
  const save = async () => {
    timer = null;
    const cases = store.all().filter(record => !record.incomplete);
    await (await database()).put(SAVED_CASES, { userId, cases }).catch(() => { /* Full or private mode: only offline use is lost. */ });
  };
  const unsubscribe = store.subscribe(() => { timer ??= setTimeout(save, SAVE_DELAY_MS); });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

export async function forgetSavedCases() {
  await (await database()).clear(SAVED_CASES).catch(() => {});
}
