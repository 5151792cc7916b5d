// Canned responses and referral cards, picked from the keyboard: Ctrl+K (or
// "/" in an empty message box) opens a filterable list under the box, arrows
// move, Enter inserts, Escape goes back. Inserted text is only put into the
// box: the counsellor reads it and sends it like any message.
import { t, currentLanguage } from './i18n.js';

let pickerNumber = 0;

/** A snippet's text for a chat: the visitor's language when the service wrote one, else the console's, else Swedish. */
export function snippetText(snippet, chatLanguage) {
  const texts = snippet.texts ?? {};
  return texts[chatLanguage] ?? texts[currentLanguage()] ?? texts.sv ?? Object.values(texts)[0] ?? '';
}

function snippetTitle(snippet) {
  const titles = snippet.titles ?? {};
  return titles[currentLanguage()] ?? titles.sv ?? Object.values(titles)[0] ?? snippet.id;
}

/** The replies and referrals offered in a queue: those without queues, and those naming it. */
export function snippetsFor(settings, queue) {
  const offered = (snippet) => !Array.isArray(snippet.queues) || snippet.queues.length === 0 || snippet.queues.includes(queue);
  return [
    ...(settings.replies ?? []).filter(offered).map((snippet) => ({ kind: 'reply', snippet })),
    ...(settings.referrals ?? []).filter(offered).map((snippet) => ({ kind: 'referral', snippet })),
  ];
}

export class SnippetPicker {
  element;
  #composer;
  #entries;
  #language;
  #filter;
  #list;
  #visible = [];
  #active = 0;
  #id = ++pickerNumber;
  #referral = null;

  /** entries: from snippetsFor(); language: the chat's language code or null. */
  constructor(composer, entries, language) {
    this.#composer = composer;
    this.#entries = entries;
    this.#language = language;
    this.element = document.createElement('div');
    this.element.className = 'fc-picker';
    this.element.dataset.test = 'snippet-picker';
    this.element.hidden = true;
    this.#filter = document.createElement('input');
    this.#filter.type = 'search';
    this.#filter.className = 'fc-picker-filter';
    this.#filter.dataset.test = 'snippet-filter';
    this.#filter.setAttribute('role', 'combobox');
    this.#filter.setAttribute('aria-expanded', 'true');
    this.#filter.setAttribute('aria-autocomplete', 'list');
    this.#filter.setAttribute('aria-controls', `fc-picker-list-${this.#id}`);
    this.#list = document.createElement('ul');
    this.#list.id = `fc-picker-list-${this.#id}`;
    this.#list.className = 'fc-picker-list';
    this.#list.setAttribute('role', 'listbox');
    this.element.append(this.#filter, this.#list);
    this.#wire();
  }

  get open() {
    return !this.element.hidden;
  }

  show() {
    this.#filter.value = '';
    this.element.hidden = false;
    this.#render();
    this.#filter.focus();
  }

  close({ focusComposer = true } = {}) {
    this.element.hidden = true;
    if (focusComposer) this.#composer.focus();
  }

  /** Re-renders titles, e.g. after a language change. */
  refresh() {
    this.#filter.setAttribute('aria-label', t('snippets.filter'));
    this.#filter.placeholder = t('snippets.filter');
    this.#list.setAttribute('aria-label', t('snippets.label'));
    if (this.open) this.#render();
  }

  #wire() {
    this.#filter.addEventListener('input', () => {
      this.#active = 0;
      this.#render();
    });
    this.#filter.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.#active = (this.#active + step + this.#visible.length) % Math.max(1, this.#visible.length);
        this.#render();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        this.#choose(this.#visible[this.#active]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.close();
      }
    });
    this.#list.addEventListener('mousedown', (event) => event.preventDefault());
    this.#list.addEventListener('click', (event) => {
      const option = event.target.closest('[role=option]');
      if (option) this.#choose(this.#visible[Number(option.dataset.index)]);
    });
    this.element.addEventListener('focusout', (event) => {
      if (!this.element.contains(event.relatedTarget)) this.close({ focusComposer: false });
    });
  }

  /**
   * The referral card the message was inserted from, if it still holds the
   * card's text (the statistics count referral cards sent); forgotten after.
   */
  referralIn(message) {
    const referral = this.#referral;
    this.#referral = null;
    return referral && message.includes(referral.text) ? referral.id : undefined;
  }

  #choose(entry) {
    if (!entry) return;
    const text = snippetText(entry.snippet, this.#language);
    if (entry.kind === 'referral') this.#referral = { id: entry.snippet.id, text };
    const composer = this.#composer;
    // Replace a lone "/" that opened the picker; otherwise insert at the cursor.
    const before = composer.value.slice(0, composer.selectionStart).replace(/\/$/, '');
    const after = composer.value.slice(composer.selectionEnd);
    const gap = before && !/\s$/.test(before) ? ' ' : '';
    composer.value = `${before}${gap}${text}${after}`;
    const caret = before.length + gap.length + text.length;
    this.close();
    composer.setSelectionRange(caret, caret);
    composer.dispatchEvent(new Event('input', { bubbles: true }));
  }

  #render() {
    const query = this.#filter.value.trim().toLocaleLowerCase();
    this.#visible = this.#entries.filter(({ snippet }) => {
      if (!query) return true;
      const haystack = `${snippetTitle(snippet)} ${snippetText(snippet, this.#language)}`.toLocaleLowerCase();
      return haystack.includes(query);
    });
    this.#active = Math.min(this.#active, Math.max(0, this.#visible.length - 1));
    const items = this.#visible.map((entry, index) => {
      const item = document.createElement('li');
      item.id = `fc-picker-${this.#id}-${index}`;
      item.className = 'fc-picker-option';
      item.setAttribute('role', 'option');
      item.dataset.index = String(index);
      item.dataset.test = 'snippet';
      item.dataset.snippet = entry.snippet.id;
      item.dataset.kind = entry.kind;
      item.setAttribute('aria-selected', String(index === this.#active));
      const kind = document.createElement('span');
      kind.className = 'fc-picker-kind';
      kind.textContent = t(entry.kind === 'referral' ? 'snippets.referrals' : 'snippets.replies');
      const title = document.createElement('span');
      title.className = 'fc-picker-title';
      title.textContent = snippetTitle(entry.snippet);
      item.append(kind, ' ', title);
      return item;
    });
    if (items.length === 0) {
      const none = document.createElement('li');
      none.className = 'fc-picker-none';
      none.textContent = t('snippets.none');
      items.push(none);
    }
    this.#list.replaceChildren(...items);
    const active = this.#visible.length > 0 ? `fc-picker-${this.#id}-${this.#active}` : '';
    if (active) this.#filter.setAttribute('aria-activedescendant', active);
    else this.#filter.removeAttribute('aria-activedescendant');
    this.#list.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }
}
