// The queue at a glance (docs/design.md section 10), for CHWs and admins: per priority, how many cases wait now and
// since when the oldest waits, how long the last day's claims had waited (median and 90th percentile), and today's
// escalations. Two charts (Chart.js, from npm, served from /lib and loaded only by the pages that show them) and the
// same figures as a table, which screen readers and a page without the charts read. Read again soon after an event
// that enters, leaves or escalates in the queue, after a reconnect, and each minute (claims age out of the day).
import { get } from './api.js';
import { formatNumber, formatTime, locale, t } from './i18n.js';
import { h, priorityLabel } from './ui.js';

const ORDER = ['emergency', 'urgent', 'routine'];
// A burst of queue events (a clinician claiming several cases) costs one read; the server answers a summary again
// for a second, so a read sooner would not tell more.
const SOON_MS = 1200;
const EVERY_MS = 60000;
// portal.css's --accent, --danger and a grey that keeps 3:1 against white.
const COLORS = { first: '#0b5cad', second: '#a4161a', third: '#6b7580' };

let chartLibrary = null;

/** Loads Chart.js once per page; a failed load is tried again at the next read. */
function loadCharts() {
  chartLibrary ??= new Promise((resolve, reject) => {
    const script = h('script', { src: '/lib/chart.umd.min.js', async: true });
    script.addEventListener('load', () => {
      // The portal's own font, which carries Devanagari: a canvas has no fallback to the page's fonts.
      window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      resolve(window.Chart);
    });
    script.addEventListener('error', () => { chartLibrary = null; script.remove(); reject(new Error('Chart.js did not load')); });
    document.head.append(script);
  });
  return chartLibrary;
}

/** "45 s", "12 min", "3.5 h": a wait as a person would say it, in the page's language. */
function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : seconds < 90 * 60 ? [seconds / 60, 'minute'] : [seconds / 3600, 'hour'];
  return formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 });
}

/** "3:31 pm" today, "2 Dec, 3:31 pm" before: short enough for a phone's column. */
function since(value) {
  if (!value) return '—';
  const date = new Date(value);
  const today = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(locale(), today ? { timeStyle: 'short' } : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(date);
}

/** The unit the claim-time chart counts in: seconds while the longest wait is short, then minutes, then hours. */
function claimUnit(priorities) {
  const longest = Math.max(0, ...priorities.map(p => p.claimTimeP90Seconds ?? 0));
  return longest < 120 ? { seconds: 1, title: 'queue.seconds' } : longest < 7200 ? { seconds: 60, title: 'queue.minutes' } : { seconds: 3600, title: 'queue.hours' };
}

const inUnit = (seconds, unit) => seconds === null || seconds === undefined ? null : Math.round(seconds / unit.seconds * 10) / 10;

function barChart(Chart, canvas, datasets) {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: ORDER.map(priorityLabel), datasets: datasets.map(([label, color]) => ({ label, data: [], backgroundColor: color })) },
    options: {
      // No animation: the figures are read, not watched, and a phone's CPU is better spent elsewhere.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: locale(),
      plugins: { legend: { position: 'bottom' } },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
}

/** The card of the queue at a glance; admins pick the region (one of regions), a CHW sees their own. */
export function queueAtAGlance(me, regions) {
  const admin = me.role === 'admin';
  let region = admin ? regions[0] : me.region;
  const status = h('p', { class: 'muted', role: 'status' }, t('list.loading'));
  const waitingCanvas = h('canvas', { role: 'img', 'aria-label': t('queue.waitingChart') });
  const claimCanvas = h('canvas', { role: 'img', 'aria-label': t('queue.claimChart') });
  const rows = h('tbody', {});
  // A row per figure and a column per priority: three narrow columns fit a phone.
  const figures = [
    ['queue.waiting', p => formatNumber(p.waiting)],
    ['queue.oldest', p => since(p.oldestWaitingSince)],
    ['queue.escalationsToday', p => formatNumber(p.escalationsToday)],
    ['queue.claims', p => formatNumber(p.claims)],
    ['queue.median', p => duration(p.claimTimeP50Seconds)],
    ['queue.nineInTen', p => duration(p.claimTimeP90Seconds)],
  ];
  const picker = admin
    ? h('select', { id: 'queue-region', onchange: event => { region = event.target.value; latestSeq = 0; soon(0); } },
      regions.map(r => h('option', { value: r }, r)))
    : null;
  const element = h('section', { class: 'card queue-glance', id: 'queue-glance', 'aria-labelledby': 'queue-title' },
    h('h2', { id: 'queue-title' }, admin ? t('queue.title') : t('queue.titleRegion', { region })),
    picker ? h('label', { for: 'queue-region' }, t('list.regionFilter')) : null, picker,
    status,
    h('div', { class: 'charts' },
      h('figure', { class: 'chart' }, h('figcaption', {}, t('queue.waitingChart')), h('div', { class: 'chart-box' }, waitingCanvas)),
      h('figure', { class: 'chart' }, h('figcaption', {}, t('queue.claimChart')), h('div', { class: 'chart-box' }, claimCanvas))),
    // Focusable, so that a keyboard can scroll a table wider than a phone.
    h('div', { class: 'scroll', tabindex: '0', role: 'group', 'aria-label': t('queue.table') },
      h('table', { class: 'queue-table' }, h('caption', {}, t('queue.table')),
        h('thead', {}, h('tr', {}, h('td', {}), ORDER.map(p => h('th', { scope: 'col' }, priorityLabel(p))))), rows)));

  let charts = null;
  let timer = null;
  let dueAt = Infinity;
  let asked = 0;
  let latestSeq = 0;
  let stopped = false;

  /** Reads again within ms, unless a read is due sooner already. */
  function soon(ms) {
    if (stopped || (timer !== null && dueAt <= Date.now() + ms)) return;
    clearTimeout(timer);
    dueAt = Date.now() + ms;
    timer = setTimeout(refresh, ms);
  }

  function render(summary) {
    const byPriority = ORDER.map(p => summary.priorities.find(item => item.priority === p));
    rows.replaceChildren(...figures.map(([label, value]) => h('tr', {},
      h('th', { scope: 'row' }, t(label)),
      byPriority.map(p => h('td', { 'data-priority': p.priority }, value(p))))));
    if (!charts) return;
    charts.waiting.data.datasets[0].data = byPriority.map(p => p.waiting);
    charts.waiting.data.datasets[1].data = byPriority.map(p => p.escalationsToday);
    const unit = claimUnit(byPriority);
    charts.claims.data.datasets[0].data = byPriority.map(p => inUnit(p.claimTimeP50Seconds, unit));
    charts.claims.data.datasets[1].data = byPriority.map(p => inUnit(p.claimTimeP90Seconds, unit));
    charts.claims.options.scales.y.title = { display: true, text: t(unit.title) };
    charts.waiting.update();
    charts.claims.update();
  }

  async function refresh() {
    timer = null;
    dueAt = Infinity;
    if (stopped) return;
    const ask = ++asked;
    const asking = region;
    try {
      const summary = await get(`/api/queue/summary${admin ? `?region=${encodeURIComponent(asking)}` : ''}`);
      // A later read, or one for another region, has the say.
      if (stopped || ask !== asked || asking !== region) return;
      let drawn = true;
      if (!charts) {
        try {
          const Chart = await loadCharts();
          charts ??= {
            waiting: barChart(Chart, waitingCanvas, [[t('queue.waiting'), COLORS.first], [t('queue.escalationsToday'), COLORS.second]]),
            claims: barChart(Chart, claimCanvas, [[t('queue.median'), COLORS.first], [t('queue.nineInTen'), COLORS.third]]),
          };
        } catch {
          drawn = false;
        }
      }
      render(summary);
      status.textContent = drawn ? t('queue.asOf', { time: formatTime(summary.at, false) }) : t('queue.noCharts');
      // The server's summary can be a second behind an event this page has already seen: read again shortly.
      if (summary.seq < latestSeq) soon(SOON_MS);
    } catch (error) {
      if (ask === asked) status.textContent = t('queue.failed', { error: error.message });
    }
    soon(EVERY_MS);
  }

  return {
    element,
    start() { soon(0); },
    stop() { stopped = true; clearTimeout(timer); charts?.waiting.destroy(); charts?.claims.destroy(); },
    /** A caseStatusUpdate: one that enters, leaves or escalates in this region's queue changes the figures. */
    changed(event) {
      if (event.region !== region) return;
      latestSeq = Math.max(latestSeq, event.seq);
      if (event.status === 'ForwardedToClinician' || event.previousStatus === 'ForwardedToClinician') soon(SOON_MS);
    },
    /** After a reconnect: events may have been missed. */
    reload() { soon(0); },
  };
}
