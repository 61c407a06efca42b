// The portal: sign-in, the header, the role's views, and the wiring of live events into them.
import { ApiError, currentUser, get, setUnauthorizedHandler, signIn, signOut } from './api.js';
import { clusterView } from './admin.js';
import { Live } from './live.js';
import { CaseStore } from './store.js';
import { clearToasts, formatTime, h, statusLabel, toast } from './ui.js';
import { DetailView, ListPanel, createForm, eventLog } from './views.js';

const REGIONS = ['north', 'south'];
const $ = id => document.getElementById(id);

let session = null; // { me, store, live, panels, detail, log }

function showSignIn(message = '') {
  $('bar').hidden = true;
  $('portal').hidden = true;
  $('portal').replaceChildren();
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('username').focus();
}

$('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const button = event.target.querySelector('button');
  button.disabled = true;
  $('sign-in-error').textContent = '';
  try {
    const me = await signIn($('username').value.trim(), $('password').value);
    $('password').value = '';
    await startPortal(me);
  } catch (error) {
    $('sign-in-error').textContent = error instanceof ApiError && error.status === 401
      ? 'Wrong user name or password.'
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
  showSignIn('Your session has ended: please sign in again.');
});

async function endSession() {
  const ending = session;
  session = null;
  ending?.cluster?.stop();
  if (ending) await ending.live.stop().catch(() => {});
  clearToasts();
}

/** The lists each role works from (docs/design.md section 2). */
function panelsFor(me, store, live) {
  const panel = options => new ListPanel(store, live, options);
  switch (me.role) {
    case 'asha':
      return [panel({ key: 'mine', title: 'My cases', query: () => ({ view: 'mine' }), matches: r => r.ownerId === me.id })];
    case 'chw':
      return [panel({
        key: 'region', title: `Cases of ${me.region}`, filters: true,
        query: () => ({ view: 'region' }), matches: r => r.region === me.region,
      })];
    case 'clinician':
      return [
        panel({ key: 'queue', title: 'Review queue', query: () => ({ view: 'queue' }),
          matches: r => r.region === me.region && r.status === 'ForwardedToClinician' }),
        panel({ key: 'assigned', title: 'Assigned to me', query: () => ({ view: 'assigned' }),
          matches: r => r.assigneeId === me.id }),
      ];
    case 'admin':
      return [panel({
        key: 'admin', title: 'Cases by region', regions: REGIONS, filters: true,
        query: filter => ({ view: 'region', region: filter.region }), matches: (r, filter) => r.region === filter.region,
      })];
    default:
      return [];
  }
}

/** Toasts for the events that concern this user; never for their own changes. */
function notify(me, event, store) {
  if (event.updatedBy === me.id) return;
  const name = store.get(event.caseId)?.patientRef ?? 'a case';
  if (event.ownerId === me.id && event.status !== event.previousStatus) {
    toast(`Your case ${name} is now ${statusLabel(event.status)} (by ${event.updatedByName}).`);
  } else if (event.assigneeId === me.id && event.previousAssigneeId !== me.id) {
    toast(`Case ${name} was assigned to you by ${event.updatedByName}.`);
  } else if (me.role === 'clinician' && event.status === 'ForwardedToClinician' &&
    event.previousStatus !== 'ForwardedToClinician' && event.priority !== 'routine') {
    toast(`An ${event.priority} case entered the review queue.`, { warn: event.priority === 'emergency' });
  }
}

async function startPortal(me) {
  await endSession();
  const store = new CaseStore();
  const current = { me, store };
  const live = new Live({
    onEvent: event => onEvent(current, event),
    onReload: () => reloadLists(current),
    onState: (state, lastUpdate) => showState(state, lastUpdate),
    onWatched: found => { if (session === current) current.detail.show(found); },
  });
  current.live = live;
  current.panels = panelsFor(me, store, live);
  current.detail = new DetailView(store, live, me);
  current.log = me.role === 'admin' ? eventLog() : null;
  current.cluster = me.role === 'admin' ? clusterView() : null;
  current.fetching = new Set();
  session = current;

  $('who-name').textContent = me.name;
  $('who-where').textContent = me.region ? `${me.role} · ${me.region}` : `${me.role} · all regions`;
  $('sign-in').hidden = true;
  $('bar').hidden = false;
  const lists = h('div', { id: 'lists', class: 'grid' },
    me.role === 'asha' || me.role === 'chw' ? createForm(store) : null,
    current.panels.map(p => p.element),
    current.log?.element,
    current.cluster?.element);
  $('portal').replaceChildren(h('h1', { class: 'visually-hidden', id: 'portal-title' }, `${me.name}'s cases`), current.detail.element, lists);
  $('portal').hidden = false;

  await reloadLists(current).catch(() => {});
  if (session !== current) return;
  await route();
  if (session !== current) return;
  live.start();
  current.cluster?.start();
}

async function reloadLists(current) {
  current.live.resetCursor();
  for (const panel of current.panels) await panel.load();
}

function onEvent(current, event) {
  if (session !== current) return;
  current.log?.add(event);
  if (!current.store.applyEvent(event)) return;
  // An event does not carry the patient: read the case so that the lists can show it.
  if (current.store.get(event.caseId)?.incomplete) fillIn(current, event);
  else notifyLater(current, event);
}

async function fillIn(current, event, attempt = 0) {
  if (current.fetching.has(event.caseId) && attempt === 0) return;
  current.fetching.add(event.caseId);
  try {
    current.store.put(await get(`/api/cases/${encodeURIComponent(event.caseId)}`));
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
  notifyLater(current, event);
}

function notifyLater(current, event) {
  if (session === current) notify(current.me, event, current.store);
}

function showState(state, lastUpdate) {
  $('live-dot').className = `dot ${state}`;
  $('live-state').textContent = state;
  $('live-last').textContent = lastUpdate ? `updated ${formatTime(lastUpdate, false)}` : '';
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

try {
  const me = await currentUser();
  if (me) await startPortal(me);
  else showSignIn();
} catch (error) {
  showSignIn(`The service did not answer: ${error.message}`);
}
