// What the visitor reads while waiting and around the messages: place in the
// queue, who they talk to, typing, the inactivity warning, how the chat ended
// and the survey. Each keeps what it shows, so a language change can say it again.

import { fillTemplate } from './i18n.js';
import { $, t, test } from './view.js';

const ui = {
  counsellor: test('counsellor'),
  messages: test('messages'),
  typing: test('typing'),
  inactive: test('inactive'),
  endedBy: $('[data-ended-by]'),
  survey: test('survey'),
  surveyThanks: test('survey-thanks'),
};

// --- waiting ----------------------------------------------------------------------

const line = $('[data-position-line]');
const wait = test('wait');
const reason = test('waiting-reason');
const danger = test('queued-danger');

const queue = { position: 0, estimatedWaitSeconds: null, waitingReason: null, danger: false };

// One element for the number, kept across updates and language changes, so
// anything holding on to it (a screen reader, a test) sees it change in place.
const positionNumber = document.createElement('strong');
positionNumber.className = 'fyren-position__number';
positionNumber.dataset.test = 'position';

/** Shows what a `state` or `position` event says; called without one, says it again. */
export function showQueue(event = {}) {
  if (Number.isInteger(event.position)) queue.position = event.position;
  if ('estimatedWaitSeconds' in event) queue.estimatedWaitSeconds = event.estimatedWaitSeconds;
  if ('waitingReason' in event) queue.waitingReason = event.waitingReason;
  positionNumber.textContent = String(queue.position);
  fillTemplate(line, t('queued.position'), { position: positionNumber });
  const seconds = queue.estimatedWaitSeconds;
  wait.textContent = !Number.isInteger(seconds) ? ''
    : seconds < 60 ? t('queued.waitUnderMinute')
      : t('queued.waitMinutes', { minutes: Math.ceil(seconds / 60) });
  reason.textContent = queue.waitingReason ? t(`queued.reason.${queue.waitingReason}`) : '';
  danger.textContent = queue.danger ? t('queued.danger') : '';
}

/** Whether the visitor said at the pre-chat that they are in danger. */
export function setDanger(on) {
  queue.danger = on;
}

// --- chatting and after ------------------------------------------------------------

let counsellor = { name: '', transferred: false };
let endedBy = null;
let survey = 'open'; // open | sent | thanked
let inactiveSeconds = null;
let typingTimer = null;

export function showCounsellor(name, transferred = counsellor.transferred) {
  counsellor = { name: typeof name === 'string' ? name : counsellor.name, transferred };
  const key = counsellor.name ? (transferred ? 'chat.transferredTo' : 'chat.counsellorNamed') : 'chat.counsellor';
  ui.counsellor.textContent = t(key, { name: counsellor.name });
}

export function forgetCounsellor() {
  counsellor = { name: '', transferred: false };
}

export function showEndedBy(by) {
  endedBy = by ?? endedBy;
  ui.endedBy.textContent = endedBy ? t(`ended.by.${endedBy}`) : '';
}

export function forgetEndedBy() {
  endedBy = null;
}

export function showTyping(on) {
  clearTimeout(typingTimer);
  ui.typing.textContent = on ? t('chat.typing') : '';
  // A lost "stopped typing" must not leave the dots up for ever.
  if (on) typingTimer = setTimeout(() => showTyping(false), 8000);
}

export function showInactive(seconds) {
  inactiveSeconds = Number.isInteger(seconds) ? seconds : null;
  ui.inactive.hidden = inactiveSeconds === null;
  ui.inactive.textContent = inactiveSeconds === null ? ''
    : t('chat.inactive', { minutes: Math.max(1, Math.ceil(inactiveSeconds / 60)) });
}

/** The survey after the chat: 'open', 'sent' (waiting for the server) or 'thanked'. */
export function showSurvey(stage = survey) {
  survey = stage;
  ui.survey.hidden = survey !== 'open' && survey !== 'sent';
  for (const el of ui.survey.elements) el.disabled = survey === 'sent';
  ui.surveyThanks.textContent = survey === 'thanked' ? t('survey.thanks') : '';
}

export const surveyStage = () => survey;

export function scrollToEnd() {
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

// Someone scrolled up to reread must not be yanked down by a new message.
export function nearEnd() {
  const list = ui.messages;
  return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
}

export function relabelChatView() {
  showCounsellor(counsellor.name);
  showEndedBy(endedBy);
  if (ui.typing.textContent) showTyping(true);
  showInactive(inactiveSeconds);
  showSurvey();
}
