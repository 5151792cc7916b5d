// The pre-chat form: the queue to join and the optional categorical
// questions. Every answer but the queue may be left out, and only what is
// answered goes into the join request (see joinRequest below).

import { label } from './help-now.js';
import { languageName, tagOf } from './i18n.js';
import { catalogue, language, option, params, queueById, t, test } from './view.js';

const ui = {
  form: test('prechat-form'),
  queue: test('queue-select'),
  age: test('age-select'),
  language: test('language-select'),
  danger: test('danger'),
  openLetterbox: test('open-letterbox'),
};

export const prechatForm = ui.form;
export const openLetterboxButton = ui.openLetterbox;

/** The queue chosen (or preset by the embedding page's group), '' when none. */
export const chosenQueue = () => ui.queue.value;

export const chosenLanguage = () => ui.language.value;

export const queueOption = (q) => option(q.id, label(q.labels, tagOf(language.id), q.id));

/** Fills the questions from the catalogue, keeping what was already chosen. */
export function fillPrechat() {
  const keep = {
    queue: ui.queue.value || params.get('group') || '',
    age: ui.age.value,
    language: ui.language.value,
  };
  ui.queue.replaceChildren(option('', t('prechat.queueChoose')), ...catalogue.queues.map(queueOption));
  ui.age.replaceChildren(
    option('', t('prechat.agePreferNot')),
    ...catalogue.ageBands.map((band) => option(band, t(`ageBand.${band}`, {}, band))),
  );
  ui.language.replaceChildren(
    option('', t('prechat.languageAny')),
    ...catalogue.languages.map((code) => option(code, languageName(code, language.id))),
  );
  ui.queue.value = keep.queue;
  if (!ui.queue.value && catalogue.queues.length === 1) ui.queue.value = catalogue.queues[0].id;
  ui.age.value = keep.age;
  ui.language.value = keep.language;
  ui.openLetterbox.hidden = !catalogue.queues.some((q) => q.letterbox);
}

/**
 * Checks the form: the error code to show (focus is on the field to fix),
 * QUEUE_CLOSED when the catalogue already says the queue is closed, or null.
 */
export function checkPrechat() {
  if (!ui.queue.value) {
    ui.queue.focus();
    return 'CHOOSE_QUEUE';
  }
  // Known closed: say so at once instead of asking the server to refuse.
  if (queueById(ui.queue.value)?.open === false) return 'QUEUE_CLOSED';
  return null;
}

/** The body of /app/visitor/join: the queue and whatever optional answers were given. */
export function joinRequest() {
  const request = { queue: ui.queue.value };
  if (ui.age.value) request.ageBand = ui.age.value;
  if (ui.language.value) request.language = ui.language.value;
  if (ui.danger.checked) request.danger = true;
  return request;
}

/** Clears the answers that must not carry over into a new chat. */
export function resetPrechat() {
  ui.danger.checked = false;
}
