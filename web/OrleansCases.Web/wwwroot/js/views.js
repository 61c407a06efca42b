// The pieces the role portals are made of: a case list, the create form, the case detail with its actions,
// and the admin's event log.
import { ApiError, act, createCase, get } from './api.js';
import { STATUS_LABELS, formatTime, h, priorityBadge, statusBadge, statusLabel, toast } from './ui.js';

const PRIORITIES = ['routine', 'urgent', 'emergency'];
const LIST_LIMIT = 50;

/** A list of cases: loaded from the API, then kept current from the store, newest change first. */
export class ListPanel {
  /**
   * @param {object} options title; query() → URL search params; matches(record) → whether a case belongs here;
   *   filters: show status and priority filters; regions: show a region selector (admins).
   */
  constructor(store, live, options) {
    this.store = store;
    this.live = live;
    this.options = options;
    this.filter = { status: '', priority: '', region: options.regions?.[0] ?? '' };
    this.changed = new Set();
    const id = `list-${options.key}`;
    this.list = h('ul', { class: 'cases', 'aria-labelledby': `${id}-title` });
    this.empty = h('p', { class: 'empty' }, 'Loading…');
    this.error = h('p', { class: 'error', role: 'alert' });
    this.more = h('button', {
      type: 'button', class: 'secondary', hidden: true, 'aria-describedby': `${id}-title`, onclick: () => this.loadMore(),
    }, 'Load more');
    this.requests = 0;
    // How many rows are shown: a page more with each "Load more", so that a long shift of live events does not grow
    // the list (and every re-render) without end.
    this.limit = LIST_LIMIT;
    this.element = h('section', { class: 'card', 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, options.title),
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
    const { filters, regions } = this.options;
    if (!filters && !regions) return null;
    const select = (name, label, values, labels = {}) => h('div', {},
      h('label', { for: `${id}-${name}` }, label),
      h('select', {
        id: `${id}-${name}`,
        onchange: event => { this.filter[name] = event.target.value; this.load(); },
      }, values.map(value => h('option', { value, selected: value === this.filter[name] }, labels[value] ?? value))));
    return h('div', { class: 'row' },
      regions ? select('region', 'Region', regions) : null,
      filters ? select('status', 'Status', ['', ...Object.keys(STATUS_LABELS)], { '': 'Any status', ...STATUS_LABELS }) : null,
      filters ? select('priority', 'Priority', ['', ...PRIORITIES], { '': 'Any priority' }) : null);
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
      if (request === this.requests) this.error.textContent = `Could not load: ${error.message}`;
      throw error;
    }
  }

  scheduleRender() {
    if (this.pending) return;
    this.pending = setTimeout(() => { this.pending = null; this.render(); }, 50);
  }

  render() {
    const records = this.store.all()
      .filter(record => this.matches(record))
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
    this.more.hidden = !this.next && records.length <= this.limit;
    records.length = Math.min(records.length, this.limit);
    this.empty.hidden = records.length > 0;
    this.empty.textContent = 'No cases.';
    const focusedId = document.activeElement?.dataset?.caseId;
    this.list.replaceChildren(...records.map(record => {
      const link = h('button', {
        type: 'button', class: 'case-link', 'data-case-id': record.id,
        onclick: () => { location.hash = `#/case/${encodeURIComponent(record.id)}`; },
      },
        h('span', { class: 'ref' }, record.patientRef),
        h('span', {}, priorityBadge(record.priority)),
        h('span', {}, statusBadge(record.status)),
        h('span', { class: 'when' }, `changed ${formatTime(record.updatedAt)} · v${record.version}`));
      return h('li', { class: this.changed.has(record.id) && this.rendered ? 'flash' : null }, link);
    }));
    // Keep keyboard focus on the same case across a live re-render.
    if (focusedId) this.list.querySelector(`[data-case-id="${CSS.escape(focusedId)}"]`)?.focus();
    this.changed.clear();
    this.rendered = true;
  }
}

/** Creates a case for an ASHA or CHW. */
export function createForm(store) {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', {
    onsubmit: async event => {
      event.preventDefault();
      const data = new FormData(form);
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      error.textContent = '';
      try {
        const created = await createCase({
          patientRef: data.get('patientRef').trim(), summary: data.get('summary').trim(), priority: data.get('priority'),
        });
        store.put(created);
        form.reset();
        toast(`Case ${created.patientRef} created.`);
      } catch (e) {
        error.textContent = e.message;
      } finally {
        submit.disabled = false;
      }
    },
  },
    h('label', { for: 'new-patient' }, 'Patient reference'),
    h('input', { id: 'new-patient', name: 'patientRef', required: true, maxlength: 64, pattern: '[A-Za-z0-9_\\-]+',
      'aria-describedby': 'new-patient-hint', autocomplete: 'off' }),
    h('small', { id: 'new-patient-hint', class: 'muted' }, 'Letters, digits, - and _ only.'),
    h('label', { for: 'new-summary' }, 'Summary'),
    h('textarea', { id: 'new-summary', name: 'summary', required: true, maxlength: 2000 }),
    h('label', { for: 'new-priority' }, 'Priority'),
    h('select', { id: 'new-priority', name: 'priority' }, PRIORITIES.map(p => h('option', { value: p }, p))),
    error,
    h('button', { type: 'submit' }, 'Create case'));
  return h('section', { class: 'card', 'aria-labelledby': 'create-title' }, h('h2', { id: 'create-title' }, 'New case'), form);
}

// The fields each action takes (docs/design.md section 2); required ones must be filled in.
const ACTION_FIELDS = {
  forward: [{ name: 'assignTo', label: 'Assign to clinician', none: 'Anyone: the review queue' }, { name: 'note', label: 'Note (optional)' }],
  assign: [{ name: 'assignTo', label: 'Clinician', none: 'Nobody: back to the queue', clearable: true }, { name: 'note', label: 'Note (optional)' }],
  claim: [{ name: 'note', label: 'Note (optional)' }],
  release: [{ name: 'note', label: 'Note (optional)' }],
  'request-info': [{ name: 'note', label: 'Question for the field worker', required: true }],
  resubmit: [{ name: 'note', label: 'Answer', required: true }],
  refer: [{ name: 'facility', label: 'Facility', required: true, max: 200 }, { name: 'note', label: 'Note (optional)' }],
  complete: [{ name: 'note', label: 'Note (optional)' }],
  cancel: [{ name: 'reason', label: 'Reason', required: true }],
  reopen: [{ name: 'reason', label: 'Reason', required: true }],
};

const ACTION_LABELS = { 'request-info': 'Request info', cancel: 'Cancel case', reopen: 'Reopen case' };
const actionLabel = action => ACTION_LABELS[action] ?? action[0].toUpperCase() + action.slice(1);

/** One case with its history and the caller's actions; follows the case live while open. */
export class DetailView {
  constructor(store, live, me) {
    this.store = store;
    this.live = live;
    this.me = me;
    this.element = h('section', { class: 'card detail', 'aria-labelledby': 'detail-title', hidden: true });
    this.clinicians = new Map(); // region → promise of [{ id, name }]
    store.subscribe(caseId => {
      if (this.current && caseId === this.current.id && store.version(caseId) > this.current.version) this.refresh();
    });
  }

  async open(id) {
    if (this.current && this.current.id !== id) await this.close();
    this.current = { id, version: 0 };
    this.element.hidden = false;
    this.element.replaceChildren(h('h2', { id: 'detail-title', tabindex: '-1' }, 'Loading case…'));
    try {
      const watched = await this.live.watch(id).catch(() => null);
      this.show(watched ?? await get(`/api/cases/${encodeURIComponent(id)}`));
    } catch (error) {
      this.current = null;
      this.element.replaceChildren(
        h('h2', { id: 'detail-title', tabindex: '-1' }, 'Case not available'),
        h('p', {}, error instanceof ApiError && error.status === 404 ? 'No such case, or you may not see it.' : error.message),
        this.backButton());
    }
    this.element.querySelector('#detail-title')?.focus();
  }

  async close() {
    if (this.current) await this.live.unwatch(this.current.id);
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
      if (error instanceof ApiError) toast(`Could not refresh the case: ${error.message}`, { warn: true });
    } finally {
      this.refreshing = false;
    }
  }

  show(found) {
    if (!this.current || found.id !== this.current.id || found.version < this.current.version) return;
    // The same version again (a live event racing the command's answer): keep the page, and any open action form.
    if (found.version === this.current.version && this.current.history) return;
    const hadFocus = this.element.contains(document.activeElement) && document.activeElement.id !== 'detail-title';
    this.current = found;
    this.store.put(found);
    const c = found;
    this.element.replaceChildren(
      h('h2', { id: 'detail-title', tabindex: '-1' }, `Case ${c.patientRef}`),
      h('dl', {},
        h('dt', {}, 'Status'), h('dd', {}, statusBadge(c.status)),
        h('dt', {}, 'Priority'), h('dd', {}, priorityBadge(c.priority)),
        h('dt', {}, 'Region'), h('dd', {}, c.region),
        h('dt', {}, 'Owner'), h('dd', {}, c.ownerId),
        h('dt', {}, 'Assignee'), h('dd', {}, c.assigneeId ?? '—'),
        c.facility ? [h('dt', {}, 'Facility'), h('dd', {}, c.facility)] : null,
        h('dt', {}, 'Updated'), h('dd', {}, `${formatTime(c.updatedAt)} (version ${c.version})`)),
      h('h3', {}, 'Summary'),
      h('p', { class: 'summary' }, c.summary),
      h('h3', {}, 'Actions'),
      c.allowedActions.length
        ? h('div', { class: 'actions' }, c.allowedActions.map(action =>
          h('button', { type: 'button', class: 'secondary', onclick: () => this.showAction(action) }, actionLabel(action))))
        : h('p', { class: 'muted' }, 'Nothing you can do to this case now.'),
      this.actionSlot = h('div', {}),
      h('h3', {}, 'History'),
      h('ol', { class: 'history' }, c.history.map(entry => h('li', {},
        h('strong', {}, actionLabel(entry.action)), ' ',
        entry.from ? `${statusLabel(entry.from)} → ` : '', statusLabel(entry.to),
        ` by ${entry.byName} · ${formatTime(entry.at)}`,
        entry.facility && entry.action === 'refer' ? ` · facility ${entry.facility}` : '',
        entry.note ? h('div', { class: 'summary muted' }, entry.note) : null))),
      this.backButton());
    if (hadFocus) this.element.querySelector('#detail-title').focus();
  }

  backButton() {
    return h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { location.hash = '#/'; } }, 'Back to lists'));
  }

  showAction(action) {
    const fields = ACTION_FIELDS[action] ?? [];
    const error = h('p', { class: 'error', role: 'alert' });
    const form = h('form', {
      class: 'card',
      onsubmit: async event => {
        event.preventDefault();
        const data = new FormData(form);
        const body = {};
        for (const field of fields) {
          const value = String(data.get(field.name) ?? '').trim();
          if (value) body[field.name] = value;
          else if (field.clearable) body[field.name] = null;
        }
        form.querySelector('button[type=submit]').disabled = true;
        await this.run(action, body, error);
        if (form.isConnected) form.querySelector('button[type=submit]').disabled = false;
      },
    },
      h('h3', { id: 'action-title' }, actionLabel(action)),
      fields.map(field => [
        h('label', { for: `action-${field.name}` }, field.label),
        field.name === 'assignTo' ? this.clinicianPicker(field, error, () => form)
          : field.name === 'facility'
            ? h('input', { id: `action-${field.name}`, name: field.name, required: field.required, maxlength: field.max ?? 200, autocomplete: 'off' })
            : h('textarea', { id: `action-${field.name}`, name: field.name, required: field.required, maxlength: 1000 }),
      ]),
      error,
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, `Confirm ${actionLabel(action).toLowerCase()}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.actionSlot.replaceChildren() }, 'Cancel')));
    this.actionSlot.replaceChildren(form);
    (form.querySelector('input, select, textarea') ?? form.querySelector('button'))?.focus();
  }

  /**
   * A choice among the case's region's clinicians (GET /api/clinicians), read once per region. Until the list is
   * there the form cannot be sent: an empty choice would clear the assignee. The current assignee is always offered.
   */
  clinicianPicker(field, error, form) {
    const current = this.current.assigneeId;
    const select = h('select', { id: `action-${field.name}`, name: field.name },
      h('option', { value: '' }, field.none),
      current ? h('option', { value: current, selected: true }, current) : null);
    const region = this.current.region;
    if (!this.clinicians.has(region)) {
      const query = this.me.role === 'admin' ? `?region=${encodeURIComponent(region)}` : '';
      const loading = get(`/api/clinicians${query}`).then(list => list.items);
      loading.catch(() => this.clinicians.delete(region));
      this.clinicians.set(region, loading);
    }
    const submit = () => form().querySelector('button[type=submit]');
    queueMicrotask(() => { if (submit()) submit().disabled = true; });
    this.clinicians.get(region).then(
      clinicians => {
        for (const c of clinicians) {
          const known = [...select.options].find(o => o.value === c.id);
          if (known) known.textContent = c.name;
          else select.append(h('option', { value: c.id }, c.name));
        }
        if (submit()) submit().disabled = false;
      },
      e => { error.textContent = `Could not list the clinicians: ${e.message}. Close the form and try again.`; });
    return select;
  }

  async run(action, body, error) {
    const { id, version } = this.current;
    try {
      const updated = await act(id, action, body, version);
      this.show(updated);
      toast(`${actionLabel(action)}: case ${updated.patientRef} is now ${statusLabel(updated.status)}.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        toast(`Not done: someone changed this case meanwhile. ${e.problem.title ?? ''} Here is its current state.`, { warn: true });
        await this.refresh();
        this.element.querySelector('#detail-title')?.focus();
      } else {
        error.textContent = e.message;
      }
    }
  }
}

/** The admin's live event log, newest first. */
export function eventLog() {
  const list = h('ol', { class: 'log', reversed: true });
  const seen = new Set();
  const empty = h('p', { class: 'empty' }, 'No events since this page opened.');
  const element = h('section', { class: 'card', 'aria-labelledby': 'log-title' },
    h('h2', { id: 'log-title' }, 'Live event log'),
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
        `${formatTime(event.timestamp, false)} · ${event.region} #${event.seq} · `,
        h('strong', {}, event.action), ` ${event.previousStatus ? `${statusLabel(event.previousStatus)} → ` : ''}${statusLabel(event.status)}`,
        ` · ${event.priority} · by ${event.updatedByName} · `,
        h('a', { href: `#/case/${encodeURIComponent(event.caseId)}` }, `case v${event.version}`)));
      while (list.children.length > 200) list.lastElementChild.remove();
    },
  };
}
