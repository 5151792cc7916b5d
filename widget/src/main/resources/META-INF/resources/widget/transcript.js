// The message list. Delivery is at-least-once, so the same message can arrive
// twice (resend, sync after reconnect); every message is keyed by its id and
// shown once. Own messages are shown at once as pending and become delivered
// when the server's echo (with its seq) arrives.

/**
 * @param {HTMLOListElement|HTMLUListElement} list the `[data-test=messages]` element
 * @param {object} view how to render: { label(from), status(state), time(date) } returning strings
 */
export class Transcript {
  #list;
  #view;
  #items = new Map(); // id -> { li, seq, from, text, status }
  #maxSeq = 0;
  #author = null; // the last counsellor's display name

  constructor(list, view) {
    this.#list = list;
    this.#view = view;
  }

  /** Highest seq seen, for sync after a reconnect. */
  get maxSeq() {
    return this.#maxSeq;
  }

  has(id) {
    return this.#items.has(id);
  }

  /** Own messages the server has not acknowledged yet, oldest first. */
  unacknowledged() {
    return [...this.#items.entries()]
      .filter(([, item]) => item.status === 'pending')
      .map(([id, item]) => ({ id, text: item.text }));
  }

  /** Shows an own message before the server has it. */
  addOwn(id, text, now = new Date()) {
    const item = { seq: null, from: 'VISITOR', text, status: 'pending' };
    item.li = this.#render(id, item, now);
    this.#items.set(id, item);
    this.#list.append(item.li);
  }

  /**
   * Takes a `message` event. Returns true when it was new to the list (so the
   * caller may announce it), false for an echo or a duplicate.
   */
  receive(message) {
    const { id, seq, from, text, sentAt, author } = message;
    if (typeof id !== 'string') return false;
    if (Number.isInteger(seq)) this.#maxSeq = Math.max(this.#maxSeq, seq);
    const known = this.#items.get(id);
    if (known) {
      if (known.status !== 'delivered') {
        known.seq = seq;
        this.#setStatus(known, 'delivered');
        this.#place(known.li, seq);
      }
      return false;
    }
    const item = { seq, from, text: String(text ?? ''), status: 'delivered' };
    item.li = this.#render(id, item, sentAt ? new Date(sentAt) : new Date());
    // After a transfer the new counsellor's first message carries their name, as text.
    if (author && from !== 'VISITOR') {
      if (this.#author && author !== this.#author) {
        const name = document.createElement('b');
        name.className = 'fyren-msg__author';
        name.textContent = author;
        item.li.prepend(name);
      }
      this.#author = author;
    }
    this.#items.set(id, item);
    this.#place(item.li, seq);
    return true;
  }

  /** Marks an own message as not sent (the server refused it). */
  fail(id) {
    const item = this.#items.get(id);
    if (item && item.status === 'pending') this.#setStatus(item, 'failed');
  }

  /** Marks every still-pending message as not sent (the chat is over). */
  failPending() {
    for (const item of this.#items.values()) {
      if (item.status === 'pending') this.#setStatus(item, 'failed');
    }
  }

  /** Re-renders sender labels and status words after a language change. */
  relabel() {
    for (const item of this.#items.values()) {
      item.li.querySelector('.fyren-msg__from').textContent = this.#view.label(item.from);
      this.#setStatus(item, item.status);
    }
  }

  clear() {
    this.#items.clear();
    this.#maxSeq = 0;
    this.#author = null;
    this.#list.replaceChildren();
  }

  // Delivered messages stay in seq order; pending ones stay at the bottom
  // until the server has placed them.
  #place(li, seq) {
    const after = [...this.#list.children].find((other) => {
      if (other === li) return false;
      const item = this.#items.get(other.dataset.messageId);
      return !item || item.status !== 'delivered' || (Number.isInteger(seq) && item.seq > seq);
    });
    if (after) {
      if (li.nextElementSibling !== after) this.#list.insertBefore(li, after);
    } else if (li !== this.#list.lastElementChild) {
      this.#list.append(li);
    }
  }

  #render(id, item, when) {
    const li = document.createElement('li');
    li.className = `fyren-msg fyren-msg--${item.from === 'VISITOR' ? 'own' : 'theirs'}`;
    li.dataset.messageId = id;
    li.dataset.from = item.from;

    // Said to screen readers only: the bubble side tells sighted readers.
    const from = document.createElement('span');
    from.className = 'fyren-msg__from fyren-visually-hidden';
    from.textContent = this.#view.label(item.from);

    const text = document.createElement('p');
    text.className = 'fyren-msg__text';
    text.textContent = item.text; // untrusted: text only, never HTML
    // Each message takes its own direction: Swedish words in an Arabic chat stay readable.
    text.dir = 'auto';

    const meta = document.createElement('p');
    meta.className = 'fyren-msg__meta';
    const time = document.createElement('time');
    if (!Number.isNaN(when.getTime())) {
      time.dateTime = when.toISOString();
      time.textContent = this.#view.time(when);
    }
    const status = document.createElement('span');
    status.className = 'fyren-msg__status';
    meta.append(time, status);

    li.append(from, text, meta);
    this.#setStatus({ li, status: item.status }, item.status);
    return li;
  }

  #setStatus(item, status) {
    item.status = status;
    item.li.dataset.status = status;
    const label = item.li.querySelector('.fyren-msg__status');
    // Only own messages carry a delivery state worth showing.
    if (label) label.textContent = item.li.dataset.from === 'VISITOR' ? this.#view.status(status) : '';
  }
}
