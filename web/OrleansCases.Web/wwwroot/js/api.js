// The HTTP API of docs/design.md section 4: JSON in and out, the antiforgery header on every change,
// problem details turned into an ApiError the views can explain in the user's language.
import { t } from './i18n.js';
import { forgetSavedCases } from './saved-cases.js';
import { statusLabel } from './ui.js';

let xsrfToken = null;

/** The server refused or failed the request: `status` and the problem details it answered with. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem ?? {}));
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The fields a 400 named, each with a message for under that field. */
  get fieldErrors() {
    return Object.fromEntries(Object.keys(this.problem.errors ?? {}).map(field => [field, t('problem.field')]));
  }
}

/** No answer at all: the phone is offline, or the server is out of reach. */
export class OfflineError extends Error {
  constructor() { super(t('problem.offline')); }
}

// The server's titles are English; the user reads the catalog's words for each kind of refusal.
function describe(status, problem) {
  switch (status) {
    case 400: return t('problem.invalid');
    case 401: return t('problem.signedOut');
    case 403: return t('problem.forbidden');
    case 404: return t('problem.notFound');
    case 409:
      if (problem.currentStatus) return t('problem.notFromStatus', { status: statusLabel(problem.currentStatus) });
      if (problem.title?.includes('conversation')) return t('problem.threadFull');
      return problem.title?.includes('history') ? t('problem.historyFull') : t('problem.changed');
    case 410: return t('problem.gone');
    case 413: return t('problem.tooLarge');
    case 429: return t('problem.tooMany');
    case 503: return t('problem.unavailable');
    default: return t('problem.failed', { status });
  }
}

/** Called when any request answers 401: the session is gone. */
export let onUnauthorized = () => {};
export function setUnauthorizedHandler(handler) { onUnauthorized = handler; }

async function send(method, path, body, retried = false) {
  // A page started offline has no token yet: fetch one before its first change rather than be refused for it.
  if (method !== 'GET' && !xsrfToken && path !== '/api/auth/login') await refreshAntiforgery();
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && xsrfToken) headers['X-XSRF-TOKEN'] = xsrfToken;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new OfflineError();
  }
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  const problem = await response.json().catch(() => null);
  // An antiforgery token can go stale (new session, key rotation): fetch a fresh one and try once more.
  if (response.status === 400 && problem?.errors?.['X-XSRF-TOKEN'] && !retried) {
    await refreshAntiforgery();
    return send(method, path, body, true);
  }
  if (response.status === 401 && !path.startsWith('/api/auth/login')) {
    forgetSession();
    onUnauthorized();
  }
  throw new ApiError(response.status, problem);
}

export const get = path => send('GET', path);
export const post = (path, body) => send('POST', path, body ?? {});

export async function refreshAntiforgery() {
  const { token } = await send('GET', '/api/auth/antiforgery');
  xsrfToken = token;
}

// Whether this browser may hold a session, so that a first visit does not ask /api/me only to get a 401
// (which the browser reports as a console error). The session cookie itself is HttpOnly.
// The user is kept too (their id, name, role and region, nothing secret), so that a page reloaded offline opens their
// portal, with the cases they last saw and their outbox, rather than the sign-in form.
const SESSION_HINT = 'orleanscases.signedIn';
const SIGNED_IN_USER = 'orleanscases.user';

export function forgetSession() {
  localStorage.removeItem(SESSION_HINT);
  localStorage.removeItem(SIGNED_IN_USER);
  forgetSavedCases();
}

function remember(user) {
  localStorage.setItem(SESSION_HINT, '1');
  localStorage.setItem(SIGNED_IN_USER, JSON.stringify(user));
}

export async function signIn(username, password) {
  const user = await send('POST', '/api/auth/login', { username, password });
  remember(user);
  await refreshAntiforgery();
  return user;
}

export async function signOut() {
  forgetSession();
  try { await send('POST', '/api/auth/logout'); } finally { xsrfToken = null; }
}

/** The signed-in user, or null without a session; offline, the user last signed in here (their session is checked once online). */
export async function currentUser() {
  if (!localStorage.getItem(SESSION_HINT)) return null;
  let response;
  try {
    response = await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    const known = JSON.parse(localStorage.getItem(SIGNED_IN_USER));
    if (known) return known;
    throw new OfflineError();
  }
  if (response.status === 401) {
    forgetSession();
    return null;
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const user = await response.json();
  remember(user);
  await refreshAntiforgery();
  return user;
}
