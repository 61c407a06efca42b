// The outbox: every create, action and message is written to IndexedDB (db.js) before it is sent, so that
// one made offline, or on a network that drops mid-request, is neither lost nor sent twice. Commands are sent in the
// order they were made, each with the commandId it was given when written, so a resend is answered as the first send
// was (docs/design.md section 4). A command the server refuses after it waited becomes a conflict the user resolves:
// open the case as it is now, or discard the change. Reloading the page or closing the tab keeps all of it.
import { ApiError, OfflineError, post } from './api.js';
import { OUTBOX as STORE, database as open } from './db.js';

// After the network or the service failed a send: try again after this long, doubling up to the cap. The browser's
// online event and the live connection coming back try at once.
const RETRY_MS = 5000;
const RETRY_CAP_MS = 60000;

export class Outbox {
  /**
   * @param onSent(result, entry, awaited) receives each case the server answered with, so that the page shows it at
   *   once; onRefused(entry) each command refused after it waited (awaited ones are refused to their caller).
   */
  constructor(me, { onSent, onRefused }) {
    this.me = me;
    this.onSent = onSent;
    this.onRefused = onRefused;
    this.listeners = new Set();
    this.waiters = new Map(); // key → { resolve, reject } of a send someone awaits
    this.entries = [];
    this.retryMs = RETRY_MS;
    this.stopped = false;
    this.onOnline = () => this.flush();
    window.addEventListener('online', this.onOnline);
  }

  async start() {
    await this.reload();
    this.flush();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
    this.settleWaiters({ queued: true });
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** This user's commands not yet sent, or refused, oldest first. */
  all() { return this.entries; }

  /** The waiting actions on a case, oldest first. */
  pendingFor(caseId) { return this.entries.filter(e => e.kind === 'act' && e.caseId === caseId && e.state === 'waiting'); }

  /** The messages on a case not yet sent, or refused, oldest first. */
  messagesFor(caseId) { return this.entries.filter(e => e.kind === 'message' && e.caseId === caseId); }

  /**
   * Creates a case, and with `forward` sends it on as well (the fields of a forward action). Answers
   * { created, forwarded } as the server did, { queued: true } when it could not be sent now, or
   * { sentElsewhere: true } when another tab sent it; throws the server's refusal (ApiError) when it was refused at once.
   */
  async createCase(fields, forward = null) {
    const db = await open();
    const tx = db.transaction(STORE, 'readwrite');
    const create = { userId: this.me.id, kind: 'create', state: 'waiting', at: Date.now(), patientRef: fields.patientRef,
      priority: fields.priority, body: { ...fields, commandId: crypto.randomUUID() } };
    create.key = await tx.store.add(create);
    let send = null;
    if (forward) {
      // The case's id comes with the create's answer; a created case is at version 1.
      send = { userId: this.me.id, kind: 'act', state: 'waiting', at: Date.now(), after: create.key, caseId: null,
        action: 'forward', patientRef: fields.patientRef, body: { ...forward, expectedVersion: 1, commandId: crypto.randomUUID() } };
      send.key = await tx.store.add(send);
    }
    await tx.done;
    const outcomes = [this.outcomeOf(create.key), send ? this.outcomeOf(send.key) : null];
    await this.reload();
    this.flush();
    const [created, forwarded] = await Promise.all(outcomes);
    return created.queued || created.sentElsewhere ? created : { created, forwarded };
  }

  /**
   * An action on a case at `version` (the one the page shows); actions already waiting on the case come first, so
   * this one expects the version they will have made. Answers the updated case, { queued: true } or { sentElsewhere: true }.
   */
  async act(caseId, patientRef, action, fields, version) {
    const expectedVersion = version + this.pendingFor(caseId).length;
    const entry = { userId: this.me.id, kind: 'act', state: 'waiting', at: Date.now(), caseId, action, patientRef,
      body: { ...fields, expectedVersion, commandId: crypto.randomUUID() } };
    const key = await (await open()).add(STORE, entry);
    const outcome = this.outcomeOf(key);
    await this.reload();
    this.flush();
    return outcome;
  }

  /**
   * A message on a case's conversation, with the clientMessageId it keeps however often it is sent. Answers the
   * message as stored, { queued: true } or { sentElsewhere: true }.
   */
  async say(caseId, patientRef, text) {
    const entry = { userId: this.me.id, kind: 'message', state: 'waiting', at: Date.now(), caseId, patientRef,
      body: { text, clientMessageId: crypto.randomUUID() } };
    const key = await (await open()).add(STORE, entry);
    const outcome = this.outcomeOf(key);
    await this.reload();
    this.flush();
    return outcome;
  }

  /** Gives up a command (and the commands that depend on a create given up). */
  async discard(key) {
    const db = await open();
    const tx = db.transaction(STORE, 'readwrite');
    await tx.store.delete(key);
    for (const dependent of await tx.store.index('user').getAll(this.me.id)) {
      if (dependent.after === key) await tx.store.delete(dependent.key);
    }
    await tx.done;
    await this.reload();
  }

  outcomeOf(key) {
    return new Promise((resolve, reject) => this.waiters.set(key, { resolve, reject }));
  }

  settleWaiters(outcome) {
    for (const waiter of this.waiters.values()) waiter.resolve(outcome);
    this.waiters.clear();
  }

  async reload() {
    const all = await (await open()).getAllFromIndex(STORE, 'user', this.me.id);
    this.entries = all.sort((a, b) => a.key - b.key);
    for (const listener of this.listeners) listener(this.entries);
  }

  /** Sends what waits, in order. One sender at a time, across this browser's tabs too (Web Locks). */
  flush() {
    if (this.stopped) return Promise.resolve();
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    clearTimeout(this.retryTimer);
    this.flushing = (async () => {
      do {
        this.again = false;
        await navigator.locks.request(`orleanscases-outbox-${this.me.id}`, () => this.sendAll());
      } while (this.again && !this.stopped);
    })().catch(() => {}).finally(() => { this.flushing = null; });
    return this.flushing;
  }

  async sendAll() {
    // Another tab may have sent some meanwhile: start from what the database holds now.
    await this.reload();
    for (;;) {
      if (this.stopped) return;
      const entry = this.entries.find(e => e.state === 'waiting');
      if (!entry) {
        this.retryMs = RETRY_MS;
        // Another tab held the lock and sent what this one awaits: the live events bring its result.
        for (const [key, waiter] of this.waiters) {
          if (!this.entries.some(e => e.key === key)) { this.waiters.delete(key); waiter.resolve({ sentElsewhere: true }); }
        }
        return;
      }
      let result;
      try {
        result = await this.send(entry);
      } catch (error) {
        const unreachable = error instanceof OfflineError || (error instanceof ApiError && error.status === 503);
        if (unreachable || (error instanceof ApiError && error.status === 401)) {
          // Kept for later: the network returns, or the user signs in again.
          this.settleWaiters({ queued: true });
          if (unreachable) this.retryLater();
          return;
        }
        await this.refused(entry, error);
        continue;
      }
      await this.sent(entry, result);
    }
  }

  send(entry) {
    if (entry.kind === 'create') return post('/api/cases', entry.body);
    if (!entry.caseId) return Promise.reject(new ApiError(404, { title: 'The case this change is for was not created.' }));
    if (entry.kind === 'message') return post(`/api/cases/${encodeURIComponent(entry.caseId)}/messages`, entry.body);
    return post(`/api/cases/${encodeURIComponent(entry.caseId)}/actions/${entry.action}`, entry.body);
  }

  async sent(entry, result) {
    const db = await open();
    const tx = db.transaction(STORE, 'readwrite');
    await tx.store.delete(entry.key);
    if (entry.kind === 'create') {
      // The actions written with it now know their case.
      for (const dependent of await tx.store.index('user').getAll(this.me.id)) {
        if (dependent.after === entry.key) await tx.store.put({ ...dependent, caseId: result.id, after: null });
      }
    }
    await tx.done;
    await this.reload();
    const waiter = this.take(entry.key);
    this.onSent(result, entry, Boolean(waiter));
    waiter?.resolve(result);
  }

  /** Refused: a command someone awaits is given back to them (the form shows why); one sent later stays to resolve. */
  async refused(entry, error) {
    const waiter = this.take(entry.key);
    if (waiter) {
      await this.discard(entry.key);
      for (const [key, dependent] of this.waiters) {
        if (!this.entries.some(e => e.key === key)) { this.waiters.delete(key); dependent.reject(error); }
      }
      waiter.reject(error);
      return;
    }
    const db = await open();
    const tx = db.transaction(STORE, 'readwrite');
    await tx.store.put({ ...entry, state: 'refused', status: error.status, problem: error.problem });
    // An action on a case that was never created cannot be sent either.
    if (entry.kind === 'create') {
      for (const dependent of await tx.store.index('user').getAll(this.me.id)) {
        if (dependent.after === entry.key) await tx.store.put({ ...dependent, state: 'refused', status: 404, problem: {} });
      }
    }
    await tx.done;
    await this.reload();
    this.onRefused(entry);
  }

  take(key) {
    const waiter = this.waiters.get(key);
    this.waiters.delete(key);
    return waiter;
  }

  retryLater() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.flush(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_CAP_MS);
  }
}

/** Refusals are stored as the server gave them; the page explains each in the user's language at render time. */
export const refusalOf = entry => new ApiError(entry.status, entry.problem);
