// "Waiting to send": what the outbox (outbox.js) holds for this user, each command with its state, and a command the
// server refused with why and what the user can do about it (open the case as it is now, or discard the change).
import { t } from './i18n.js';
import { refusalOf } from './outbox.js';
import { actionLabel, h } from './ui.js';

/** What a command is, in the words of the lists: "New case P-1042", "Send to doctor: P-1042". */
export const describeCommand = entry => entry.kind === 'create' ? t('outbox.create', { patient: entry.patientRef })
  : entry.kind === 'message' ? t('outbox.message', { patient: entry.patientRef })
  : t('outbox.act', { action: actionLabel(entry.action), patient: entry.patientRef });

export class OutboxPanel {
  constructor(outbox) {
    this.outbox = outbox;
    this.list = h('ul', { class: 'outbox', 'aria-labelledby': 'outbox-title' });
    this.element = h('section', { class: 'card', id: 'outbox', 'aria-labelledby': 'outbox-title', hidden: true },
      h('h2', { id: 'outbox-title' }, t('outbox.title')),
      this.list);
    outbox.subscribe(entries => this.render(entries));
    this.render(outbox.all());
  }

  render(entries) {
    this.element.hidden = entries.length === 0;
    this.list.replaceChildren(...entries.map(entry => entry.state === 'refused'
      ? h('li', { class: 'refused', 'data-key': entry.key },
        h('strong', {}, describeCommand(entry)),
        h('p', { class: 'error' }, t('outbox.refused', { reason: refusalOf(entry).message })),
        h('div', { class: 'actions' },
          entry.caseId ? h('button', { type: 'button', class: 'secondary', onclick: () => { location.hash = `#/case/${encodeURIComponent(entry.caseId)}`; } }, t('outbox.open')) : null,
          h('button', { type: 'button', class: 'secondary', onclick: () => this.outbox.discard(entry.key) }, t('outbox.discard'))))
      : h('li', { class: 'waiting', 'data-key': entry.key },
        h('strong', {}, describeCommand(entry)),
        h('p', { class: 'muted' }, t('outbox.waiting')))));
  }
}
