// Small DOM helpers: element building (text only, never HTML strings), badges and the toast line.
import { t } from './i18n.js';

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

export const STATUSES = ['Open', 'ForwardedToClinician', 'UnderReview', 'NeedsInfo', 'Referred', 'Completed', 'Cancelled'];
export const PRIORITIES = ['routine', 'urgent', 'emergency'];

export const statusLabel = status => t(`status.${status}`);
export const priorityLabel = priority => t(`priority.${priority}`);
export const actionLabel = action => t(`action.${action}`);

export const statusBadge = status => h('span', { class: `badge s-${status}` }, statusLabel(status));

export const priorityBadge = priority => h('span', { class: `badge p-${priority}` }, priorityLabel(priority));

/** Who the system's own changes (escalations) are by. */
export const SYSTEM = 'system';

/** "Escalated" (and how often) on a case waiting in the queue past its delay; nothing otherwise. */
export const escalationBadge = record => record.escalationLevel > 0 && record.status === 'ForwardedToClinician'
  ? h('span', { class: 'badge escalated' }, t('badge.escalated', { count: record.escalationLevel }))
  : null;

/** Removes the toast: it names a patient, and on a shared phone the next user must see none of the last one's. */
export function clearToasts() {
  document.getElementById('toasts').replaceChildren();
  keepFocusedControlInView();
}

/**
 * One toast at a time, in the sticky header: it pushes the page down rather than lying over it, so it covers no
 * control; a newer one replaces it. With a case, tapping it opens the case.
 */
export function toast(message, { warn = false, timeout = 8000, caseId = null } = {}) {
  const box = document.getElementById('toasts');
  const text = caseId
    ? h('button', { type: 'button', class: 'toast-text', onclick: () => { item.remove(); location.hash = `#/case/${encodeURIComponent(caseId)}`; } }, message)
    : h('p', { class: 'toast-text' }, message);
  const item = h('div', { class: warn ? 'toast warn' : 'toast' },
    text,
    h('button', { type: 'button', class: 'toast-close', 'aria-label': t('toast.dismiss'), onclick: () => { item.remove(); keepFocusedControlInView(); } }, '×'));
  box.replaceChildren(item);
  keepFocusedControlInView();
  setTimeout(() => { if (item.isConnected) { item.remove(); keepFocusedControlInView(); } }, timeout);
}

/**
 * The header is sticky: what scrolls under it is hidden. Its height is the page's scroll padding, so that focusing a
 * control scrolls it clear of the header; when the header grows (a toast), a focused control it now covers moves down.
 */
export function keepFocusedControlInView() {
  const bar = document.getElementById('bar');
  const height = bar.hidden ? 0 : bar.getBoundingClientRect().height;
  document.documentElement.style.setProperty('--bar-height', `${Math.ceil(height)}px`);
  const focused = document.activeElement;
  if (!focused || focused === document.body || bar.contains(focused)) return;
  if (focused.getBoundingClientRect().top < height) focused.scrollIntoView({ block: 'nearest' });
}
