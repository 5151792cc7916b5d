// One chat: its panel, its messages and what is still unacknowledged.
// Everything a person typed goes into the page through textContent only.
import { t, plural, currentLanguage, translate } from './i18n.js';
import { formatClock, isMinor, languageName } from './format.js';
import { ageBandLabel } from './queue-board.js';
import { TypingSignal } from './typing.js';
import { SnippetPicker, snippetsFor } from './snippet-picker.js';

// A visitor's "typing" that is never followed by "stopped" must not stay forever.
const TYPING_TIMEOUT_MS = 8000;
// No echo by then while connected: send again, then show it as not delivered.
const ACK_TIMEOUT_MS = 8000;

export class ChatPanel {
  /** The panel element, [data-test=chat]. */
  element;
  id;
  number;
  maxSeq = 0;
  ended = false;
  unread = 0;
  /** Set on reconnect; cleared when the server's sync names this chat again. */
  awaitingSync = false;

  #info;
  #handlers;
  #items = new Map();
  #pending = new Map();
  #typingTimer = null;
  #typing;
  #endedBy = null;
  #picker = null;

  /**
   * handlers: label(queueId), post(chatId, text), resend(chatId, id, text),
   * typing(chatId, bool), end(chatId, outcome), close(panel), read(panel),
   * (post also gets the id of a referral card the text was inserted from),
   * settings() → { outcomes, replies, referrals } (may still be empty),
   * transferQueues(queueId) (queues a chat may be sent back to), transfer(chatId, target),
   * me() → this counsellor's display name, to tell their messages from a colleague's before a transfer
   */
  constructor(template, info, number, handlers) {
    this.id = info.chatId;
    this.number = number;
    this.#info = info;
    this.#handlers = handlers;
    this.element = template.content.firstElementChild.cloneNode(true);
    this.element.dataset.chatId = this.id;
    this.element.setAttribute('aria-labelledby', `fc-chat-title-${number}`);
    this.#q('.fc-chat-title').id = `fc-chat-title-${number}`;
    this.#typing = new TypingSignal((on) => handlers.typing(this.id, on));
    translate(this.element);
    this.#wire();
    this.useSettings(handlers.settings());
    this.refresh();
  }

  get queue() {
    return this.#info.queue;
  }

  /** Assignment details again (sync after reconnect). */
  update(info) {
    this.#info = { ...this.#info, ...info };
    this.refresh();
  }

  /** Offers the service's outcome categories, replies and referral cards. */
  useSettings(settings) {
    const composer = this.#q('[data-test=composer]');
    this.#picker?.element.remove();
    this.#picker = new SnippetPicker(composer, snippetsFor(settings, this.#info.queue), this.#info.language ?? null);
    this.#q('.fc-composer').before(this.#picker.element);
    this.#picker.refresh();
    this.#q('[data-test=snippets]').hidden = snippetsFor(settings, this.#info.queue).length === 0;
    this.#outcomes = settings.outcomes ?? [];
    this.#q('.fc-outcome').hidden = this.#outcomes.length === 0;
    this.#renderOutcomes();
  }

  #outcomes = [];

  #renderOutcomes() {
    const select = this.#q('[data-test=outcome]');
    const chosen = select.value;
    const language = currentLanguage();
    const placeholder = document.createElement('option');
    placeholder.value = '';
    placeholder.textContent = t('outcome.choose');
    select.replaceChildren(placeholder, ...this.#outcomes.map((outcome) => {
      const option = document.createElement('option');
      option.value = outcome.id;
      option.textContent = outcome.labels?.[language] ?? outcome.labels?.sv ?? outcome.id;
      return option;
    }));
    select.value = chosen;
  }

  /** Shows or hides that a supervisor is following this chat. */
  setMonitored(monitored) {
    this.#q('[data-test=monitored]').hidden = !monitored;
  }

  /** Re-renders every translated or derived text, e.g. after a language change. */
  refresh() {
    const info = this.#info;
    const language = currentLanguage();
    this.#q('.fc-chat-title').textContent = t('chat.title', {
      number: this.number,
      queue: this.#handlers.label(info.queue),
    });
    const meta = [];
    if (info.ageBand) meta.push(ageBandLabel(info.ageBand));
    if (info.language) meta.push(languageName(info.language, language));
    if (info.waitingSince) meta.push(t('chat.queuedAt', { time: formatClock(info.waitingSince, language) }));
    this.#q('.fc-chat-meta').textContent = meta.join(' · ');
    const minor = isMinor(info.ageBand);
    this.element.toggleAttribute('data-minor', minor);
    const minorBadge = this.#q('.fc-badge-minor');
    minorBadge.hidden = !minor;
    minorBadge.textContent = t('chat.minor');
    const urgentBadge = this.#q('[data-test=urgent]');
    urgentBadge.hidden = !info.urgent;
    urgentBadge.textContent = t('chat.urgent');
    this.element.toggleAttribute('data-urgent', Boolean(info.urgent));
    // A colleague's note is shown as text only, like everything a person typed.
    const note = this.#q('[data-test=note]');
    note.hidden = !info.note;
    note.textContent = info.note ? t('chat.note', { note: info.note }) : '';
    const queues = this.#q('[data-test=transfer-queue]');
    const chosen = queues.value;
    const options = [new Option(t('transfer.noQueue'), '')];
    for (const id of this.#handlers.transferQueues(info.queue)) options.push(new Option(this.#handlers.label(id), id));
    queues.replaceChildren(...options);
    queues.value = chosen;
    this.#q('.fc-typing').textContent = t('chat.visitorTyping');
    this.#q('.fc-ended-text').textContent = this.ended ? t(endedKey(this.#endedBy)) : '';
    for (const item of this.#items.values()) this.#renderItem(item);
    this.#renderUnread();
    this.#picker?.refresh();
    this.#renderOutcomes();
  }

  /** A `message` event. Returns true when it is new and from the visitor. */
  receive(message) {
    if (typeof message.seq === 'number') this.maxSeq = Math.max(this.maxSeq, message.seq);
    const known = this.#items.get(message.id);
    if (known) {
      // Our own message's echo: the acknowledgement that it is stored.
      if (this.#pending.has(message.id)) {
        clearTimeout(this.#pending.get(message.id).timer);
        this.#pending.delete(message.id);
        delete known.dataset.pending;
        delete known.dataset.failed;
        known.dataset.seq = String(message.seq);
        known.dataset.sentAt = message.sentAt ?? '';
        this.#place(known, message.seq, true);
        this.#renderItem(known);
      }
      return false;
    }
    const item = this.#createItem(message.id, message.from, message.text);
    // Who wrote a counsellor's message; messages stored before authors were kept have none.
    if (message.from === 'COUNSELLOR' && typeof message.author === 'string') item.dataset.author = message.author;
    item.dataset.seq = String(message.seq);
    item.dataset.sentAt = message.sentAt ?? '';
    this.#renderItem(item);
    this.#place(item, message.seq, message.from === 'COUNSELLOR');
    if (message.from === 'VISITOR') {
      this.setTyping(false);
      return true;
    }
    return false;
  }

  /** Shows an own message at once; it stays pending until its echo arrives. */
  addOwn(id, text) {
    const item = this.#createItem(id, 'COUNSELLOR', text);
    item.dataset.pending = 'true';
    this.#pending.set(id, { text, timer: null, attempts: 0 });
    this.#renderItem(item);
    this.#place(item, Infinity, true);
  }

  /**
   * Starts (or restarts) waiting for the echo of a message just sent. Without
   * one it is sent once more by itself (same id, so never twice in the chat),
   * then shown as not delivered with a retry button.
   */
  awaitAck(id) {
    const entry = this.#pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.attempts += 1;
    const item = this.#items.get(id);
    delete item.dataset.failed;
    this.#renderItem(item);
    entry.timer = setTimeout(() => {
      if (entry.attempts < 2 && !this.ended) {
        this.#handlers.resend(this.id, id, entry.text);
        return;
      }
      item.dataset.failed = 'true';
      this.#renderItem(item);
    }, ACK_TIMEOUT_MS);
  }

  /** Own messages never acknowledged, oldest first, for resending with the same id. */
  unacknowledged() {
    return [...this.#pending].map(([id, { text }]) => ({ id, text }));
  }

  setTyping(on) {
    clearTimeout(this.#typingTimer);
    const line = this.#q('[data-test=typing]');
    line.hidden = !on || this.ended;
    if (on) this.#typingTimer = setTimeout(() => (line.hidden = true), TYPING_TIMEOUT_MS);
  }

  /** by: 'VISITOR', 'COUNSELLOR', 'SYSTEM', 'TRANSFERRED' or null when we only know it is gone. */
  end(by) {
    this.ended = true;
    this.#endedBy = by;
    this.element.dataset.ended = 'true';
    this.#typing.stop();
    this.setTyping(false);
    for (const [id, entry] of this.#pending) {
      clearTimeout(entry.timer);
      this.#items.get(id).dataset.failed = 'true';
    }
    this.#setComposerEnabled(false);
    this.#picker?.close({ focusComposer: false });
    this.#q('[data-test=monitored]').hidden = true;
    this.#q('.fc-ended').hidden = false;
    this.refresh();
  }

  /** Shows a notice about the chat, e.g. that the visitor has been silent. */
  alert(text) {
    const line = this.#q('[data-test=chat-alert]');
    line.hidden = !text;
    line.textContent = text ?? '';
  }

  /** The server still has this chat after all (we had guessed it ended while offline). */
  reopen() {
    if (!this.ended || this.#endedBy !== null) return;
    this.ended = false;
    delete this.element.dataset.ended;
    this.#q('.fc-ended').hidden = true;
    this.#setComposerEnabled(true);
    this.refresh();
  }

  /** The end request could not be carried out; let the counsellor try again. */
  endRefused() {
    if (!this.ended) this.#q('[data-test=end]').disabled = false;
  }

  addUnread(count = 1) {
    this.unread += count;
    this.#renderUnread();
  }

  markRead() {
    if (this.unread === 0) return;
    this.unread = 0;
    this.#renderUnread();
  }

  /** Whether the counsellor is in this panel right now. */
  isActive() {
    return document.hasFocus() && !document.hidden && this.element.contains(document.activeElement);
  }

  focusComposer() {
    const target = this.ended ? this.#q('[data-test=close]') : this.#q('[data-test=composer]');
    target.focus();
    this.element.scrollIntoView({ block: 'nearest' });
  }

  #wire() {
    const form = this.#q('.fc-composer');
    const composer = this.#q('[data-test=composer]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = composer.value.trim();
      if (!text || this.ended) return;
      this.#typing.stop();
      this.#handlers.post(this.id, text, this.#picker?.referralIn(text));
      composer.value = '';
      composer.focus();
    });
    composer.addEventListener('keydown', (event) => {
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      if (ctrlK || (event.key === '/' && composer.value === '' && !event.isComposing)) {
        event.preventDefault();
        if (!this.ended) this.#picker?.show();
        return;
      }
      // Enter sends, Shift+Enter is a new line; never send half an IME composition.
      if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    composer.addEventListener('input', () => this.#typing.input(composer.value.trim()));
    this.#q('[data-test=snippets]').addEventListener('click', () => {
      if (!this.ended) this.#picker?.show();
    });
    const outcome = this.#q('[data-test=outcome]');
    outcome.addEventListener('change', () => {
      this.#q('[data-test=outcome-hint]').textContent = '';
    });
    this.#q('[data-test=end]').addEventListener('click', (event) => {
      // The outcome feeds the statistics: ask for it rather than end without one.
      if (this.#outcomes.length > 0 && !outcome.value) {
        this.#q('[data-test=outcome-hint]').textContent = t('outcome.required');
        outcome.focus();
        return;
      }
      event.currentTarget.disabled = true;
      this.#handlers.end(this.id, outcome.value || undefined);
    });
    this.#q('[data-test=close]').addEventListener('click', () => this.#handlers.close(this));
    this.#q('.fc-transfer-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const toCounsellor = this.#q('[data-test=transfer-counsellor]').value.trim();
      const toQueue = this.#q('[data-test=transfer-queue]').value;
      const note = this.#q('[data-test=transfer-note]').value.trim();
      if (this.ended || (!toCounsellor && !toQueue)) return;
      this.#handlers.transfer(this.id, toCounsellor ? { toCounsellor, note } : { toQueue, note });
    });
    this.#q('.fc-messages').addEventListener('click', (event) => {
      const retry = event.target.closest('.fc-retry');
      if (!retry) return;
      const id = retry.closest('[data-message-id]').dataset.messageId;
      const entry = this.#pending.get(id);
      if (entry && !this.ended) this.#handlers.resend(this.id, id, entry.text);
    });
    // Any real interaction with the panel counts as having read it.
    for (const type of ['focusin', 'pointerdown', 'keydown']) {
      this.element.addEventListener(type, () => this.#handlers.read(this));
    }
  }

  #setComposerEnabled(enabled) {
    for (const selector of ['[data-test=composer]', '[data-test=send]', '[data-test=end]', '[data-test=snippets]', '[data-test=outcome]']) {
      this.#q(selector).disabled = !enabled;
    }
  }

  #createItem(id, from, text) {
    const item = document.createElement('li');
    item.className = 'fc-msg';
    item.dataset.messageId = id;
    item.dataset.from = from === 'VISITOR' ? 'VISITOR' : 'COUNSELLOR';
    const meta = document.createElement('span');
    meta.className = 'fc-msg-meta';
    const who = document.createElement('span');
    who.className = 'fc-msg-who';
    const time = document.createElement('time');
    meta.append(who, ' ', time);
    const body = document.createElement('p');
    body.className = 'fc-msg-text';
    body.dir = 'auto';
    body.textContent = text;
    item.append(meta, body);
    this.#items.set(id, item);
    return item;
  }

  #renderItem(item) {
    const language = currentLanguage();
    item.querySelector('.fc-msg-who').textContent = whoWrote(item.dataset, this.#handlers.me());
    const time = item.querySelector('time');
    let retry = item.querySelector('.fc-retry');
    if (item.dataset.failed === 'true') {
      time.removeAttribute('datetime');
      time.textContent = t('chat.notDelivered');
      if (!retry && !this.ended) {
        retry = document.createElement('button');
        retry.type = 'button';
        retry.className = 'fc-retry';
        item.querySelector('.fc-msg-meta').append(' ', retry);
      }
      if (retry) {
        retry.textContent = t('chat.retry');
        retry.hidden = this.ended;
      }
    } else {
      retry?.remove();
      if (item.dataset.pending === 'true') {
        time.removeAttribute('datetime');
        time.textContent = t('chat.sending');
      } else {
        time.dateTime = item.dataset.sentAt ?? '';
        time.textContent = formatClock(item.dataset.sentAt, language);
      }
    }
  }

  /** Keeps the list in seq order; unacknowledged messages stay at the bottom. */
  #place(item, seq, scroll) {
    const list = this.#q('.fc-messages');
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    let before = null;
    for (let other = list.lastElementChild; other && seq !== Infinity; other = other.previousElementSibling) {
      if (other === item) continue;
      if (other.dataset.pending === 'true' || Number(other.dataset.seq) > seq) before = other;
      else break;
    }
    if (item.nextElementSibling !== before || item.parentElement !== list) list.insertBefore(item, before);
    if (scroll || nearBottom) list.scrollTop = list.scrollHeight;
  }

  #renderUnread() {
    const badge = this.#q('[data-test=unread]');
    badge.hidden = this.unread === 0;
    badge.textContent = this.unread === 0 ? '' : String(this.unread);
    // The badge shows a bare number; screen readers get the sentence instead.
    this.#q('.fc-unread-text').textContent = this.unread === 0 ? '' : plural('chat.unread', this.unread);
  }

  #q(selector) {
    return this.element.querySelector(selector);
  }
}

/** A colleague's message (before a transfer) shows their display name, as text; one's own says "You". */
function whoWrote({ from, author }, me) {
  if (from === 'VISITOR') return t('chat.fromVisitor');
  return author && author !== me ? author : t('chat.fromMe');
}

function endedKey(by) {
  if (by === 'VISITOR') return 'chat.endedByVisitor';
  if (by === 'COUNSELLOR') return 'chat.endedByCounsellor';
  if (by === 'SYSTEM') return 'chat.endedBySystem';
  if (by === 'TRANSFERRED') return 'chat.transferredAway';
  return 'chat.endedWhileAway';
}
