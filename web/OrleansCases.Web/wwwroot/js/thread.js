// A case's conversation on its page (docs/design.md section 9): the thread oldest first and newest at the bottom,
// live; who is typing; who has seen the last message; and a box to write in. A message goes through the outbox like
// any change, so one written offline is sent once the network is back, once (its clientMessageId is kept with it).
import { ApiError, get, post } from './api.js';
import { formatTime, t } from './i18n.js';
import { h } from './ui.js';

// Others' typing shows this long after their last signal (the server passes one per 2 s at most).
const TYPING_SHOWN_MS = 3500;
// At most one typing signal per this long, as the server would throttle it anyway.
const TYPING_EVERY_MS = 2000;
const MAX_TEXT = 2000;

export class ThreadView {
  constructor(caseId, { me, live, outbox, patientRef, nameOf, onRead }) {
    this.caseId = caseId;
    this.nameOf = nameOf;
    this.me = me;
    this.live = live;
    this.outbox = outbox;
    this.patientRef = patientRef;
    this.onRead = onRead;
    this.messages = new Map(); // number → message
    this.readers = new Map(); // userId → { name, upTo }
    this.typing = new Map(); // userId → { name, timer }
    this.lastTyped = 0;
    this.myMark = 0;

    this.list = h('ol', { class: 'thread', 'aria-live': 'polite', 'aria-relevant': 'additions' });
    this.empty = h('p', { class: 'muted' }, t('thread.empty'));
    this.pending = h('ul', { class: 'thread-pending' });
    this.typingLine = h('p', { class: 'typing muted', role: 'status' });
    this.seenLine = h('p', { class: 'seen muted' });
    this.text = h('textarea', {
      id: 'thread-text', name: 'text', maxlength: MAX_TEXT, rows: 2, required: true,
      oninput: () => this.typed(),
    });
    this.error = h('p', { class: 'error', role: 'alert', 'data-error-for': 'text' });
    this.form = h('form', { class: 'thread-form', novalidate: true, onsubmit: event => { event.preventDefault(); this.send(); } },
      h('label', { for: 'thread-text' }, t('thread.message')),
      this.text,
      this.error,
      h('button', { type: 'submit' }, t('thread.send')));
    this.element = h('section', { class: 'conversation', 'aria-labelledby': 'thread-title' },
      h('h3', { id: 'thread-title' }, t('thread.title')),
      this.empty, this.list, this.seenLine, this.pending, this.typingLine, this.form);
    this.unsubscribe = outbox.subscribe(() => this.renderPending());
    this.renderPending();
  }

  /** Reads the whole thread (it is bounded), then marks it read. Offline, it stays unloaded until the case is shown again. */
  load() {
    this.loading ??= this.read().finally(() => { this.loading = null; });
    return this.loading;
  }

  async read() {
    try {
      let after = 0;
      for (let page = 0; page < 10; page++) {
        const found = await get(`/api/cases/${encodeURIComponent(this.caseId)}/messages?after=${after}&limit=200`);
        for (const m of found.items) this.messages.set(m.number, m);
        for (const r of found.readers) this.readers.set(r.userId, r);
        if (!found.nextCursor) break;
        after = Number(found.nextCursor);
      }
      this.myMark = Math.max(this.myMark, this.readers.get(this.me.id)?.upTo ?? 0);
      this.loaded = true;
      this.empty.textContent = t('thread.empty');
      this.render();
      this.markRead();
    } catch (error) {
      if (error instanceof ApiError) this.empty.textContent = t('thread.failed', { error: error.message });
    }
  }

  stop() {
    this.unsubscribe();
    for (const { timer } of this.typing.values()) clearTimeout(timer);
  }

  /** A caseMessage (live or from the feed), or this user's own message as the server answered it. */
  add(message) {
    if (message.caseId !== this.caseId || this.messages.has(message.number)) return;
    const last = this.lastNumber();
    this.messages.set(message.number, message);
    this.clearTyping(message.authorId);
    // A gap means messages came while this page was not connected: read the thread again.
    if (message.number > last + 1 && last > 0) this.load();
    else this.render();
    this.markRead();
  }

  /** A caseTyping: someone else is writing here now. */
  showTyping(update) {
    if (update.caseId !== this.caseId || update.userId === this.me.id) return;
    clearTimeout(this.typing.get(update.userId)?.timer);
    this.typing.set(update.userId, { name: update.name, timer: setTimeout(() => this.clearTyping(update.userId), TYPING_SHOWN_MS) });
    this.renderTyping();
  }

  /** A caseMessagesRead: someone read further. */
  showRead(update) {
    if (update.caseId !== this.caseId) return;
    const known = this.readers.get(update.userId);
    if (known && known.upTo >= update.upTo) return;
    this.readers.set(update.userId, { name: this.nameOf(update.userId), ...known, userId: update.userId, upTo: update.upTo });
    this.renderSeen();
  }

  lastNumber() { return Math.max(0, ...this.messages.keys()); }

  clearTyping(userId) {
    const typing = this.typing.get(userId);
    if (!typing) return;
    clearTimeout(typing.timer);
    this.typing.delete(userId);
    this.renderTyping();
  }

  typed() {
    const now = Date.now();
    if (now - this.lastTyped < TYPING_EVERY_MS || !this.text.value.trim()) return;
    this.lastTyped = now;
    this.live.typing(this.caseId);
  }

  async send() {
    const text = this.text.value.trim();
    this.error.textContent = '';
    this.text.removeAttribute('aria-invalid');
    if (!text) {
      this.error.textContent = t('form.required');
      this.text.setAttribute('aria-invalid', 'true');
      this.text.focus();
      return;
    }
    this.text.value = '';
    this.lastTyped = 0;
    try {
      const answer = await this.outbox.say(this.caseId, this.patientRef, text);
      if (answer.number) this.add(answer);
    } catch (error) {
      // Refused at once (too long, too many, the case gone): the text comes back to be changed or sent again.
      this.text.value = text;
      this.error.textContent = error.message;
      this.text.setAttribute('aria-invalid', 'true');
    }
  }

  /** Tells the server this user has read everything shown, when the page is in front of them. */
  async markRead() {
    const upTo = this.lastNumber();
    if (upTo <= this.myMark || document.visibilityState !== 'visible') return;
    this.myMark = upTo;
    this.onRead?.(this.caseId, upTo);
    await post(`/api/cases/${encodeURIComponent(this.caseId)}/messages/read`, { upTo }).catch(() => {
      // Not stored now: the next message or visit says it again.
      this.myMark = 0;
    });
  }

  render() {
    const messages = [...this.messages.values()].sort((a, b) => a.number - b.number);
    this.empty.hidden = messages.length > 0;
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    this.list.replaceChildren(...messages.map(m => h('li', { class: m.authorId === this.me.id ? 'mine' : null, 'data-number': m.number },
      h('p', { class: 'who' }, h('strong', {}, m.authorId === this.me.id ? t('thread.you') : m.authorName), ' · ', formatTime(m.at)),
      h('p', { class: 'text' }, m.text))));
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
    this.renderSeen();
  }

  /** "Seen by Dr X": everyone but the author and me who has read up to the last message. */
  renderSeen() {
    const last = this.messages.get(this.lastNumber());
    const names = last
      ? [...this.readers.values()].filter(r => r.upTo >= last.number && r.userId !== last.authorId && r.userId !== this.me.id && r.name).map(r => r.name)
      : [];
    this.seenLine.textContent = names.length ? t('thread.seenBy', { names: names.join(', ') }) : '';
    this.seenLine.hidden = names.length === 0;
  }

  renderTyping() {
    const names = [...this.typing.values()].map(v => v.name);
    this.typingLine.textContent = names.length ? t('thread.typing', { names: names.join(', ') }) : '';
  }

  /** Messages written here that wait in the outbox: shown below the thread until they are sent. */
  renderPending() {
    const waiting = this.outbox.messagesFor(this.caseId);
    this.pending.replaceChildren(...waiting.map(e => h('li', { class: 'mine' },
      h('p', { class: 'who muted' }, e.state === 'refused' ? t('thread.refused') : t('thread.waiting')),
      h('p', { class: 'text' }, e.body.text))));
  }
}
