// Internal notes on a chat: written by the counsellor, read by whoever holds
// the chat next and by a supervisor following it, never sent to the visitor.
// A note is text a person typed: it reaches the page through textContent only.
import { t, plural, currentLanguage } from './i18n.js';
import { formatClock, newMessageId } from './format.js';

const MAX_LENGTH = 2000;

/** A list of notes, oldest first; add() drops a note it already shows. */
export class NoteList {
  element;
  #notes = new Map();

  constructor(testName = 'note-list') {
    this.element = document.createElement('ol');
    this.element.className = 'fc-note-list';
    this.element.dataset.test = testName;
  }

  get size() {
    return this.#notes.size;
  }

  add(note) {
    if (typeof note?.id !== 'string' || this.#notes.has(note.id)) return false;
    this.#notes.set(note.id, note);
    this.render();
    return true;
  }

  clear() {
    this.#notes.clear();
    this.render();
  }

  render() {
    const language = currentLanguage();
    const items = [...this.#notes.values()]
      .sort((a, b) => String(a.writtenAt).localeCompare(String(b.writtenAt)))
      .map((note) => {
        const item = document.createElement('li');
        item.className = 'fc-note-item';
        item.dataset.test = 'note-item';
        item.dataset.noteId = note.id;
        const meta = document.createElement('span');
        meta.className = 'fc-msg-meta';
        const time = document.createElement('time');
        time.dateTime = note.writtenAt ?? '';
        time.textContent = formatClock(note.writtenAt, language);
        meta.append(String(note.author ?? ''), ' ', time);
        const body = document.createElement('p');
        body.className = 'fc-msg-text';
        body.dir = 'auto';
        body.textContent = String(note.text ?? '');
        item.append(meta, body);
        return item;
      });
    this.element.replaceChildren(...items);
  }
}

/**
 * Adds the notes section to a chat panel. send(destination, body) → false when
 * offline. Returns { add(note), render(), setEnded(ended) }.
 */
export function attachNotes(panel, chatId, send) {
  const section = document.createElement('details');
  section.className = 'fc-notes';
  section.dataset.test = 'notes';
  const summary = document.createElement('summary');
  const hint = document.createElement('p');
  hint.className = 'fc-notes-hint';
  const list = new NoteList();
  const form = document.createElement('form');
  form.className = 'fc-notes-form';
  const label = document.createElement('label');
  const labelText = document.createElement('span');
  labelText.className = 'fc-visually-hidden';
  const box = document.createElement('textarea');
  box.rows = 2;
  box.maxLength = MAX_LENGTH;
  box.dir = 'auto';
  box.dataset.test = 'note-text';
  label.append(labelText, box);
  const save = document.createElement('button');
  save.type = 'submit';
  save.dataset.test = 'note-save';
  form.append(label, save);
  section.append(summary, hint, list.element, form);
  const anchor = panel.querySelector('.fc-case-tools') ?? panel.querySelector('.fc-composer');
  if (anchor) anchor.before(section);
  else panel.append(section);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    // The note shows once the server has stored it and sent it back.
    if (send('/app/counsellor/note', { chatId, id: newMessageId(), text })) box.value = '';
  });

  function render() {
    summary.textContent = list.size === 0 ? t('notes.title') : `${t('notes.title')} (${list.size})`;
    summary.setAttribute('aria-label', plural('notes.count', list.size));
    hint.textContent = t('notes.hint');
    labelText.textContent = t('notes.label');
    box.placeholder = t('notes.placeholder');
    save.textContent = t('notes.save');
    list.render();
  }
  render();

  return {
    add(note) {
      if (list.add(note)) render();
    },
    render,
    setEnded(ended) {
      box.disabled = ended;
      save.disabled = ended;
    },
  };
}
