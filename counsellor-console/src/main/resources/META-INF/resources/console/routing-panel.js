// Offers, danger alerts and the letterbox in the sidebar. Everything a visitor
// typed is set with textContent only.
import { t } from './i18n.js';
import { formatDuration, languageName } from './format.js';
import { currentLanguage } from './i18n.js';
import { ageBandLabel } from './queue-board.js';

function badge(text, className) {
  const element = document.createElement('span');
  element.className = `fc-badge ${className}`;
  element.textContent = text;
  return element;
}

function button(text, test, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.dataset.test = test;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

/** Offers waiting for this counsellor's answer, with a countdown to their expiry. */
export class OfferList {
  #section;
  #list;
  #label;
  #answer;
  #offers = new Map();

  /** answer(chatId, accept) sends the accept or decline. */
  constructor(section, { label, answer }) {
    this.#section = section;
    this.#list = section.querySelector('[data-test=offers]');
    this.#label = label;
    this.#answer = answer;
  }

  /** How many offers are open. */
  get size() {
    return this.#offers.size;
  }

  add(offer) {
    if (typeof offer.chatId !== 'string') return;
    this.#offers.set(offer.chatId, offer);
    this.render();
  }

  remove(chatId) {
    this.#offers.delete(chatId);
    this.render();
  }

  clear() {
    this.#offers.clear();
    this.render();
  }

  render() {
    const language = currentLanguage();
    const items = [...this.#offers.values()]
      .sort((a, b) => (b.urgent === true) - (a.urgent === true))
      .map((offer) => {
        const item = document.createElement('li');
        item.className = 'fc-offer';
        item.dataset.test = 'offer';
        item.dataset.chatId = offer.chatId;
        item.toggleAttribute('data-urgent', offer.urgent === true);
        const details = [this.#label(offer.queue)];
        if (offer.ageBand) details.push(ageBandLabel(offer.ageBand));
        if (offer.language) details.push(languageName(offer.language, language));
        const text = document.createElement('span');
        text.textContent = details.join(' · ');
        item.append(text);
        if (offer.urgent === true) item.append(badge(t('chat.urgent'), 'fc-badge-urgent'));
        if (offer.note) {
          const note = document.createElement('p');
          note.className = 'fc-offer-note';
          note.textContent = t('chat.note', { note: offer.note });
          item.append(note);
        }
        const clock = document.createElement('span');
        clock.className = 'fc-offer-clock';
        clock.dataset.until = String(Date.parse(offer.expiresAt));
        item.append(clock);
        item.append(button(t('offer.accept'), 'accept', () => this.#answer(offer.chatId, true)),
          button(t('offer.decline'), 'decline', () => this.#answer(offer.chatId, false)));
        return item;
      });
    this.#list.replaceChildren(...items);
    this.#section.hidden = items.length === 0;
    this.tick();
  }

  /** Counts the offers down; runs every second. */
  tick(now = Date.now()) {
    for (const clock of this.#list.querySelectorAll('[data-until]')) {
      clock.textContent = t('offer.expiresIn', { time: formatDuration(Math.max(0, Number(clock.dataset.until) - now)) });
    }
  }
}

/** Danger alerts: a chat whose visitor is in danger now. */
export class UrgentList {
  #section;
  #list;
  #label;
  #alerts = new Map();

  constructor(section, { label }) {
    this.#section = section;
    this.#list = section.querySelector('[data-test=urgent-alerts]');
    this.#label = label;
  }

  add(event) {
    if (typeof event.chatId !== 'string') return;
    this.#alerts.set(event.chatId, event);
    this.render();
  }

  /** The chat is being served or has gone. */
  resolve(chatId) {
    if (this.#alerts.delete(chatId)) this.render();
  }

  /** Entries of a `queues` event: an alert whose chat no longer waits there is over. */
  settle(queues) {
    let changed = false;
    for (const entry of queues ?? []) {
      const waiting = new Set((entry?.waiting ?? []).map((visitor) => visitor.chatId));
      for (const [chatId, alert] of this.#alerts) {
        if (alert.queue === entry?.queue && !waiting.has(chatId)) changed = this.#alerts.delete(chatId) || changed;
      }
    }
    if (changed) this.render();
  }

  render() {
    const items = [...this.#alerts.values()].map((event) => {
      const item = document.createElement('li');
      item.dataset.test = 'urgent-alert';
      item.textContent = t(event.reason === 'KEYWORD' ? 'urgent.keyword' : 'urgent.danger',
        { queue: this.#label(event.queue) });
      return item;
    });
    this.#list.replaceChildren(...items);
    this.#section.hidden = items.length === 0;
  }
}

/** Unanswered letterbox messages of this counsellor's groups. */
export class LetterList {
  #section;
  #list;
  #label;
  #answer;

  /** answer(letterId, text) sends the answer. */
  constructor(section, { label, answer, refresh }) {
    this.#section = section;
    this.#list = section.querySelector('[data-test=letters]');
    this.#label = label;
    this.#answer = answer;
    section.querySelector('[data-test=letterbox-refresh]').addEventListener('click', refresh);
  }

  show(letters) {
    const language = currentLanguage();
    const items = (Array.isArray(letters) ? letters : []).map((letter) => {
      const item = document.createElement('li');
      item.className = 'fc-letter';
      item.dataset.test = 'letter';
      const meta = document.createElement('p');
      meta.className = 'fc-letter-meta';
      const details = [this.#label(letter.queue)];
      if (letter.language) details.push(languageName(letter.language, language));
      if (letter.sentAt) details.push(new Date(letter.sentAt).toLocaleString(language));
      meta.textContent = details.join(' · ');
      const text = document.createElement('p');
      text.className = 'fc-letter-text';
      text.dataset.test = 'letter-text';
      text.textContent = String(letter.text ?? '');
      const form = document.createElement('form');
      const answer = document.createElement('textarea');
      answer.rows = 3;
      answer.maxLength = 4000;
      answer.dataset.test = 'letter-answer';
      answer.setAttribute('aria-label', t('letterbox.answerLabel'));
      const send = document.createElement('button');
      send.type = 'submit';
      send.dataset.test = 'letter-send';
      send.textContent = t('letterbox.answer');
      form.append(answer, send);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (answer.value.trim()) this.#answer(letter.id, answer.value.trim());
      });
      item.append(meta, text, form);
      return item;
    });
    this.#list.replaceChildren(...items);
    this.#section.querySelector('.fc-no-letters').hidden = items.length > 0;
  }

  setVisible(visible) {
    this.#section.hidden = !visible;
  }
}
