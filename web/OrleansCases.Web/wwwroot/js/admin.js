// The admin's view of the system: silos and their activations, and every web instance's connections, events per
// second and bridge lag (GET /api/admin/cluster, which the instances feed every few seconds).
import { get } from './api.js';
import { formatNumber, formatTime, t } from './i18n.js';
import { h } from './ui.js';

const REFRESH_MS = 5000;

export function clusterView() {
  const silos = h('tbody', {});
  const webs = h('tbody', {});
  const status = h('p', { class: 'muted' }, t('list.loading'));
  // Focusable, so that a keyboard can scroll a table wider than a phone.
  const table = (caption, headers, body) => h('div', { class: 'scroll', tabindex: '0', role: 'group', 'aria-label': caption },
    h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))), body));
  const element = h('section', { class: 'card', 'aria-labelledby': 'cluster-title' },
    h('h2', { id: 'cluster-title' }, t('cluster.title')),
    h('p', {}, h('a', { href: '/admin/dashboard/' }, t('cluster.dashboard'))),
    status,
    table(t('cluster.silos'), [t('cluster.silo'), t('cluster.status'), t('cluster.activations'), t('cluster.started'), t('cluster.lastAlive')], silos),
    table(t('cluster.webs'), [t('cluster.instance'), t('cluster.connections'), t('cluster.eventsPerSecond'), t('cluster.lag')], webs));

  // The next read is scheduled when this one is done, so that slow answers never pile up or arrive out of order.
  let timer = null;
  let stopped = false;
  async function refresh() {
    try {
      const cluster = await get('/api/admin/cluster');
      silos.replaceChildren(...cluster.silos.map(s => h('tr', {},
        h('td', {}, `${s.name} (${s.address})`), h('td', {}, t(`silo.${s.status}`)), h('td', {}, s.activations === null || s.activations === undefined ? '—' : formatNumber(s.activations)),
        h('td', {}, formatTime(s.startedAt)), h('td', {}, formatTime(s.lastAliveAt)))));
      webs.replaceChildren(...cluster.webInstances.map(w => h('tr', {},
        h('td', {}, w.instance),
        h('td', {}, Object.entries(w.connections).map(([key, n]) => `${key}: ${formatNumber(n)}`).join(', ') || t('cluster.none')),
        h('td', {}, formatNumber(w.eventsPerSecond, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
        h('td', {}, formatNumber(Math.round(w.maxBridgeLagMs), { style: 'unit', unit: 'millisecond' })))));
      status.textContent = t('cluster.summary', { activations: formatNumber(cluster.activations), time: formatTime(new Date(), false) });
    } catch (error) {
      status.textContent = t('cluster.failed', { error: error.message });
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
  }

  return {
    element,
    start() { if (!stopped && timer === null) refresh(); },
    stop() { stopped = true; clearTimeout(timer); },
  };
}
