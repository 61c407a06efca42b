// Small DOM helpers: element building (text only, never HTML strings), formatting and toasts.

/** h('p', { class: 'x', onclick }, 'text', child) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export const STATUS_LABELS = {
  Open: 'Open',
  ForwardedToClinician: 'Forwarded to clinician',
  UnderReview: 'Under review',
  NeedsInfo: 'Needs info',
  Referred: 'Referred',
  Completed: 'Completed',
  Cancelled: 'Cancelled',
};

export const statusLabel = status => STATUS_LABELS[status] ?? status;

export const statusBadge = status => h('span', { class: `badge s-${status}` }, statusLabel(status));

export const priorityBadge = priority => h('span', { class: `badge p-${priority}` }, priority);

export function formatTime(value, withDate = true) {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  return withDate
    ? date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Removes every toast: they name patients, and on a shared phone the next user must see none of the last one's. */
export function clearToasts() {
  document.getElementById('toasts').replaceChildren();
}

export function toast(message, { warn = false, timeout = 8000 } = {}) {
  const box = document.getElementById('toasts');
  const item = h('div', { class: warn ? 'toast warn' : 'toast' },
    h('p', {}, message),
    h('button', { type: 'button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'));
  box.append(item);
  while (box.children.length > 3) box.firstElementChild.remove();
  setTimeout(() => item.remove(), timeout);
}
