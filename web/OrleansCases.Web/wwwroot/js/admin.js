// The admin's view of the system: silos and their activations, and every web instance's connections, events per
// second and bridge lag (GET /api/admin/cluster, which the instances feed every few seconds).
import { get } from './api.js';
import { formatTime, h } from './ui.js';

const REFRESH_MS = 5000;

export function clusterView() {
  const silos = h('tbody', {});
  const webs = h('tbody', {});
  const status = h('p', { class: 'muted' }, 'Loading…');
  // Focusable, so that a keyboard can scroll a table wider than a phone.
  const table = (caption, headers, body) => h('div', { class: 'scroll', tabindex: '0', role: 'group', 'aria-label': caption },
    h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))), body));
  const element = h('section', { class: 'card', 'aria-labelledby': 'cluster-title' },
    h('h2', { id: 'cluster-title' }, 'Cluster'),
    h('p', {}, h('a', { href: '/admin/dashboard/' }, 'Open the Orleans dashboard')),
    status,
    table('Silos', ['Silo', 'Status', 'Activations', 'Started', 'Last alive'], silos),
    table('Web instances', ['Instance', 'Connections', 'Events/s', 'Bridge lag (max)'], webs));

  // The next read is scheduled when this one is done, so that slow answers never pile up or arrive out of order.
  let timer = null;
  let stopped = false;
  async function refresh() {
    try {
      const cluster = await get('/api/admin/cluster');
      silos.replaceChildren(...cluster.silos.map(s => h('tr', {},
        h('td', {}, `${s.name} (${s.address})`), h('td', {}, s.status), h('td', {}, s.activations ?? '—'),
        h('td', {}, formatTime(s.startedAt)), h('td', {}, formatTime(s.lastAliveAt)))));
      webs.replaceChildren(...cluster.webInstances.map(w => h('tr', {},
        h('td', {}, w.instance),
        h('td', {}, Object.entries(w.connections).map(([key, n]) => `${key}: ${n}`).join(', ') || 'none'),
        h('td', {}, w.eventsPerSecond.toFixed(1)),
        h('td', {}, `${Math.round(w.maxBridgeLagMs)} ms`))));
      status.textContent = `${cluster.activations} grain activations · updated ${formatTime(new Date(), false)}`;
    } catch (error) {
      status.textContent = `Could not read the cluster: ${error.message}`;
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
  }

  return {
    element,
    start() { if (!stopped && timer === null) refresh(); },
    stop() { stopped = true; clearTimeout(timer); },
  };
}
