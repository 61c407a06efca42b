// The pieces the role portals are made of: a case list, the create form, the case detail with its actions and
// conversation (thread.js), and the admin's event log. Every word comes from the catalogs (i18n.js).
import { ApiError, OfflineError, get } from './api.js';
import { formatNumber, formatTime, t } from './i18n.js';
import {
  PRIORITIES, STATUSES, SYSTEM, actionLabel, escalationBadge, h, priorityBadge, priorityLabel, statusBadge, statusLabel, toast,
} from './ui.js';
import { clearErrors, showErrors, validate } from './forms.js';
import { ThreadView } from './thread.js';

const LIST_LIMIT = 50;
// The review queue is worked escalated first (the system found them waiting past their delay, the most often escalated
// on top), then emergency, urgent, routine; within each, the longest waiting first.
const URGENCY = { emergency: 0, urgent: 1, routine: 2 };

const CLOSED = ['Completed', 'Cancelled'];

/** The history entry of the doctor's latest question, on a case read with its history. */
export const questionOf = found => found?.history?.findLast(entry => entry.action === 'request-info' && entry.note) ?? null;

/**
 * People's names instead of their ids: the region's clinicians (GET /api/clinicians, read once per region) and
 * everyone a case's history names; and who of a region's CHWs and clinicians is online (GET /api/presence, then
 * each presenceChanged), shown beside their names wherever one picks a doctor.
 */
export class People {
  constructor(me) {
    this.me = me;
    this.names = new Map([[me.id, me.name]]);
    this.clinicians = new Map(); // region → promise of [{ id, name }]
    this.presence = new Map(); // region → Map of id → { id, name, role, online, lastSeen }
    this.presenceLoads = new Map(); // region → promise
    this.presenceListeners = new Set();
  }

  learn(history) {
    for (const entry of history ?? []) this.names.set(entry.by, entry.byName);
  }

  name(id) { return id ? this.names.get(id) ?? id : null; }

  regionQuery(region) { return this.me.role === 'admin' ? `?region=${encodeURIComponent(region)}` : ''; }

  cliniciansOf(region) {
    if (!this.clinicians.has(region)) {
      const loading = get(`/api/clinicians${this.regionQuery(region)}`).then(list => {
        for (const c of list.items) this.names.set(c.id, c.name);
        return list.items;
      });
      loading.catch(() => this.clinicians.delete(region));
      this.clinicians.set(region, loading);
    }
    return this.clinicians.get(region);
  }

  /** Reads who is online in the region (again, with fresh = true: after a reconnect, changes may have been missed). */
  loadPresence(region, fresh = false) {
    if (fresh || !this.presenceLoads.has(region)) {
      const loading = get(`/api/presence${this.regionQuery(region)}`).then(list => {
        this.presence.set(region, new Map(list.items.map(item => [item.id, item])));
        this.presenceChanged();
      });
      loading.catch(() => this.presenceLoads.delete(region));
      this.presenceLoads.set(region, loading);
    }
    return this.presenceLoads.get(region);
  }

  reloadPresence() {
    for (const region of this.presence.keys()) this.loadPresence(region, true).catch(() => {});
  }

  /** One presenceChanged from the hub. */
  applyPresence(change) {
    if (!this.presence.has(change.region)) return;
    this.presence.get(change.region).set(change.userId,
      { id: change.userId, name: change.name, role: change.role, online: change.online, lastSeen: change.lastSeen });
    this.presenceChanged();
  }

  presenceChanged() {
    for (const listener of [...this.presenceListeners]) listener();
  }

  /** Calls render now and at each change of presence, for as long as element is on the page. */
  keepShowingPresence(element, region, render) {
    let shown = false;
    const listener = () => {
      if (element.isConnected) shown = true;
      else if (shown) { this.presenceListeners.delete(listener); return; }
      render(this.presence.get(region) ?? new Map());
    };
    this.presenceListeners.add(listener);
    listener();
    this.loadPresence(region).catch(() => { /* Names alone, as before presence: nothing is lost. */ });
  }

  /** "Dr A · online now", "Dr A · last seen 10:42": a clinician as the pickers show them. */
  withPresence(id, name, region) {
    const known = this.presence.get(region)?.get(id);
    if (!known) return name;
    const state = known.online ? t('presence.online')
      : known.lastSeen ? t('presence.lastSeen', { time: formatTime(known.lastSeen) }) : t('presence.offline');
    return `${name} · ${state}`;
  }

  /** Labels each doctor of a clinician select with their presence, and keeps the labels current. */
  labelPicker(select, region) {
    this.keepShowingPresence(select, region, () => {
      for (const option of select.options) {
        if (option.value) option.textContent = this.withPresence(option.value, this.name(option.value), region);
      }
    });
  }
}

/** "Doctors online now: …": where a case goes to a doctor, and above the queue. */
export function doctorsOnline(people, region) {
  const line = h('p', { class: 'presence muted', role: 'status' });
  people.keepShowingPresence(line, region, presence => {
    const online = [...presence.values()].filter(p => p.role === 'clinician' && p.online && p.id !== people.me.id);
    line.hidden = presence.size === 0;
    line.textContent = online.length
      ? t('presence.doctorsOnline', { names: online.map(p => p.name).join(', ') })
      : t('presence.noDoctorOnline');
  });
  return line;
}

/** A list of cases: loaded from the API, then kept current from the store, newest change first. */
export class ListPanel {
  /**
   * @param {object} options title() → heading; query() → URL search params; matches(record) → whether a case belongs
   *   here; filters: show status and priority filters; triage: emergency first, with a priority filter;
   *   regions: show a region selector (admins); above: an element shown under the heading.
   */
  constructor(store, live, options) {
    this.store = store;
    this.live = live;
    this.options = options;
    this.filter = { status: '', priority: '', region: options.regions?.[0] ?? '' };
    this.changed = new Set();
    const id = `list-${options.key}`;
    this.list = h('ul', { class: 'cases', 'aria-labelledby': `${id}-title` });
    this.empty = h('p', { class: 'empty' }, t('list.loading'));
    this.error = h('p', { class: 'error', role: 'alert' });
    this.more = h('button', {
      type: 'button', class: 'secondary', hidden: true, 'aria-describedby': `${id}-title`, onclick: () => this.loadMore(),
    }, t('list.more'));
    this.requests = 0;
    // How many rows are shown: a page more with each "Load more", so that a long shift of live events does not grow
    // the list (and every re-render) without end.
    this.limit = LIST_LIMIT;
    this.element = h('section', { class: 'card', 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, options.title()),
      options.above ?? null,
      this.controls(id),
      this.error,
      this.empty,
      this.list,
      this.more);
    store.subscribe(caseId => {
      if (caseId) this.changed.add(caseId);
      this.scheduleRender();
    });
  }

  controls(id) {
    const { filters, regions, triage } = this.options;
    if (!filters && !regions && !triage) return null;
    const select = (name, label, options) => h('div', {},
      h('label', { for: `${id}-${name}` }, label),
      h('select', {
        id: `${id}-${name}`,
        onchange: event => { this.filter[name] = event.target.value; this.load(); },
      }, options.map(([value, text]) => h('option', { value, selected: value === this.filter[name] }, text))));
    return h('div', { class: 'row' },
      regions ? select('region', t('list.regionFilter'), regions.map(r => [r, r])) : null,
      filters ? select('status', t('list.statusFilter'), [['', t('list.anyStatus')], ...STATUSES.map(s => [s, statusLabel(s)])]) : null,
      filters || triage
        ? select('priority', t('list.priorityFilter'), [['', t('list.anyPriority')], ...PRIORITIES.map(p => [p, priorityLabel(p)])])
        : null);
  }

  matches(record) {
    if (record.incomplete || !this.options.matches(record, this.filter)) return false;
    return (!this.filter.status || record.status === this.filter.status) &&
      (!this.filter.priority || record.priority === this.filter.priority);
  }

  /** Reads the first page again: after a filter change, a 410 or a resync. */
  load() {
    this.next = null;
    this.limit = LIST_LIMIT;
    return this.fetchPage(null);
  }

  /** A page more: the next page of the same list (its nextCursor), or rows live events added beyond the limit. */
  async loadMore() {
    const hadFocus = document.activeElement === this.more;
    this.limit += LIST_LIMIT;
    this.more.disabled = true;
    try {
      if (this.next) await this.fetchPage(this.next);
      else this.render();
    } catch {
      // Shown in the panel's error line; the button stays for another try.
    } finally {
      this.more.disabled = false;
    }
    // On the last page the button goes away: keep the keyboard in the list rather than lose it to the page.
    if (hadFocus && this.more.hidden) this.list.lastElementChild?.querySelector('button')?.focus();
  }

  async fetchPage(cursor) {
    const params = new URLSearchParams({ ...this.options.query(this.filter), limit: LIST_LIMIT });
    if (this.filter.status) params.set('status', this.filter.status);
    if (this.filter.priority) params.set('priority', this.filter.priority);
    if (cursor) params.set('cursor', cursor);
    // Only the newest request may set the next cursor: a filter change can overtake a "Load more" still on its way.
    const request = ++this.requests;
    try {
      const page = await get(`/api/cases?${params}`);
      if (request !== this.requests) return;
      this.error.textContent = '';
      for (const item of page.items) this.store.put(item);
      this.live.seedCursor(page.feedCursor);
      this.next = page.nextCursor ?? null;
      this.render();
    } catch (error) {
      if (request !== this.requests) throw error;
      // Offline the list shows what this phone saved (saved-cases.js), and says so.
      this.error.textContent = error instanceof OfflineError ? t('list.offline') : t('list.failed', { error: error.message });
      if (error instanceof OfflineError) this.render();
      throw error;
    }
  }

  scheduleRender() {
    if (this.pending) return;
    this.pending = setTimeout(() => { this.pending = null; this.render(); }, 50);
  }

  order(a, b) {
    if (this.options.triage) {
      return ((b.escalationLevel ?? 0) - (a.escalationLevel ?? 0)) || (URGENCY[a.priority] - URGENCY[b.priority]) ||
        (Date.parse(a.waitingSince ?? a.updatedAt) - Date.parse(b.waitingSince ?? b.updatedAt));
    }
    return Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  }

  render() {
    const records = this.store.all()
      .filter(record => this.matches(record))
      .sort((a, b) => this.order(a, b));
    this.more.hidden = !this.next && records.length <= this.limit;
    records.length = Math.min(records.length, this.limit);
    this.empty.hidden = records.length > 0;
    this.empty.textContent = t('list.empty');
    const focusedId = document.activeElement?.dataset?.caseId;
    this.list.replaceChildren(...records.map(record => {
      const unread = record.unreadMessages > 0
        ? h('span', { class: 'badge unread', title: t('thread.unread', { count: record.unreadMessages }) },
          h('span', { 'aria-hidden': 'true' }, formatNumber(record.unreadMessages)),
          h('span', { class: 'visually-hidden' }, t('thread.unread', { count: record.unreadMessages })))
        : null;
      const link = h('button', {
        type: 'button', class: 'case-link', 'data-case-id': record.id,
        onclick: () => { location.hash = `#/case/${encodeURIComponent(record.id)}`; },
      },
        h('span', { class: 'ref' }, record.patientRef),
        h('span', { class: 'badges' }, unread, escalationBadge(record), priorityBadge(record.priority), statusBadge(record.status)),
        h('span', { class: 'when' }, t('list.changed', { time: formatTime(record.updatedAt) })));
      return h('li', { class: this.changed.has(record.id) && this.rendered ? 'flash' : null }, link);
    }));
    // Keep keyboard focus on the same case across a live re-render.
    if (focusedId) this.list.querySelector(`[data-case-id="${CSS.escape(focusedId)}"]`)?.focus();
    this.changed.clear();
    this.rendered = true;
  }
}

/**
 * Creates a case for an ASHA or CHW, and in the same step sends it to a doctor (the review queue, or one the
 * worker picks): the field's usual flow in one form. "Save only" keeps it open to send later. Without network both
 * go to the outbox, to be sent once it is back.
 */
export function createForm(people, me, outbox) {
  const duplicate = h('p', { class: 'changed', id: 'new-duplicate', role: 'alert', hidden: true });
  const send = h('select', { id: 'new-send-to', name: 'sendTo' },
    h('option', { value: '' }, t('create.anyDoctor')));
  people.cliniciansOf(me.region).then(
    clinicians => {
      send.append(...clinicians.map(c => h('option', { value: c.id }, c.name)));
      people.labelPicker(send, me.region);
    },
    () => { /* The queue stays offered: any doctor of the region sees it there. */ });
  const form = h('form', {
    novalidate: true,
    onsubmit: async event => {
      event.preventDefault();
      const andSend = event.submitter?.value !== 'save';
      const data = new FormData(form);
      const fields = {
        patientRef: String(data.get('patientRef')).trim(), summary: String(data.get('summary')).trim(), priority: data.get('priority'),
      };
      clearErrors(form);
      if (!validate(form)) return;
      const buttons = form.querySelectorAll('button[type=submit]');
      for (const button of buttons) button.disabled = true;
      try {
        // A second open case for the same patient is usually a mistake: say so once, and create it on a second press.
        if (form.dataset.warnedFor !== fields.patientRef.toUpperCase()) {
          const open = await openCasesOf(fields.patientRef);
          if (open.length) {
            form.dataset.warnedFor = fields.patientRef.toUpperCase();
            duplicate.replaceChildren(
              t('create.duplicate', { patient: open[0].patientRef, status: statusLabel(open[0].status) }), ' ',
              h('button', { type: 'button', class: 'secondary', onclick: () => { location.hash = `#/case/${encodeURIComponent(open[0].id)}`; } }, t('create.openExisting')));
            duplicate.hidden = false;
            return;
          }
        }
        const assignTo = String(data.get('sendTo') ?? '');
        const answer = await outbox.createCase(fields, andSend ? (assignTo ? { assignTo } : {}) : null);
        form.reset();
        clearDuplicate();
        const patient = fields.patientRef;
        if (answer.queued || answer.forwarded?.queued) {
          toast(t('outbox.queuedCreate', { patient }), { warn: true });
        } else if (answer.created) {
          toast(t(andSend ? 'create.sent' : 'create.saved', { patient }), { caseId: answer.created.id });
        }
      } catch (e) {
        showErrors(form, e);
      } finally {
        for (const button of buttons) button.disabled = false;
      }
    },
  },
    field('new-patient', t('create.patient'), patientInput('new-patient', 'patientRef', { oninput: () => clearDuplicate() }),
      t('create.patientHint')),
    duplicate,
    field('new-summary', t('create.summary'), h('textarea', { id: 'new-summary', name: 'summary', required: true, maxlength: 2000 })),
    field('new-priority', t('create.priority'), h('select', { id: 'new-priority', name: 'priority' },
      PRIORITIES.map(p => h('option', { value: p }, priorityLabel(p))))),
    field('new-send-to', t('create.sendTo'), send),
    doctorsOnline(people, me.region),
    h('p', { class: 'error', role: 'alert', 'data-error-for': '' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', value: 'send' }, t('create.submitAndSend')),
      h('button', { type: 'submit', value: 'save', class: 'secondary' }, t('create.submitOnly'))));
  function clearDuplicate() {
    delete form.dataset.warnedFor;
    duplicate.hidden = true;
    duplicate.replaceChildren();
  }
  // On a phone the form starts folded, so the worker's own cases are on the first screen; one tap opens it.
  form.id = 'create-form';
  form.hidden = !matchMedia('(min-width: 48rem)').matches;
  const toggle = h('button', {
    type: 'button', class: 'disclosure', 'aria-expanded': String(!form.hidden), 'aria-controls': 'create-form',
    onclick: () => {
      form.hidden = !form.hidden;
      toggle.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector('input').focus();
    },
  }, t('create.title'), h('span', { class: 'sign', 'aria-hidden': 'true' }));
  return h('section', { class: 'card', 'aria-labelledby': 'create-title' }, h('h2', { id: 'create-title' }, toggle), form);
}

/** The open cases of exactly this patient that the caller may read; none when the search cannot be made (offline). */
async function openCasesOf(patientRef) {
  try {
    const page = await get(`/api/cases?${new URLSearchParams({ view: 'patient', patient: patientRef, limit: 20 })}`);
    return page.items.filter(c => c.patientRef.toUpperCase() === patientRef.toUpperCase() && !CLOSED.includes(c.status));
  } catch {
    return [];
  }
}

/**
 * Find a patient: the cases whose patient ID starts with what was typed, among those the user may read (the server
 * searches its read model, docs/design.md section 3), kept current live like the lists. Answers the form and the
 * results, a list of its own (admins pick its region).
 */
export function patientSearch(store, live, me, regions) {
  let sought = '';
  const results = new ListPanel(store, live, {
    key: 'search', title: () => t('search.results'), regions: me.role === 'admin' ? regions : undefined,
    query: filter => ({ view: 'patient', patient: sought, ...(me.role === 'admin' ? { region: filter.region } : {}) }),
    matches: (r, filter) => Boolean(sought) && r.patientRef.toUpperCase().startsWith(sought.toUpperCase()) &&
      r.region === (me.role === 'admin' ? filter.region : me.region) && (me.role !== 'asha' || r.ownerId === me.id),
  });
  results.element.hidden = true;
  const form = h('form', {
    novalidate: true, role: 'search', 'aria-labelledby': 'search-title',
    onsubmit: async event => {
      event.preventDefault();
      clearErrors(form);
      if (!validate(form)) return;
      sought = String(new FormData(form).get('patient')).trim();
      results.element.hidden = false;
      await results.load().catch(() => { /* Shown in the results' error line. */ });
    },
  },
    field('search-patient', t('create.patient'), patientInput('search-patient', 'patient', { type: 'search' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('search.submit'))));
  return [h('section', { class: 'card', 'aria-labelledby': 'search-title' }, h('h2', { id: 'search-title' }, t('search.title')), form), results.element];
}

/** A patient ID: the API's shape of a reference (forms.js checks it), in capitals on a phone's keyboard. */
const patientInput = (id, name, attributes = {}) => h('input', {
  id, name, required: true, maxlength: 64, pattern: '[A-Za-z0-9_\\-]+', 'data-pattern-message': 'form.patientPattern',
  autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', ...attributes,
});

/** A labelled control with its hint and the line where its error goes (forms.js fills it). */
function field(id, label, control, hint = null) {
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('small', { id: `${id}-hint`, class: 'muted' }, hint) : null,
    h('p', { class: 'error', id: `${id}-error`, 'data-error-for': control.name }));
}

// The fields each action takes (docs/design.md section 2); required ones must be filled in.
const ACTION_FIELDS = {
  forward: [{ name: 'assignTo', label: 'field.sendTo', none: 'create.anyDoctor' }, { name: 'note', label: 'field.noteOptional' }],
  assign: [{ name: 'assignTo', label: 'field.doctor', none: 'field.noDoctor', clearable: true }, { name: 'note', label: 'field.noteOptional' }],
  claim: [{ name: 'note', label: 'field.noteOptional' }],
  release: [{ name: 'note', label: 'field.noteOptional' }],
  'request-info': [{ name: 'note', label: 'field.question', required: true }],
  resubmit: [{ name: 'note', label: 'field.answer', required: true }],
  refer: [{ name: 'facility', label: 'field.facility', required: true, max: 200 }, { name: 'note', label: 'field.noteOptional' }],
  complete: [{ name: 'note', label: 'field.noteOptional' }],
  cancel: [{ name: 'reason', label: 'field.reason', required: true }],
  reopen: [{ name: 'reason', label: 'field.reason', required: true }],
};

/** One case with its history and the caller's actions; follows the case live while open. */
export class DetailView {
  constructor(store, live, people, outbox) {
    this.store = store;
    this.live = live;
    this.people = people;
    this.outbox = outbox;
    this.me = people.me;
    this.element = h('section', { class: 'card detail', 'aria-labelledby': 'detail-title', hidden: true });
    store.subscribe(caseId => {
      if (!this.current || caseId !== this.current.id) return;
      if (store.version(caseId) > this.current.version) this.refresh();
      else this.showSeen(store.get(caseId)?.seenBy);
    });
    outbox.subscribe(() => this.showPending());
  }

  /** Takes a longer "seen by" than the page shows (a caseSeen, or a read of the same version) and shows it. */
  showSeen(seenBy) {
    if (!seenBy || seenBy.length <= (this.current?.seenBy?.length ?? 0)) return;
    this.current.seenBy = seenBy;
    this.renderSeen();
  }

  /** "Seen by Dr X, 10:42": the clinicians who have opened the case, first read each, for its ASHA above all. */
  renderSeen() {
    if (!this.seenSlot?.isConnected) return;
    const seen = this.current.seenBy ?? [];
    this.seenSlot.hidden = seen.length === 0;
    this.seenSlot.textContent = seen.length
      ? t('detail.seenBy', { who: seen.map(s => t('detail.seenOne', { name: s.name, time: formatTime(s.at) })).join('; ') })
      : '';
  }

  /** The actions on this case waiting in the outbox: the page shows the case as the server has it, and these apart. */
  showPending() {
    if (!this.pendingSlot?.isConnected) return;
    const pending = this.outbox.pendingFor(this.current.id);
    this.pendingSlot.replaceChildren(...(pending.length
      ? [h('p', { class: 'pending' }, t('outbox.pendingHere', { actions: pending.map(e => actionLabel(e.action)).join(', ') }))]
      : []));
  }

  async open(id) {
    if (this.current && this.current.id !== id) await this.close();
    this.current = { id, version: 0 };
    this.element.hidden = false;
    this.element.replaceChildren(h('h2', { id: 'detail-title', tabindex: '-1' }, t('detail.loading')));
    try {
      const watched = await this.live.watch(id).catch(() => null);
      this.show(watched ?? await get(`/api/cases/${encodeURIComponent(id)}`));
    } catch (error) {
      // Offline: the case as this phone last saw it whole; an action on it goes to the outbox.
      const known = this.store.get(id);
      if (error instanceof OfflineError && known?.detailVersion === known.version) {
        this.show(known);
        this.element.querySelector('#detail-title')?.focus();
        return;
      }
      this.current = null;
      this.element.replaceChildren(
        h('h2', { id: 'detail-title', tabindex: '-1' }, t('detail.unavailable')),
        h('p', {}, error.message),
        this.backButton());
    }
    this.element.querySelector('#detail-title')?.focus();
  }

  async close() {
    if (this.current) await this.live.unwatch(this.current.id);
    this.thread?.stop();
    this.thread = null;
    this.current = null;
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  /** Reads the case again (after a live change or a conflict), keeping the newest version. */
  async refresh() {
    if (!this.current || this.refreshing) return;
    this.refreshing = true;
    try {
      this.show(await get(`/api/cases/${encodeURIComponent(this.current.id)}`));
    } catch (error) {
      // Offline: the reconnect reads the case again (WatchCase), so only a real refusal is worth a toast.
      if (error instanceof ApiError) toast(t('detail.refreshFailed', { error: error.message }), { warn: true });
    } finally {
      this.refreshing = false;
    }
  }

  show(found) {
    if (!this.current || found.id !== this.current.id || found.version < this.current.version) return;
    // The same version again (a live event racing the command's answer): keep the page, and any open action form.
    if (found.version === this.current.version && this.current.history) {
      if (found.viewers) this.showViewers({ caseId: found.id, viewers: found.viewers });
      this.showSeen(found.seenBy);
      this.keepThread(found);
      return;
    }
    const hadFocus = this.element.contains(document.activeElement) && document.activeElement.id !== 'detail-title';
    // A form being typed in survives the change: it moves into the new page, text, focus and caret and all, with a
    // line saying what changed (and, when its action is no longer allowed, that it cannot be sent).
    const openForm = this.actionSlot?.isConnected ? this.actionSlot.firstElementChild : null;
    // The conversation's box survives too: the thread is kept, not rebuilt, while the same case is shown.
    const keeps = [openForm, this.thread?.caseId === found.id ? this.thread.element : null];
    const typing = keeps.some(kept => kept?.contains(document.activeElement)) ? document.activeElement : null;
    const caret = typing && typeof typing.selectionStart === 'number' ? [typing.selectionStart, typing.selectionEnd] : null;
    // A read from the device's store knows no viewers: keep those the hub last told.
    this.current = { ...found, viewers: found.viewers ?? this.current.viewers ?? [] };
    this.store.put(found);
    this.people.learn(found.history);
    const c = found;
    this.keepThread(c);
    const owner = this.people.name(c.ownerId);
    // replaceChildren would write a null as the text "null": leave out what this case does not have.
    this.element.replaceChildren(...[
      h('h2', { id: 'detail-title', tabindex: '-1' }, t('detail.title', { patient: c.patientRef })),
      this.viewersSlot = h('p', { class: 'viewers', role: 'status' }),
      this.seenSlot = h('p', { class: 'case-seen', role: 'status' }),
      h('dl', {},
        h('dt', {}, t('detail.status')), h('dd', {}, statusBadge(c.status), ' ', escalationBadge(c)),
        c.waitingSince ? [h('dt', {}, t('detail.waiting')), h('dd', {}, t('detail.waitingSince', { time: formatTime(c.waitingSince) }))] : null,
        h('dt', {}, t('detail.priority')), h('dd', {}, priorityBadge(c.priority)),
        h('dt', {}, t('detail.region')), h('dd', {}, c.region),
        h('dt', {}, t('detail.openedBy')), h('dd', {}, owner),
        h('dt', {}, t('detail.doctor')), h('dd', { class: 'doctor' }, this.people.name(c.assigneeId) ?? t('detail.noDoctor')),
        c.facility ? [h('dt', {}, t('detail.facility')), h('dd', {}, c.facility)] : null,
        h('dt', {}, t('detail.updated')), h('dd', {}, formatTime(c.updatedAt))),
      h('h3', {}, t('detail.summary')),
      h('p', { class: 'summary' }, c.summary),
      c.status === 'NeedsInfo' && questionOf(c) ? this.question(questionOf(c)) : null,
      this.pendingSlot = h('div', { role: 'status' }),
      h('h3', {}, t('detail.actions')),
      c.allowedActions.length
        ? h('div', { class: 'actions' }, c.allowedActions.map(action =>
          h('button', { type: 'button', class: action === 'resubmit' ? null : 'secondary', onclick: () => this.showAction(action) }, actionLabel(action))))
        : h('p', { class: 'muted' }, t('detail.nothingToDo')),
      this.actionSlot = h('div', {}),
      this.thread.element,
      h('h3', {}, t('detail.history')),
      h('ol', { class: 'history' }, c.history.map(entry => h('li', {},
        h('strong', {}, actionLabel(entry.action)), ' ',
        entry.from ? `${statusLabel(entry.from)} → ` : '', statusLabel(entry.to), ' ',
        t('detail.byAt', { by: entry.by === SYSTEM ? t('detail.system') : entry.byName, time: formatTime(entry.at) }),
        entry.facility && entry.action === 'refer' ? ` · ${t('detail.facilityIs', { facility: entry.facility })}` : '',
        entry.note ? h('div', { class: 'summary muted' }, entry.note) : null))),
      this.backButton(),
    ].filter(Boolean));
    this.showPending();
    this.renderViewers();
    this.renderSeen();
    if (openForm) this.keepForm(openForm, found);
    if (typing?.isConnected) {
      typing.focus();
      if (caret) typing.setSelectionRange(...caret);
    } else if (hadFocus) {
      this.element.querySelector('#detail-title').focus();
    }
  }

  /**
   * The case's thread: made the first time the case is shown, kept (with what is typed in it) while it stays shown,
   * and read again when it could not be read before (the case was first shown offline, from the phone's store).
   */
  keepThread(c) {
    if (this.thread?.caseId !== c.id) {
      this.thread?.stop();
      this.thread = new ThreadView(c.id, {
        me: this.me, live: this.live, outbox: this.outbox, patientRef: c.patientRef,
        nameOf: id => this.people.name(id), onRead: (caseId, upTo) => this.store.markRead(caseId, upTo),
      });
    }
    if (!this.thread.loaded) this.thread.load();
  }

  /** A message of this case's conversation (live, from the feed, or this user's own as sent). */
  showMessage(message) { this.thread?.add(message); }

  /** Whether this case's thread is in front of the user now. */
  reading(caseId) { return this.thread?.caseId === caseId && document.visibilityState === 'visible'; }

  /** A caseViewers from the hub: who has this case open now. */
  showViewers(update) {
    if (!this.current || update.caseId !== this.current.id) return;
    this.current.viewers = update.viewers;
    this.renderViewers();
  }

  /** "Dr X is reviewing this case now" when its doctor has it open; the others who have it open besides me. */
  renderViewers() {
    if (!this.viewersSlot?.isConnected) return;
    const others = (this.current.viewers ?? []).filter(v => v.id !== this.me.id);
    const reviewing = others.find(v => v.id === this.current.assigneeId && v.role === 'clinician');
    const rest = others.filter(v => v !== reviewing);
    this.viewersSlot.replaceChildren(...[
      reviewing ? h('span', { class: 'reviewing' }, t('viewers.reviewing', { name: reviewing.name })) : null,
      reviewing && rest.length ? ' ' : null,
      rest.length ? t('viewers.open', { names: rest.map(v => v.name).join(', ') }) : null,
    ].filter(Boolean));
    this.viewersSlot.hidden = others.length === 0;
  }

  /** The doctor's question, above the reply box, so the field worker need not scroll to the history for it. */
  question(asked) {
    return h('div', { class: 'question', role: 'note' },
      h('h3', {}, t('detail.question', { by: asked.byName })),
      h('p', { class: 'summary' }, asked.note));
  }

  keepForm(form, found) {
    const last = found.history.at(-1);
    const stillAllowed = found.allowedActions.includes(form.dataset.action);
    form.querySelector('.changed')?.remove();
    form.prepend(h('p', { class: 'changed', role: 'alert' },
      t('detail.changedMeanwhile', { status: statusLabel(found.status), by: last.byName }), ' ',
      stillAllowed ? t('detail.formKept') : t('detail.formNotAllowed')));
    form.querySelector('button[type=submit]').disabled = !stillAllowed;
    this.actionSlot.replaceChildren(form);
  }

  backButton() {
    return h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { location.hash = '#/'; } }, t('detail.back')));
  }

  showAction(action) {
    const fields = ACTION_FIELDS[action] ?? [];
    const form = h('form', {
      class: 'card', novalidate: true, 'data-action': action,
      onsubmit: async event => {
        event.preventDefault();
        clearErrors(form);
        if (!validate(form)) return;
        const data = new FormData(form);
        const body = {};
        for (const f of fields) {
          const value = String(data.get(f.name) ?? '').trim();
          if (value) body[f.name] = value;
          else if (f.clearable) body[f.name] = null;
        }
        form.querySelector('button[type=submit]').disabled = true;
        await this.run(action, body, form);
        if (form.isConnected && !form.querySelector('.changed')) form.querySelector('button[type=submit]').disabled = false;
      },
    },
      h('h3', { id: 'action-title' }, actionLabel(action)),
      fields.map(f => field(`action-${f.name}`, t(f.label),
        f.name === 'assignTo' ? this.clinicianPicker(f, () => form)
          : f.name === 'facility'
            ? h('input', { id: `action-${f.name}`, name: f.name, required: f.required, maxlength: f.max ?? 200, autocomplete: 'off' })
            : h('textarea', { id: `action-${f.name}`, name: f.name, required: f.required, maxlength: 1000 }))),
      h('p', { class: 'error', role: 'alert', 'data-error-for': '' }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, t('detail.confirm', { action: actionLabel(action) })),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.actionSlot.replaceChildren() }, t('detail.cancelForm'))));
    this.actionSlot.replaceChildren(form);
    (form.querySelector('input, select, textarea') ?? form.querySelector('button'))?.focus();
  }

  /**
   * A choice among the case's region's clinicians. Until the list is there the form cannot be sent: an empty choice
   * would clear the assignee. The current assignee is always offered.
   */
  clinicianPicker(f, form) {
    const current = this.current.assigneeId;
    const select = h('select', { id: `action-${f.name}`, name: f.name },
      h('option', { value: '' }, t(f.none)),
      current ? h('option', { value: current, selected: true }, this.people.name(current)) : null);
    const submit = () => form().querySelector('button[type=submit]');
    queueMicrotask(() => { if (submit()) submit().disabled = true; });
    this.people.cliniciansOf(this.current.region).then(
      clinicians => {
        for (const c of clinicians) {
          const known = [...select.options].find(o => o.value === c.id);
          if (known) known.textContent = c.name;
          else select.append(h('option', { value: c.id }, c.name));
        }
        this.people.labelPicker(select, this.current.region);
        if (submit()) submit().disabled = false;
      },
      e => { form().querySelector('[data-error-for=""]').textContent = t('detail.noClinicians', { error: e.message }); });
    return select;
  }

  async run(action, body, form) {
    const { id, version, patientRef } = this.current;
    try {
      const updated = await this.outbox.act(id, patientRef, action, body, version);
      this.actionSlot.replaceChildren();
      if (updated.queued) {
        toast(t('outbox.queuedAction', { action: actionLabel(action), patient: patientRef }), { warn: true });
        return;
      }
      if (updated.sentElsewhere) return; // by another tab: its live event shows the change
      this.show(updated);
      toast(t('detail.done', { action: actionLabel(action), patient: updated.patientRef, status: statusLabel(updated.status) }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        toast(t('detail.conflict'), { warn: true });
        await this.refresh();
      } else {
        showErrors(form, e);
      }
    }
  }
}

/** The admin's live event log, newest first. */
export function eventLog() {
  const list = h('ol', { class: 'log', reversed: true });
  const seen = new Set();
  const empty = h('p', { class: 'empty' }, t('log.empty'));
  const element = h('section', { class: 'card', 'aria-labelledby': 'log-title' },
    h('h2', { id: 'log-title' }, t('log.title')),
    empty,
    list);
  return {
    element,
    add(event) {
      // The same event can come through two groups (admins and a watched case): log it once.
      const key = `${event.caseId}:${event.version}`;
      if (seen.has(key)) return;
      seen.add(key);
      empty.hidden = true;
      list.prepend(h('li', {},
        `${formatTime(event.timestamp, false)} · ${event.region} · `,
        h('strong', {}, actionLabel(event.action)), ` ${event.previousStatus ? `${statusLabel(event.previousStatus)} → ` : ''}${statusLabel(event.status)}`,
        ` · ${priorityLabel(event.priority)} · ${t('log.by', { by: event.updatedByName })} · `,
        h('a', { href: `#/case/${encodeURIComponent(event.caseId)}` }, t('log.open'))));
      while (list.children.length > 200) list.lastElementChild.remove();
    },
  };
}
