// The visitor's chat, running inside the loader's frame on Fyren's own origin
// (or opened directly). The server is the source of truth for where the
// visitor stands: every (re)connect asks it with `sync` and shows its answer.

import { VisitorConnection } from './connection.js';
import { Transcript } from './transcript.js';
import { TypingSignal } from './typing.js';
import { HandoverConsent } from './handover.js';
import { UI_LANGUAGES, applyStrings, fillTemplate, languageName, loadStrings, localeOf, pickLanguage, tagOf, translate } from './i18n.js';
import { exitUrl, leave, onDoublePress } from './quick-exit.js';
import { dropToken, forgetAll, readToken } from './storage.js';
import * as letterbox from './letterbox.js';
import { fillAlternatives, label, opening } from './help-now.js';
import { addSelfDescription, fillSelfDescription } from './self-description.js';

const VIEW_OF_STATUS = { IDLE: 'prechat', QUEUED: 'queued', CHATTING: 'chatting', ENDED: 'ended' };

// Codes that mean "the page and the server disagree about where we are"; a
// sync puts the page right, so they need no words of their own.
const RESYNC = new Set(['ALREADY_JOINED', 'NOT_IN_CHAT', 'CHAT_ENDED']);

// A refused join: the chat cannot take anyone now; show what can be done instead.
const NOT_ADMITTED = new Set(['QUEUE_CLOSED', 'QUEUE_FULL']);

// Where a visitor may stand while the server knows them as idle.
const IDLE_VIEWS = new Set(['prechat', 'closed', 'letterbox']);

const params = new URLSearchParams(location.search);
const exitTo = exitUrl(params.get('exit'));
const embedded = window.parent !== window;

const root = document.getElementById('fyren-chat');
const $ = (selector) => root.querySelector(selector);
const test = (name) => $(`[data-test=${name}]`);
const ui = {
  uiLanguage: test('ui-language'),
  close: test('close'),
  quickExit: test('quick-exit'),
  error: test('error'),
  prechat: test('prechat-form'),
  queue: test('queue-select'),
  age: test('age-select'),
  language: test('language-select'),
  selfDescription: { gender: test('gender-select'), municipality: test('municipality-select') },
  danger: test('danger'),
  openLetterbox: test('open-letterbox'),
  closedTitle: $('[data-closed-title]'),
  opensAt: test('opens-at'),
  alternatives: test('alternatives'),
  closedLetterbox: test('closed-letterbox'),
  closedOpenLetterbox: test('closed-open-letterbox'),
  closedBack: test('closed-back'),
  letterboxForm: test('letterbox-form'),
  letterboxQueue: test('letterbox-queue'),
  letterboxText: test('letterbox-text'),
  receipt: test('letterbox-receipt'),
  pickupCode: test('pickup-code'),
  pickupForm: test('pickup-form'),
  pickupInput: test('pickup-input'),
  answer: test('letterbox-answer'),
  letterboxBack: test('letterbox-back'),
  positionLine: $('[data-position-line]'),
  wait: test('wait'),
  reason: test('waiting-reason'),
  leave: test('leave'),
  queuedDanger: test('queued-danger'),
  counsellor: test('counsellor'),
  messages: test('messages'),
  typing: test('typing'),
  inactive: test('inactive'),
  endedBy: $('[data-ended-by]'),
  survey: test('survey'),
  surveyThanks: test('survey-thanks'),
  endedAlternatives: test('ended-alternatives'),
  restart: test('restart'),
  composerForm: test('composer-form'),
  composer: test('composer'),
  end: test('end'),
};

let lang = pickLanguage(params.get('lang'));
let strings = {};
let catalogue = { queues: [], ageBands: [], languages: [], alternatives: [], genders: [], municipalities: [] };
let parentOrigin = null; // learnt from the loader's hello; never guessed
let joinRequest = null; // pre-chat answers waiting for the connection
let joinPending = false; // join sent, answer not in yet
let everConnected = false;
let resuming = false;
let chatId = null;
let queue = { position: 0, estimatedWaitSeconds: null, waitingReason: null };
let counsellor = { name: '', transferred: false };
let endedBy = null;
let closed = { code: 'QUEUE_CLOSED', queue: null };
let pickup = { code: null, result: null };
let survey = 'open'; // open | sent | thanked
let inDanger = false;
let inactiveSeconds = null;
let errorCode = null;
let typingTimer = null;

const t = (key, vars, fallback) => translate(strings, key, vars, fallback);
const timeFormat = () => new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit' });

const transcript = new Transcript(ui.messages, {
  label: (from) => t(from === 'VISITOR' ? 'message.fromYou' : 'message.fromCounsellor'),
  status: (status) => t(`message.status.${status}`),
  time: (date) => timeFormat().format(date),
});

const connection = new VisitorConnection({
  connected: onConnected,
  event: onEvent,
  error: onError,
  dropped: onDropped,
  newSession: onNewSession,
  gaveUp: () => {
    joinRequest = null;
    joinPending = false;
    setState('prechat');
    showError('SESSION_REFUSED');
  },
});

const handover = new HandoverConsent(root, { t, send: (destination, payload) => connection.send(destination, payload) });

const typing = new TypingSignal((value) => connection.send('/app/visitor/typing', { typing: value }));

// --- state -----------------------------------------------------------------

// data-state is what is happening; data-view is which panel shows. They differ
// only while reconnecting, when the last panel stays under a banner.
function setState(state) {
  const previousView = root.dataset.view;
  root.dataset.state = state;
  if (state !== 'reconnecting') root.dataset.view = state;
  if (state !== 'chatting' && state !== 'reconnecting') {
    typing.stop();
    showTyping(false);
    showInactive(null);
  }
  if (root.dataset.view !== previousView) moveFocus(root.dataset.view);
}

// Screen-reader and keyboard users land where the new step starts.
function moveFocus(view) {
  const target = {
    prechat: '#fyren-prechat-title',
    closed: '#fyren-closed-title',
    letterbox: '#fyren-letterbox-title',
    connecting: '#fyren-connecting-title',
    queued: '#fyren-queued-title',
    chatting: '[data-test=composer]',
    ended: '#fyren-ended-title',
  }[view];
  if (target && document.hasFocus()) $(target)?.focus();
}

// One element for the number, kept across updates and language changes, so
// anything holding on to it (a screen reader, a test) sees it change in place.
const positionNumber = document.createElement('strong');
positionNumber.className = 'fyren-position__number';
positionNumber.dataset.test = 'position';

function showQueue(event = {}) {
  if (Number.isInteger(event.position)) queue.position = event.position;
  if ('estimatedWaitSeconds' in event) queue.estimatedWaitSeconds = event.estimatedWaitSeconds;
  if ('waitingReason' in event) queue.waitingReason = event.waitingReason;
  positionNumber.textContent = String(queue.position);
  fillTemplate(ui.positionLine, t('queued.position'), { position: positionNumber });
  const seconds = queue.estimatedWaitSeconds;
  ui.wait.textContent = !Number.isInteger(seconds) ? ''
    : seconds < 60 ? t('queued.waitUnderMinute')
      : t('queued.waitMinutes', { minutes: Math.ceil(seconds / 60) });
  ui.reason.textContent = queue.waitingReason ? t(`queued.reason.${queue.waitingReason}`) : '';
  ui.queuedDanger.textContent = inDanger ? t('queued.danger') : '';
}

function showCounsellor(name, transferred = counsellor.transferred) {
  counsellor = { name: typeof name === 'string' ? name : counsellor.name, transferred };
  const key = counsellor.name ? (transferred ? 'chat.transferredTo' : 'chat.counsellorNamed') : 'chat.counsellor';
  ui.counsellor.textContent = t(key, { name: counsellor.name });
}

function showEndedBy(by) {
  endedBy = by ?? endedBy;
  ui.endedBy.textContent = endedBy ? t(`ended.by.${endedBy}`) : '';
}

function showTyping(on) {
  clearTimeout(typingTimer);
  ui.typing.textContent = on ? t('chat.typing') : '';
  // A lost "stopped typing" must not leave the dots up for ever.
  if (on) typingTimer = setTimeout(() => showTyping(false), 8000);
}

function showInactive(seconds) {
  inactiveSeconds = Number.isInteger(seconds) ? seconds : null;
  ui.inactive.hidden = inactiveSeconds === null;
  ui.inactive.textContent = inactiveSeconds === null ? ''
    : t('chat.inactive', { minutes: Math.max(1, Math.ceil(inactiveSeconds / 60)) });
}

function showSurvey(stage = survey) {
  survey = stage;
  ui.survey.hidden = survey !== 'open' && survey !== 'sent';
  for (const el of ui.survey.elements) el.disabled = survey === 'sent';
  ui.surveyThanks.textContent = survey === 'thanked' ? t('survey.thanks') : '';
}

function showError(code) {
  errorCode = code;
  ui.error.textContent = code ? t(`error.${code}`, {}, t('error.generic')) : '';
}

const clearError = () => showError(null);

function scrollToEnd() {
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

// Someone scrolled up to reread must not be yanked down by a new message.
function nearEnd() {
  const list = ui.messages;
  return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
}

// --- closed service and where to turn now --------------------------------------------

const queueById = (id) => catalogue.queues.find((q) => q.id === id);

function showAlternatives(list) {
  fillAlternatives(list, catalogue.alternatives, tagOf(lang), t('closed.emergency'));
}

function showClosed(code = closed.code, queueId = closed.queue) {
  closed = { code, queue: queueId };
  const q = queueById(queueId);
  const opens = opening(q?.opensAt, localeOf(lang));
  ui.closedTitle.textContent = t(code === 'QUEUE_FULL' ? 'closed.fullTitle' : 'closed.title');
  ui.opensAt.textContent = code === 'QUEUE_FULL' ? t('closed.fullText')
    : opens ? t(opens.today ? 'closed.opensToday' : 'closed.opensAt', { when: opens.when })
      : t('closed.opensUnknown');
  showAlternatives(ui.alternatives);
  ui.closedLetterbox.hidden = !q?.letterbox;
}

// --- connection callbacks ------------------------------------------------------

function onConnected() {
  everConnected = true;
  if (errorCode === 'CONNECTION_FAILED') clearError();
  connection.send('/app/visitor/sync', { afterSeq: transcript.maxSeq });
  if (joinRequest) {
    connection.send('/app/visitor/join', joinRequest);
    joinRequest = null;
    joinPending = true;
  }
}

function onDropped() {
  if (!everConnected) {
    // Never got through: stay on "connecting" while the client retries.
    showError('CONNECTION_FAILED');
    return;
  }
  setState('reconnecting');
}

// A new token is a new visitor to the server: whatever the page shows belongs
// to a chat the server no longer knows.
function onNewSession() {
  const hadChat = resuming || ['queued', 'chatting', 'ended'].includes(root.dataset.view);
  resuming = false;
  transcript.clear();
  counsellor = { name: '', transferred: false };
  if (hadChat) showError('SESSION_LOST');
}

function onEvent(event) {
  switch (event.type) {
    case 'state': {
      resuming = false;
      const view = VIEW_OF_STATUS[event.status] ?? 'prechat';
      if (view === 'prechat' && joinPending) return; // the join's answer follows
      if (typeof event.chatId === 'string') chatId = event.chatId;
      if (view === 'queued') showQueue(event);
      if (view === 'chatting' || view === 'ended') showCounsellor(event.counsellor);
      if (view === 'prechat' && IDLE_VIEWS.has(root.dataset.view)) {
        setState(root.dataset.view);
        break;
      }
      setState(view);
      if (view === 'chatting') resendUnacknowledged();
      if (view === 'ended') transcript.failPending();
      break;
    }
    case 'position':
      joinPending = false;
      showQueue(event);
      setState('queued');
      break;
    case 'left':
      joinPending = false;
      setState('prechat');
      break;
    case 'chat-started':
      joinPending = false;
      chatId = event.chatId ?? chatId;
      showCounsellor(event.counsellor, false);
      setState('chatting');
      break;
    case 'transferred':
      // Back to the queue when nobody takes over; position events follow.
      showCounsellor(event.counsellorName ?? '', Boolean(event.counsellorName));
      break;
    case 'message': {
      const follow = nearEnd();
      if (transcript.receive(event)) {
        if (event.from === 'COUNSELLOR') showTyping(false);
        showInactive(null);
      }
      if (follow) scrollToEnd();
      break;
    }
    case 'typing':
      if (event.from === 'COUNSELLOR') showTyping(event.typing === true);
      break;
    case 'inactive':
      showInactive(event.closesInSeconds);
      break;
    case 'ended':
      joinPending = false;
      chatId = event.chatId ?? chatId;
      transcript.failPending();
      showEndedBy(event.by);
      setState('ended');
      break;
    case 'handover-proposed':
      handover.proposed(event);
      scrollToEnd();
      break;
    case 'handover-confirmed':
    case 'handover-declined':
      handover.answered(event);
      break;
    case 'concern-issued':
      handover.concernIssued();
      break;
    case 'survey-recorded':
      showSurvey('thanked');
      break;
    default:
      // Unknown events are ignored so an older widget survives a newer server.
      break;
  }
}

function onError({ code } = {}) {
  if (code === 'MESSAGE_TOO_LONG') {
    // Errors carry no message id, but one visitor's frames are handled in
    // order, so the refused message is the oldest one not acknowledged.
    const [oldest] = transcript.unacknowledged();
    if (oldest) transcript.fail(oldest.id);
  }
  if (code === 'SURVEY_ALREADY_ANSWERED') {
    showSurvey('thanked');
    return;
  }
  if (survey === 'sent') showSurvey('open');
  if (joinPending && NOT_ADMITTED.has(code)) {
    joinPending = false;
    showClosed(code, ui.queue.value);
    setState('closed');
    return;
  }
  if (joinPending) {
    joinPending = false;
    if (!RESYNC.has(code)) setState('prechat');
  }
  if (RESYNC.has(code)) {
    connection.send('/app/visitor/sync', { afterSeq: transcript.maxSeq });
    if (code === 'ALREADY_JOINED') return;
  }
  showError(code ?? 'generic');
}

function resendUnacknowledged() {
  // Same ids as before: the server stores each message once.
  for (const { id, text } of transcript.unacknowledged()) {
    connection.send('/app/visitor/message', { id, text });
  }
}

// --- visitor actions -------------------------------------------------------------

function start(event) {
  event.preventDefault();
  clearError();
  if (!ui.queue.value) {
    showError('CHOOSE_QUEUE');
    ui.queue.focus();
    return;
  }
  // Known closed: say so at once instead of asking the server to refuse.
  if (queueById(ui.queue.value)?.open === false) {
    showClosed('QUEUE_CLOSED', ui.queue.value);
    setState('closed');
    return;
  }
  const request = { queue: ui.queue.value };
  if (ui.age.value) request.ageBand = ui.age.value;
  if (ui.language.value) request.language = ui.language.value;
  addSelfDescription(request, ui.selfDescription);
  inDanger = ui.danger.checked;
  if (inDanger) request.danger = true;
  setState('connecting');
  if (connection.connected) {
    connection.send('/app/visitor/join', request);
    joinPending = true;
  } else {
    joinRequest = request;
    connection.start();
  }
}

function sendMessage() {
  const text = ui.composer.value.trim();
  if (!text) return;
  clearError();
  showInactive(null);
  const id = newMessageId();
  transcript.addOwn(id, text);
  // Not connected: the message stays pending and goes out after the reconnect.
  connection.send('/app/visitor/message', { id, text });
  ui.composer.value = '';
  typing.stop();
  scrollToEnd();
}

function endChat() {
  clearError();
  if (!connection.send('/app/visitor/end')) showError('CONNECTION_FAILED');
}

function leaveQueue() {
  clearError();
  if (!connection.send('/app/visitor/leave')) showError('CONNECTION_FAILED');
}

function sendSurvey(event) {
  event.preventDefault();
  clearError();
  const answer = ui.survey.elements.answer.value;
  if (!answer) {
    showError('SURVEY_CHOOSE');
    return;
  }
  if (!chatId || !connection.send('/app/visitor/survey', { chatId, answer })) {
    showError('CONNECTION_FAILED');
    return;
  }
  showSurvey('sent');
}

// A new chat is a new anonymous session: nothing links it to the last one.
function restart() {
  connection.stop();
  dropToken();
  transcript.clear();
  everConnected = false;
  joinRequest = null;
  joinPending = false;
  chatId = null;
  counsellor = { name: '', transferred: false };
  endedBy = null;
  ui.survey.reset();
  showSurvey('open');
  ui.danger.checked = false;
  inDanger = false;
  clearError();
  setState('prechat');
}

function quickExit() {
  if (['queued', 'chatting'].includes(root.dataset.view)) connection.send('/app/visitor/end');
  connection.stop();
  forgetAll();
  transcript.clear();
  for (const field of [ui.composer, ui.letterboxText, ui.pickupInput]) field.value = '';
  ui.pickupCode.textContent = '';
  ui.answer.textContent = '';
  leave(exitTo, parentOrigin);
}

function closeFrame() {
  if (parentOrigin) window.parent.postMessage({ type: 'fyren:close' }, parentOrigin);
}

function newMessageId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain-http test setups get this.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// --- letterbox --------------------------------------------------------------------

function openLetterbox(queueId) {
  clearError();
  fillSelects();
  if (queueId && queueById(queueId)?.letterbox) ui.letterboxQueue.value = queueId;
  setState('letterbox');
}

async function postLetter(event) {
  event.preventDefault();
  clearError();
  const text = ui.letterboxText.value.trim();
  if (!ui.letterboxQueue.value) {
    showError('CHOOSE_QUEUE');
    ui.letterboxQueue.focus();
    return;
  }
  if (!text) {
    showError('LETTER_EMPTY');
    ui.letterboxText.focus();
    return;
  }
  try {
    const code = await letterbox.post(ui.letterboxQueue.value, text, ui.language.value || tagOf(lang));
    pickup = { code, result: null };
    ui.letterboxText.value = '';
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

function showPickup() {
  ui.receipt.hidden = !pickup.code;
  ui.letterboxForm.hidden = Boolean(pickup.code);
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
      ? t('letterbox.answeredAt', { when: new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(at) })
      : t('letterbox.answered');
    const text = document.createElement('p');
    text.className = 'fyren-answer__text';
    text.dataset.test = 'letterbox-answer-text';
    text.textContent = String(result.answer ?? ''); // untrusted: text only
    text.dir = 'auto';
    ui.answer.replaceChildren(heading, text);
  }
}

// --- language and catalogue ---------------------------------------------------------

function option(value, text, langTag) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = text;
  if (langTag) el.lang = langTag;
  return el;
}

function fillSelects() {
  const keep = {
    queue: ui.queue.value || params.get('group') || '',
    age: ui.age.value,
    language: ui.language.value,
    letterbox: ui.letterboxQueue.value || ui.queue.value || params.get('group') || '',
  };
  const queueOption = (q) => option(q.id, label(q.labels, tagOf(lang), q.id));
  ui.queue.replaceChildren(option('', t('prechat.queueChoose')), ...catalogue.queues.map(queueOption));
  ui.letterboxQueue.replaceChildren(option('', t('prechat.queueChoose')),
    ...catalogue.queues.filter((q) => q.letterbox).map(queueOption));
  ui.age.replaceChildren(
    option('', t('prechat.agePreferNot')),
    ...catalogue.ageBands.map((band) => option(band, t(`ageBand.${band}`, {}, band))),
  );
  ui.language.replaceChildren(
    option('', t('prechat.languageAny')),
    ...catalogue.languages.map((code) => option(code, languageName(code, lang))),
  );
  ui.queue.value = keep.queue;
  if (!ui.queue.value && catalogue.queues.length === 1) ui.queue.value = catalogue.queues[0].id;
  ui.letterboxQueue.value = keep.letterbox;
  ui.age.value = keep.age;
  ui.language.value = keep.language;
  fillSelfDescription(ui.selfDescription, catalogue, t);
  ui.openLetterbox.hidden = !catalogue.queues.some((q) => q.letterbox);
}

async function loadCatalogue(attempt = 0) {
  try {
    const response = await fetch('/api/queues', { headers: { accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok) throw new Error(`queues: ${response.status}`);
    const body = await response.json();
    const list = (value) => (Array.isArray(value) ? value : []);
    catalogue = {
      queues: list(body.queues),
      ageBands: list(body.ageBands),
      languages: list(body.languages),
      alternatives: list(body.alternatives),
      genders: list(body.genders),
      municipalities: list(body.municipalities),
    };
    if (errorCode === 'UNAVAILABLE') clearError();
    fillSelects();
    showAlternatives(ui.endedAlternatives);
    if (root.dataset.view === 'closed') showClosed();
  } catch {
    showError('UNAVAILABLE');
    setTimeout(() => loadCatalogue(attempt + 1), Math.min(30000, 1000 * 2 ** attempt));
  }
}

async function applyLanguage(id) {
  strings = await loadStrings(id);
  lang = id;
  const dir = strings.dir === 'rtl' ? 'rtl' : 'ltr';
  for (const el of [document.documentElement, root]) {
    el.lang = tagOf(lang);
    el.dir = dir;
  }
  applyStrings(document, strings);
  ui.uiLanguage.replaceChildren(...UI_LANGUAGES.map((l) => option(l.id, l.name, l.tag)));
  ui.uiLanguage.value = lang;
  fillSelects();
  showAlternatives(ui.endedAlternatives);
  if (root.dataset.view === 'closed') showClosed();
  showQueue();
  showCounsellor(counsellor.name);
  showEndedBy(endedBy);
  if (ui.typing.textContent) showTyping(true);
  showInactive(inactiveSeconds);
  showSurvey();
  showPickup();
  showError(errorCode);
  transcript.relabel();
  if (parentOrigin) window.parent.postMessage({ type: 'fyren:language', lang: tagOf(lang), dir }, parentOrigin);
}

// --- wiring --------------------------------------------------------------------

// Registered before anything is awaited: the loader says hello on the frame's
// load event, and only the real parent window is listened to.
window.addEventListener('message', (event) => {
  if (!embedded || event.source !== window.parent) return;
  if (event.data?.type === 'fyren:hello') {
    parentOrigin = event.origin;
    ui.close.hidden = false;
  }
  // Esc twice in the host page: only the parent that said hello may ask.
  if (event.data?.type === 'fyren:exit' && event.origin === parentOrigin) quickExit();
});

ui.prechat.addEventListener('submit', start);
ui.openLetterbox.addEventListener('click', () => openLetterbox(ui.queue.value));
ui.closedOpenLetterbox.addEventListener('click', () => openLetterbox(closed.queue));
ui.closedBack.addEventListener('click', () => setState('prechat'));
ui.letterboxBack.addEventListener('click', () => setState('prechat'));
ui.letterboxForm.addEventListener('submit', postLetter);
ui.pickupForm.addEventListener('submit', readLetter);
ui.leave.addEventListener('click', leaveQueue);
ui.end.addEventListener('click', endChat);
ui.survey.addEventListener('submit', sendSurvey);
ui.restart.addEventListener('click', restart);
ui.quickExit.addEventListener('click', quickExit);
ui.close.addEventListener('click', closeFrame);
ui.uiLanguage.addEventListener('change', () => applyLanguage(ui.uiLanguage.value));
ui.composerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  sendMessage();
});
ui.composer.addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter breaks the line; never while an IME is composing.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    sendMessage();
  }
});
ui.composer.addEventListener('input', () => {
  if (root.dataset.state !== 'chatting') return;
  if (ui.composer.value.trim()) typing.input();
  else typing.stop();
});
onDoublePress(document, 'Escape', quickExit);

await applyLanguage(lang);
root.hidden = false;
loadCatalogue();
if (readToken()) {
  // A reload mid-chat: ask the server where we stand before showing anything.
  resuming = true;
  setState('connecting');
  connection.start();
}
