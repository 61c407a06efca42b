// Live updates: the SignalR connection to /hubs/cases, the feed cursor, and catch-up through /api/feed.
// Every event goes through apply(), which the store makes idempotent per (caseId, version).
import { ApiError, get } from './api.js';

const MAX_DELAY_MS = 30_000;
// A resync reaches every portal of a region at once: each waits a random part of this before it reads the feed,
// so a storage blip does not turn into every client reading at the same moment.
const RESYNC_SPREAD_MS = 5_000;

/** Back-off that never gives up: 1 s, 2 s, 4 s ... capped at 30 s, with jitter so clients do not stampede. */
function retryDelay(attempt) {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 5));
  return base / 2 + Math.random() * base / 2;
}

export class Live {
  /**
   * @param {object} handlers
   *   onEvent(event, { live }) applies one caseStatusUpdate; onMessage(message, { live }) one caseMessage;
   *   onReload() reloads every list (after a 410, or before the first cursor exists);
   *   onState(state, lastUpdate) shows 'connected' | 'connecting' | 'offline' (the browser has no network);
   *   onWatched(case) gets the watched case again after a reconnect;
   *   onPresence(change) gets each presenceChanged; onViewers(update) each caseViewers of the watched case;
   *   onTyping(update) each caseTyping, onMessagesRead(update) each caseMessagesRead of it;
   *   onSeen(update) each caseSeen: a clinician opened one of this user's cases for the first time.
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.cursor = null;
    this.lastUpdate = null;
    this.stopped = false;
    this.catchingUp = null;
    this.resyncTimer = null;
    this.watched = null;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/cases', { withCredentials: true })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => retryDelay(ctx.previousRetryCount) })
      .configureLogging(signalR.LogLevel.None)
      .build();

    const live = kind => item => {
      this.deliver({ ...item, kind }, { live: true });
      // While catching up, the feed moves the cursor; a live event must not jump it past unread feed events.
      if (!this.catchingUp) this.cursor = item.cursor;
      this.touch();
    };
    this.connection.on('caseStatusUpdate', live('status'));
    this.connection.on('caseMessage', live('message'));
    this.connection.on('resync', () => this.resyncSoon());
    this.connection.on('presenceChanged', change => this.handlers.onPresence?.(change));
    this.connection.on('caseViewers', update => this.handlers.onViewers?.(update));
    this.connection.on('caseTyping', update => this.handlers.onTyping?.(update));
    this.connection.on('caseMessagesRead', update => this.handlers.onMessagesRead?.(update));
    this.connection.on('caseSeen', update => this.handlers.onSeen?.(update));
    this.connection.onreconnecting(() => this.setState('connecting'));
    this.connection.onreconnected(async () => {
      this.setState('connected');
      await this.rewatch();
      await this.catchUp();
    });
    // Automatic reconnect never gives up, so this runs when the server closed us (e.g. the sign-in expired)
    // or the first connect failed: start again with back-off.
    this.connection.onclose(() => { if (!this.stopped) this.start(); });
    // Removed again by stop(): a new Live is made at each sign-in and language switch.
    this.onOffline = () => this.setState('offline');
    this.onOnline = () => this.reconnectNow();
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  /** A feed item or live event to its handler by kind: a status change, or a message of a case's conversation. */
  deliver(item, how) {
    if (item.kind === 'message') this.handlers.onMessage?.(item, how);
    else this.handlers.onEvent(item, how);
  }

  /** The list's feedCursor, when nothing newer is known yet. */
  seedCursor(feedCursor) {
    if (!this.cursor && feedCursor) this.cursor = feedCursor;
    this.touch();
  }

  resetCursor() { this.cursor = null; }

  async start() {
    if (this.starting) return;
    this.starting = true;
    try {
      await this.startWithRetry();
    } finally {
      this.starting = false;
    }
  }

  async startWithRetry() {
    for (let attempt = 0; !this.stopped; attempt++) {
      this.setState('connecting');
      try {
        await this.connection.start();
        this.setState('connected');
        await this.rewatch();
        await this.catchUp();
        return;
      } catch {
        if (this.connection.state !== signalR.HubConnectionState.Disconnected) return;
        // The browser's coming back online ends the wait early (reconnectNow).
        await new Promise(resolve => {
          const timer = setTimeout(resolve, retryDelay(attempt));
          this.wake = () => { clearTimeout(timer); resolve(); };
        });
        this.wake = null;
      }
    }
  }

  /**
   * The network is back: try at once rather than when the back-off timer says. A reconnect that is waiting is ended
   * (its close starts a fresh connection, onclose), a first start that is waiting is woken.
   */
  reconnectNow() {
    if (this.stopped) return;
    this.refreshState();
    if (this.connection.state === signalR.HubConnectionState.Reconnecting) this.connection.stop();
    else this.wake?.();
  }

  async stop() {
    this.stopped = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.resyncTimer);
    await this.connection.stop();
  }

  /** Catches up once, after a random delay; resyncs that arrive meanwhile are covered by that one. */
  resyncSoon() {
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      this.catchUp();
    }, Math.random() * RESYNC_SPREAD_MS);
  }

  /** Reads the feed from the last cursor until it has nothing more; a 410 reloads the lists instead. */
  catchUp() {
    this.catchingUp ??= (async () => {
      try {
        if (!this.cursor) {
          await this.handlers.onReload();
          return;
        }
        for (let page = 0; page < 100; page++) {
          const before = this.cursor;
          const { items, nextCursor } = await get(`/api/feed?after=${encodeURIComponent(before)}&limit=200`);
          for (const item of items) this.deliver(item, { live: false });
          this.cursor = nextCursor;
          // A page can hold nothing for us and still move the cursor (events of others): only an unmoved one is the end.
          if (nextCursor === before) break;
        }
        this.touch();
      } catch (error) {
        if (error instanceof ApiError && error.status === 410) {
          this.cursor = null;
          await this.handlers.onReload();
        } else if (!(error instanceof ApiError && error.status === 401)) {
          // The connection will retry; the next reconnect or resync catches up again.
          setTimeout(() => this.catchUp(), retryDelay(2));
        }
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /** Joins the case's group; answers the case, or null when not connected (the caller reads it over HTTP). */
  async watch(caseId) {
    this.watched = caseId;
    if (this.connection.state !== signalR.HubConnectionState.Connected) return null;
    return this.connection.invoke('WatchCase', caseId);
  }

  async unwatch(caseId) {
    if (this.watched === caseId) this.watched = null;
    if (this.connection.state === signalR.HubConnectionState.Connected) {
      await this.connection.invoke('UnwatchCase', caseId).catch(() => {});
    }
  }

  /** Tells the watched case's other viewers this user is typing; a signal lost while disconnected does not matter. */
  typing(caseId) {
    if (this.connection.state !== signalR.HubConnectionState.Connected || this.watched !== caseId) return;
    this.connection.invoke('Typing', caseId).catch(() => {});
  }

  /** A new connection is in no case group: watch the open case again. */
  async rewatch() {
    if (!this.watched) return;
    try {
      // The answer is the case as stored now: it shows what changed while we were away.
      this.handlers.onWatched?.(await this.connection.invoke('WatchCase', this.watched));
    } catch {
      // Not readable any more: the detail view finds out on its next read.
    }
  }

  touch() {
    this.lastUpdate = new Date();
    this.refreshState();
  }

  refreshState() {
    const state = !navigator.onLine ? 'offline'
      : this.connection.state === signalR.HubConnectionState.Connected ? 'connected'
      : 'connecting';
    this.setState(state);
  }

  /** Never "connecting" while the browser knows it has no network: that would promise what cannot happen. */
  setState(state) {
    this.handlers.onState(navigator.onLine ? state : 'offline', this.lastUpdate);
  }
}
