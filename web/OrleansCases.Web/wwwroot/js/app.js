// The portal: sign-in, the header, the role's views, and the wiring of live events into them.
import { ApiError, currentUser, get, setUnauthorizedHandler, signIn, signOut } from './api.js';
import { clusterView } from './admin.js';
import { LANGUAGES, formatTime, setLanguage, startI18n, t, useLanguageOf } from './i18n.js';
import { Live } from './live.js';
import { Outbox } from './outbox.js';
import { OutboxPanel, describeCommand } from './outbox-panel.js';
import { keepCasesSaved, restoreSavedCases } from './saved-cases.js';
import { queueAtAGlance } from './queue-charts.js';
import { CaseStore } from './store.js';
import { clearToasts, h, keepFocusedControlInView, priorityLabel, statusLabel, toast } from './ui.js';
import { DetailView, ListPanel, People, createForm, doctorsOnline, eventLog, patientSearch, questionOf } from './views.js';

const REGIONS = ['north', 'south'];
const $ = id => document.getElementById(id);

let session = null; // { me, store, live, panels, detail, log }

function showSignIn(message = '') {
  $('bar').hidden = true;
  keepFocusedControlInView();
  $('portal').hidden = true;
  $('portal').replaceChildren();
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('username').focus();
}

$('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const button = event.target.querySelector('button');
  $('sign-in-error').textContent = '';
  // Errors under their fields, in the user's language, rather than the browser's English bubbles.
  let missing = false;
  for (const id of ['username', 'password']) {
    const empty = !$(id).value.trim();
    $(`${id}-error`).textContent = empty ? t('form.required') : '';
    $(id).setAttribute('aria-invalid', String(empty));
    missing ||= empty;
  }
  if (missing) {
    event.target.querySelector('[aria-invalid=true]').focus();
    return;
  }
  button.disabled = true;
  try {
    const me = await signIn($('username').value.trim(), $('password').value);
    $('password').value = '';
    await startPortal(me);
  } catch (error) {
    $('sign-in-error').textContent = error instanceof ApiError && error.status === 401
      ? t('auth.wrong')
      : error.message;
  } finally {
    button.disabled = false;
  }
});

$('sign-out').addEventListener('click', async () => {
  await endSession();
  await signOut().catch(() => {});
  showSignIn();
});

setUnauthorizedHandler(async () => {
  if (!session) return;
  await endSession();
  showSignIn(t('auth.ended'));
});

async function endSession() {
  const ending = session;
  session = null;
  ending?.cluster?.stop();
  ending?.queue?.stop();
  ending?.outbox.stop();
  ending?.stopSaving();
  if (ending) await ending.live.stop().catch(() => {});
  clearToasts();
}

/** The lists each role works from (docs/design.md section 2). */
function panelsFor(me, store, live, people) {
  const panel = options => new ListPanel(store, live, options);
  switch (me.role) {
    case 'asha':
      return [panel({ key: 'mine', title: () => t('list.mine'), query: () => ({ view: 'mine' }), matches: r => r.ownerId === me.id })];
    case 'chw':
      return [panel({
        key: 'region', title: () => t('list.region', { region: me.region }), filters: true,
        query: () => ({ view: 'region' }), matches: r => r.region === me.region,
      })];
    case 'clinician':
      return [
        panel({ key: 'queue', title: () => t('list.queue'), query: () => ({ view: 'queue' }), triage: true, above: doctorsOnline(people, me.region),
          matches: r => r.region === me.region && r.status === 'ForwardedToClinician' }),
        panel({ key: 'assigned', title: () => t('list.assigned'), query: () => ({ view: 'assigned' }),
          matches: r => r.assigneeId === me.id }),
      ];
    case 'admin':
      return [panel({
        key: 'admin', title: () => t('list.admin'), regions: REGIONS, filters: true,
        query: filter => ({ view: 'region', region: filter.region }), matches: (r, filter) => r.region === filter.region,
      })];
    default:
      return [];
  }
}

/** Toasts for the events that concern this user; never for their own changes. Each opens its case. */
function notify(me, event, store, found) {
  if (event.updatedBy === me.id) return;
  const known = found ?? store.get(event.caseId);
  const patient = known?.patientRef ?? t('toast.aCase');
  const caseId = event.caseId;
  if (event.action === 'escalate') {
    // Nobody has taken an urgent case for too long: everyone who receives it should know, and can open it from here.
    toast(t(event.ownerId === me.id ? 'toast.escalatedYours' : 'toast.escalated',
      { patient, priority: priorityLabel(event.priority), count: event.escalationLevel }), { caseId, warn: true });
  } else if (event.ownerId === me.id && event.status !== event.previousStatus) {
    // A question from the doctor is the one thing the field worker must read: the toast carries it.
    const question = event.status === 'NeedsInfo' ? questionOf(found)?.note : null;
    toast(question
      ? t('toast.question', { patient, by: event.updatedByName, question })
      : t('toast.yourCase', { patient, status: statusLabel(event.status), by: event.updatedByName }),
    { caseId, warn: event.status === 'NeedsInfo' });
  } else if (event.assigneeId === me.id && event.previousAssigneeId !== me.id) {
    toast(t('toast.assigned', { patient, by: event.updatedByName }), { caseId });
  } else if (me.role === 'clinician' && event.status === 'ForwardedToClinician' &&
    event.previousStatus !== 'ForwardedToClinician' && event.priority !== 'routine') {
    toast(t('toast.queue', { patient, priority: priorityLabel(event.priority) }), { caseId, warn: event.priority === 'emergency' });
  }
}

async function startPortal(me) {
  await endSession();
  await useLanguageOf(me.id);
  const store = new CaseStore();
  await restoreSavedCases(store, me.id);
  const current = { me, store, stopSaving: keepCasesSaved(store, me.id) };
  const live = new Live({
    onEvent: event => onEvent(current, event),
    onReload: () => reloadLists(current),
    onState: (state, lastUpdate) => {
      showState(state, lastUpdate);
      // The way to the server is back: what waits goes now, and presence is read again (changes may have been missed).
      if (state === 'connected') {
        current.outbox.flush();
        current.people.reloadPresence();
      }
    },
    onWatched: found => { if (session === current) current.detail.show(found); },
    onPresence: change => { if (session === current) current.people.applyPresence(change); },
    onViewers: update => { if (session === current) current.detail?.showViewers(update); },
    onMessage: (message, { live: isLive }) => onMessage(current, message, isLive),
    onTyping: update => { if (session === current) current.detail?.thread?.showTyping(update); },
    onMessagesRead: update => { if (session === current) current.detail?.thread?.showRead(update); },
    onSeen: update => onSeen(current, update),
  });
  current.live = live;
  current.people = new People(me);
  current.panels = panelsFor(me, store, live, current.people);
  current.outbox = new Outbox(me, {
    onSent: (result, entry, awaited) => {
      if (entry.kind === 'message') {
        current.detail.showMessage(result);
        store.applyMessage(result, true);
      } else {
        store.put(result);
      }
      if (!awaited && session === current) toast(t('outbox.sent', { what: describeCommand(entry) }), { caseId: result.caseId ?? result.id });
    },
    onRefused: entry => {
      if (session === current) toast(t('outbox.refusedToast', { what: describeCommand(entry) }), { warn: true });
    },
  });
  current.detail = new DetailView(store, live, current.people, current.outbox);
  current.log = me.role === 'admin' ? eventLog() : null;
  current.cluster = me.role === 'admin' ? clusterView() : null;
  current.queue = me.role === 'chw' || me.role === 'admin' ? queueAtAGlance(me, REGIONS) : null;
  current.fetching = new Set();
  session = current;

  $('who-name').textContent = me.name;
  $('who-where').textContent = me.region
    ? t('who.inRegion', { role: t(`role.${me.role}`), region: me.region })
    : t('who.allRegions', { role: t(`role.${me.role}`) });
  $('sign-in').hidden = true;
  $('bar').hidden = false;
  keepFocusedControlInView();
  const lists = h('div', { id: 'lists', class: 'grid' },
    new OutboxPanel(current.outbox).element,
    me.role === 'asha' || me.role === 'chw' ? createForm(current.people, me, current.outbox) : null,
    current.panels.map(p => p.element),
    current.queue?.element,
    patientSearch(store, live, me, REGIONS),
    current.log?.element,
    current.cluster?.element);
  $('portal').replaceChildren(h('h1', { class: 'visually-hidden', id: 'portal-title' }, t('app.portalTitle', { name: me.name })), current.detail.element, lists);
  $('portal').hidden = false;

  await current.outbox.start();
  await reloadLists(current).catch(() => {});
  if (session !== current) return;
  await route();
  if (session !== current) return;
  live.start();
  current.cluster?.start();
  current.queue?.start();
}

async function reloadLists(current) {
  current.live.resetCursor();
  current.queue?.reload();
  for (const panel of current.panels) await panel.load();
}

function onEvent(current, event) {
  if (session !== current) return;
  current.log?.add(event);
  if (!current.store.applyEvent(event)) return;
  current.queue?.changed(event);
  // An event carries neither the patient nor the notes: read the case when the lists need its patient, or when it
  // asks this user a question, which the toast then shows.
  const asksMe = event.status === 'NeedsInfo' && event.ownerId === current.me.id && event.updatedBy !== current.me.id;
  if (current.store.get(event.caseId)?.incomplete || asksMe) fillIn(current, event);
  else notifyLater(current, event);
}

/**
 * A message of a conversation this user is in: to the thread when it is open, counted in the lists (unread unless
 * theirs or in front of them), and a toast naming the writer when it is about their own case or one assigned to them.
 */
/** "Did the doctor see my case?": a clinician opened it for the first time. Shown on the case, and told in a toast. */
function onSeen(current, update) {
  if (session !== current || !current.store.applySeen(update)) return;
  const patient = current.store.get(update.caseId)?.patientRef ?? t('toast.aCase');
  toast(t('toast.seen', { by: update.name, patient }), { caseId: update.caseId });
}

function onMessage(current, message, isLive) {
  if (session !== current) return;
  const mine = message.authorId === current.me.id;
  const reading = current.detail.reading(message.caseId);
  current.detail.showMessage(message);
  if (!current.store.applyMessage(message, mine || reading) || mine || reading || !isLive) return;
  const known = current.store.get(message.caseId);
  if (known && (known.ownerId === current.me.id || known.assigneeId === current.me.id)) {
    // A toast is one short line: the start of the message, the rest on the case's page.
    const text = message.text.length > 120 ? `${message.text.slice(0, 119)}…` : message.text;
    toast(t('toast.message', { by: message.authorName, patient: known.patientRef ?? t('toast.aCase'), text }), { caseId: message.caseId });
  }
}

async function fillIn(current, event, attempt = 0) {
  if (current.fetching.has(event.caseId) && attempt === 0) return;
  current.fetching.add(event.caseId);
  let found = null;
  try {
    // Not opened by the user: audited like every read, but no doctor's "seen" (docs/design.md section 10).
    found = await get(`/api/cases/${encodeURIComponent(event.caseId)}?background=true`);
    current.store.put(found);
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.status === 404) current.store.remove(event.caseId);
    } else if (attempt < 5 && session === current) {
      // Off the network for now: try again shortly.
      setTimeout(() => fillIn(current, event, attempt + 1), 2000 * (attempt + 1));
      return;
    }
  }
  current.fetching.delete(event.caseId);
  notifyLater(current, event, found);
}

function notifyLater(current, event, found = null) {
  if (session === current) notify(current.me, event, current.store, found);
}

function showState(state, lastUpdate) {
  $('live').dataset.state = state;
  $('live').querySelector('.dot').className = `dot ${state}`;
  $('live-state').textContent = t(`live.${state}`);
  $('live-last').textContent = lastUpdate ? t('live.updated', { time: formatTime(lastUpdate, false) }) : '';
}

/** #/case/<id> opens a case; anything else shows the lists. */
async function route() {
  if (!session) return;
  const match = /^#\/case\/(.+)$/.exec(location.hash);
  const lists = $('lists');
  if (match) {
    lists.hidden = true;
    await session.detail.open(decodeURIComponent(match[1]));
  } else {
    const openId = session.detail.current?.id;
    await session.detail.close();
    lists.hidden = false;
    if (openId) document.querySelector(`[data-case-id="${CSS.escape(openId)}"]`)?.focus();
  }
}

window.addEventListener('hashchange', () => route());

// The language switch, on the sign-in page and in the header: the portal starts again in the new language (lists
// read again, the live connection made again).
for (const select of document.querySelectorAll('select.language')) {
  select.replaceChildren(...Object.entries(LANGUAGES).map(([code, { name }]) => h('option', { value: code, lang: code }, name)));
  select.addEventListener('change', async () => {
    await setLanguage(select.value, session?.me.id);
    if (session) await startPortal(session.me);
  });
}

// The service worker keeps the shell for offline use (sw.js); registered once the page has loaded, so that its
// caching of the whole shell does not compete with the first load. Without one the portal works, only not offline.
const registerServiceWorker = () => navigator.serviceWorker?.register('/sw.js').catch(() => {});
if (document.readyState === 'complete') registerServiceWorker();
else window.addEventListener('load', registerServiceWorker);

await startI18n();
try {
  const me = await currentUser();
  if (me) await startPortal(me);
  else showSignIn();
} catch (error) {
  showSignIn(t('app.noAnswer', { error: error.message }));
}
