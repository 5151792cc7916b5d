// The letterbox panel: leave a message, see the pickup code, read the answer.
// The code is shown on the page and kept nowhere else; the answer is
// untrusted text.

import { localeOf, tagOf } from './i18n.js';
import * as letterbox from './letterbox.js';
import { chosenLanguage, chosenQueue, queueOption } from './prechat.js';
import { $, catalogue, clearError, language, option, params, queueById, showError, t, test } from './view.js';

const ui = {
  form: test('letterbox-form'),
  queue: test('letterbox-queue'),
  text: test('letterbox-text'),
  receipt: test('letterbox-receipt'),
  pickupCode: test('pickup-code'),
  pickupForm: test('pickup-form'),
  pickupInput: test('pickup-input'),
  answer: test('letterbox-answer'),
};

let pickup = { code: null, result: null };

/** Fills the queues that take letters, keeping the one chosen (or the pre-chat's). */
export function fillLetterboxQueues() {
  const keep = ui.queue.value || chosenQueue() || params.get('group') || '';
  ui.queue.replaceChildren(option('', t('prechat.queueChoose')),
    ...catalogue.queues.filter((q) => q.letterbox).map(queueOption));
  ui.queue.value = keep;
}

export function chooseLetterboxQueue(queueId) {
  if (queueId && queueById(queueId)?.letterbox) ui.queue.value = queueId;
}

async function postLetter(event) {
  event.preventDefault();
  clearError();
  const text = ui.text.value.trim();
  if (!ui.queue.value) {
    showError('CHOOSE_QUEUE');
    ui.queue.focus();
    return;
  }
  if (!text) {
    showError('LETTER_EMPTY');
    ui.text.focus();
    return;
  }
  try {
    const code = await letterbox.post(ui.queue.value, text, chosenLanguage() || tagOf(language.id));
    pickup = { code, result: null };
    ui.text.value = '';
    ui.pickupInput.value = code;
    showPickup();
    $('#fyren-receipt-title').focus();
  } catch (error) {
    showError(error.code ?? 'generic');
  }
}

async function readLetter(event) {
  event.preventDefault();
  clearError();
  try {
    pickup.result = await letterbox.read(ui.pickupInput.value);
  } catch (error) {
    pickup.result = { error: error.code ?? 'generic' };
  }
  showPickup();
  ui.answer.scrollIntoView({ block: 'nearest' });
}

/** Shows the pickup code and what reading it gave. */
export function showPickup() {
  ui.receipt.hidden = !pickup.code;
  ui.form.hidden = Boolean(pickup.code);
  ui.pickupCode.textContent = pickup.code ?? '';
  const result = pickup.result;
  if (!result) {
    ui.answer.replaceChildren();
  } else if (result.error) {
    ui.answer.textContent = t(`error.${result.error}`, {}, t('error.generic'));
  } else if (!result.answered) {
    ui.answer.textContent = t('letterbox.notYet');
  } else {
    const heading = document.createElement('p');
    heading.className = 'fyren-answer__heading';
    const at = result.answeredAt ? new Date(result.answeredAt) : null;
    heading.textContent = at && !Number.isNaN(at.getTime())
      ? t('letterbox.answeredAt', { when: new Intl.DateTimeFormat(localeOf(language.id), { dateStyle: 'medium', timeStyle: 'short' }).format(at) })
      : t('letterbox.answered');
    const text = document.createElement('p');
    text.className = 'fyren-answer__text';
    text.dataset.test = 'letterbox-answer-text';
    text.textContent = String(result.answer ?? ''); // untrusted: text only
    text.dir = 'auto';
    ui.answer.replaceChildren(heading, text);
  }
}

/** Quick exit: nothing typed or received stays on the page. */
export function forgetLetterbox() {
  ui.text.value = '';
  ui.pickupInput.value = '';
  ui.pickupCode.textContent = '';
  ui.answer.textContent = '';
}

ui.form.addEventListener('submit', postLetter);
ui.pickupForm.addEventListener('submit', readLetter);
