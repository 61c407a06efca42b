// What the page knows about cases: the newest version of each, so that an event applies at most once
// per (caseId, version) and never an older version over a newer one, whichever way it arrived
// (list, detail, live event, feed); and how many of each case's messages there are and are unread.

/** Since when a case waits in the review queue after an event, as the server counts it: from entering it until leaving it. */
function waitingSinceAfter(known, event) {
  if (event.status !== 'ForwardedToClinician') return null;
  return event.previousStatus === 'ForwardedToClinician' ? known?.waitingSince ?? event.timestamp : event.timestamp;
}

export class CaseStore {
  constructor() {
    this.cases = new Map();
    this.listeners = new Set();
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id) { return this.cases.get(id); }

  all() { return [...this.cases.values()]; }

  version(id) { return this.cases.get(id)?.version ?? 0; }

  /** Merges a case or list item read from the API; answers whether it was newer than what was known. */
  put(record) {
    const known = this.cases.get(record.id);
    // An event tells the status but not the patient: a read of the same version fills in the rest; so does a read with
    // the history of a version the store knows only from a list (the case's page offline needs it).
    const bringsDetail = record.history && known?.detailVersion !== record.version;
    if (known && (known.version > record.version || (known.version === record.version && !known.incomplete && !bringsDetail))) {
      // The conversation moves without a version: its counts come from any read that knows as many messages or more.
      if (record.unreadMessages !== undefined && (record.messageCount ?? 0) >= (known.messageCount ?? 0)) {
        this.cases.set(record.id, { ...known, messageCount: record.messageCount, unreadMessages: record.unreadMessages });
        this.notify(record.id);
      }
      // Who has seen the case grows without a version too.
      if ((record.seenBy?.length ?? 0) > (known.seenBy?.length ?? 0)) {
        this.cases.set(record.id, { ...this.cases.get(record.id), seenBy: record.seenBy });
        this.notify(record.id);
      }
      return false;
    }
    // detailVersion: the version whose history and allowed actions the record holds (a case page offline needs them).
    this.cases.set(record.id, { ...known, ...record, incomplete: false, ...(record.history ? { detailVersion: record.version } : {}) });
    this.notify(record.id);
    return true;
  }

  /** Applies a caseStatusUpdate; answers false for a duplicate or stale one. */
  applyEvent(event) {
    const known = this.cases.get(event.caseId);
    if (known && known.version >= event.version) return false;
    this.cases.set(event.caseId, {
      ...known,
      id: event.caseId,
      region: event.region,
      status: event.status,
      priority: event.priority,
      version: event.version,
      ownerId: event.ownerId,
      assigneeId: event.assigneeId,
      updatedAt: event.timestamp,
      escalationLevel: event.escalationLevel ?? 0,
      waitingSince: waitingSinceAfter(known, event),
      incomplete: !known?.patientRef,
    });
    this.notify(event.caseId);
    return true;
  }

  /** Adds a caseSeen to its case's seenBy; answers false when that clinician had been seen already (or the case is unknown). */
  applySeen(update) {
    const known = this.cases.get(update.caseId);
    if (!known || (known.seenBy ?? []).some(s => s.id === update.userId)) return false;
    this.cases.set(update.caseId, { ...known, seenBy: [...(known.seenBy ?? []), { id: update.userId, name: update.name, at: update.at }] });
    this.notify(update.caseId);
    return true;
  }

  /**
   * Counts a caseMessage in its case's lists: one more message, unread unless `read` (this user wrote it, or has the
   * thread in front of them). Each message number counts once.
   */
  applyMessage(message, read) {
    const known = this.cases.get(message.caseId);
    if (!known || message.number <= (known.messageCount ?? 0)) return false;
    const unread = read ? 0 : (known.unreadMessages ?? 0) + message.number - (known.messageCount ?? 0);
    this.cases.set(message.caseId, { ...known, messageCount: message.number, unreadMessages: unread });
    this.notify(message.caseId);
    return true;
  }

  /** This user read a case's thread up to `upTo`. */
  markRead(caseId, upTo) {
    const known = this.cases.get(caseId);
    if (!known) return;
    const unread = Math.max(0, (known.messageCount ?? 0) - upTo);
    if (unread === (known.unreadMessages ?? 0)) return;
    this.cases.set(caseId, { ...known, unreadMessages: unread });
    this.notify(caseId);
  }

  remove(id) {
    if (this.cases.delete(id)) this.notify(id);
  }

  clear() {
    this.cases.clear();
    this.notify(null);
  }

  notify(id) {
    for (const listener of this.listeners) listener(id);
  }
}
