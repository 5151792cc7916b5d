// The queue overview: one row per queue the counsellor serves. Rows come from
// the served queue ids (duty event or /api/staff/me); who waits comes from the
// `queues` event, which may name only the queues that changed.
import { t, plural, has, currentLanguage, translate } from './i18n.js';
import { earliestSince, formatDuration, isMinor, languageName } from './format.js';

// Past this wait a row is marked, so a queue falling behind stands out.
const LONG_WAIT_MS = 5 * 60 * 1000;
const SHOWN_VISITORS = 6;

export function ageBandLabel(ageBand) {
  return has(`ageBand.${ageBand}`) ? t(`ageBand.${ageBand}`) : ageBand;
}

export class QueueBoard {
  #list;
  #template;
  #label;
  #onTake;
  #onPick;
  #rows = new Map();
  #waiting = new Map();
  #onDuty = false;
  #connected = false;

  /**
   * label(queueId) gives the queue's display name; onTake(queueId) asks for the next visitor;
   * onPick(queueId, chatId) picks one waiting chat by hand.
   */
  constructor(list, template, { label, onTake, onPick }) {
    this.#list = list;
    this.#template = template;
    this.#label = label;
    this.#onTake = onTake;
    this.#onPick = onPick;
  }

  /** The queues this counsellor serves, in display order. */
  setServed(queueIds) {
    const ids = [...new Set(queueIds)];
    for (const [id, row] of this.#rows) {
      if (!ids.includes(id)) {
        row.remove();
        this.#rows.delete(id);
      }
    }
    for (const id of ids) {
      const row = this.#rows.get(id) ?? this.#createRow(id);
      this.#list.append(row);
    }
    this.render();
  }

  setOnDuty(onDuty) {
    this.#onDuty = onDuty;
    // Off duty the server stops sending `queues`; old numbers would mislead.
    if (!onDuty) this.#waiting.clear();
    this.render();
  }

  setConnected(connected) {
    this.#connected = connected;
    this.render();
  }

  /** Entries of a `queues` event. */
  update(queues) {
    for (const entry of queues ?? []) {
      if (typeof entry?.queue !== 'string') continue;
      this.#waiting.set(entry.queue, Array.isArray(entry.waiting) ? entry.waiting : []);
      if (!this.#rows.has(entry.queue)) this.setServed([...this.#rows.keys(), entry.queue]);
    }
    this.render();
  }

  /** Called after a take was refused or answered, so the button is usable again. */
  settle() {
    for (const row of this.#rows.values()) delete row.dataset.pending;
    this.render();
  }

  render() {
    for (const [id, row] of this.#rows) this.#renderRow(id, row);
    this.tick();
  }

  /** Advances the waiting clocks; runs every second. */
  tick(now = Date.now()) {
    for (const [id, row] of this.#rows) {
      const since = earliestSince(this.#waiting.get(id) ?? []);
      const longest = row.querySelector('[data-test=longest-wait]');
      longest.textContent = since === null ? '–' : formatDuration(now - since);
      row.toggleAttribute('data-long-wait', since !== null && now - since >= LONG_WAIT_MS);
      for (const clock of row.querySelectorAll('[data-since]')) {
        clock.textContent = formatDuration(now - Number(clock.dataset.since));
      }
    }
  }

  #createRow(id) {
    const row = this.#template.content.firstElementChild.cloneNode(true);
    row.dataset.queue = id;
    translate(row);
    row.querySelector('[data-test=take]').addEventListener('click', () => {
      row.dataset.pending = 'true';
      this.#renderRow(id, row);
      this.#onTake(id);
      // If neither an assignment nor an error comes back, do not leave the button dead.
      setTimeout(() => {
        delete row.dataset.pending;
        this.#renderRow(id, row);
      }, 5000);
    });
    this.#rows.set(id, row);
    return row;
  }

  #renderRow(id, row) {
    const waiting = this.#waiting.get(id);
    const known = waiting !== undefined;
    const count = known ? waiting.length : 0;
    const name = this.#label(id);
    row.querySelector('.fc-queue-name').textContent = name;
    row.querySelector('[data-test=waiting-count]').textContent = known ? String(count) : '–';
    row.querySelector('.fc-queue-count-label').textContent = known ? plural('queue.waiting', count) : t('queue.unknown');
    row.toggleAttribute('data-has-waiting', count > 0);
    const take = row.querySelector('[data-test=take]');
    take.textContent = t('queue.take');
    take.setAttribute('aria-label', t('queue.takeIn', { queue: name }));
    take.disabled = !this.#onDuty || !this.#connected || count === 0 || row.dataset.pending === 'true';
    this.#renderWaiting(id, row.querySelector('.fc-waiting'), waiting ?? []);
  }

  #renderWaiting(queue, list, waiting) {
    const language = currentLanguage();
    // Urgent chats first, as routing serves them.
    const sorted = [...waiting].sort((a, b) => (b.urgent === true) - (a.urgent === true)
      || Date.parse(a.waitingSince) - Date.parse(b.waitingSince));
    const items = sorted.slice(0, SHOWN_VISITORS).map((visitor) => {
      const item = document.createElement('li');
      item.className = 'fc-waiting-item';
      const clock = document.createElement('span');
      clock.className = 'fc-waiting-clock';
      const since = Date.parse(visitor.waitingSince);
      if (!Number.isNaN(since)) clock.dataset.since = String(since);
      item.append(clock);
      const details = [];
      if (visitor.ageBand) details.push(ageBandLabel(visitor.ageBand));
      if (visitor.language) details.push(languageName(visitor.language, language));
      const text = document.createElement('span');
      text.textContent = details.length > 0 ? details.join(' · ') : t('queue.noDetails');
      item.append(text);
      if (visitor.urgent === true) {
        item.dataset.urgent = 'true';
        const urgent = document.createElement('span');
        urgent.className = 'fc-badge fc-badge-urgent';
        urgent.textContent = t('chat.urgent');
        item.append(urgent);
      }
      if (this.#onDuty && this.#connected && typeof visitor.chatId === 'string') {
        const pick = document.createElement('button');
        pick.type = 'button';
        pick.className = 'fc-pick';
        pick.dataset.test = 'pick';
        pick.textContent = t('queue.pick');
        pick.addEventListener('click', () => this.#onPick(queue, visitor.chatId));
        item.append(pick);
      }
      if (visitor.waitingReason === 'NO_LANGUAGE_MATCH' || visitor.waitingReason === 'NO_AGE_BAND_MATCH') {
        // Not offered to anyone automatically: someone has to choose it.
        item.dataset.unmatched = visitor.waitingReason;
        const unmatched = document.createElement('span');
        unmatched.className = 'fc-badge fc-badge-unmatched';
        unmatched.dataset.test = 'unmatched';
        unmatched.textContent = t(`queue.reason.${visitor.waitingReason}`);
        item.append(unmatched);
      }
      if (isMinor(visitor.ageBand)) {
        item.dataset.minor = 'true';
        const badge = document.createElement('span');
        badge.className = 'fc-badge fc-badge-minor';
        badge.textContent = t('chat.minor');
        item.append(badge);
      }
      return item;
    });
    if (sorted.length > SHOWN_VISITORS) {
      const more = document.createElement('li');
      more.className = 'fc-waiting-more';
      more.textContent = t('queue.more', { count: sorted.length - SHOWN_VISITORS });
      items.push(more);
    }
    list.replaceChildren(...items);
  }
}
