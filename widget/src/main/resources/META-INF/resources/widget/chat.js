// The visitor's chat, running inside the loader's frame on Fyren's own origin
// (or opened directly). The server is the source of truth for where the
// visitor stands: every (re)connect asks it with `sync` and shows its answer.

import { VisitorConnection } from './connection.js';
import { Transcript } from './transcript.js';
import { TypingSignal } from './typing.js';
import { HandoverConsent } from './handover.js';
import { UI_LANGUAGES, applyStrings, fillTemplate, languageName, loadStrings, pickLanguage, translate } from './i18n.js';
import { exitUrl, leave, onDoublePress } from './quick-exit.js';
import { dropToken, forgetAll, readToken } from './storage.js';

const VIEW_OF_STATUS = { IDLE: 'prechat', QUEUED: 'queued', CHATTING: 'chatting', ENDED: 'ended' };

// Codes that mean "the page and the server disagree about where we are"; a
// sync puts the page right, so they need no words of their own.
const RESYNC = new Set(['ALREADY_JOINED', 'NOT_IN_CHAT', 'CHAT_ENDED']);

const params = new URLSearchParams(location.search);
const exitTo = exitUrl(params.get('exit'));
const embedded = window.parent !== window;

const root = document.getElementById('fyren-chat');
const $ = (selector) => root.querySelector(selector);
const ui = {
  uiLanguage: $('[data-test=ui-language]'),
  close: $('[data-test=close]'),
  quickExit: $('[data-test=quick-exit]'),
  error: $('[data-test=error]'),
  prechat: $('[data-test=prechat-form]'),
  queue: $('[data-test=queue-select]'),
  age: $('[data-test=age-select]'),
  language: $('[data-test=language-select]'),
  positionLine: $('[data-position-line]'),
  leave: $('[data-test=leave]'),
  counsellor: $('[data-test=counsellor]'),
  messages: $('[data-test=messages]'),
  typing: $('[data-test=typing]'),
  endedBy: $('[data-ended-by]'),
  restart: $('[data-test=restart]'),
  composerForm: $('[data-test=composer-form]'),
  composer: $('[data-test=composer]'),
  end: $('[data-test=end]'),
};

let lang = pickLanguage(params.get('lang'));
let strings = {};
let catalogue = { queues: [], ageBands: [], languages: [] };
let parentOrigin = null; // learnt from the loader's hello; never guessed
let joinRequest = null; // pre-chat answers waiting for the connection
let joinPending = false; // join sent, answer not in yet
let everConnected = false;
let resuming = false;
let position = 0;
let counsellorName = '';
let endedBy = null;
let errorCode = null;
let typingTimer = null;

const t = (key, vars, fallback) => translate(strings, key, vars, fallback);

const transcript = new Transcript(ui.messages, {
  label: (from) => t(from === 'VISITOR' ? 'message.fromYou' : 'message.fromCounsellor'),
  status: (status) => t(`message.status.${status}`),
  time: (date) => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(date),
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
  }
  if (root.dataset.view !== previousView) moveFocus(root.dataset.view);
}

// Screen-reader and keyboard users land where the new step starts.
function moveFocus(view) {
  const target = {
    prechat: '#fyren-prechat-title',
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

function showPosition(value) {
  position = Number.isInteger(value) ? value : position;
  positionNumber.textContent = String(position);
  fillTemplate(ui.positionLine, t('queued.position'), { position: positionNumber });
}

function showCounsellor(name) {
  counsellorName = typeof name === 'string' ? name : counsellorName;
  ui.counsellor.textContent = counsellorName ? t('chat.counsellorNamed', { name: counsellorName }) : t('chat.counsellor');
}

function showEndedBy(by) {
  endedBy = by ?? endedBy;
  ui.endedBy.textContent = endedBy ? t(`ended.by.${endedBy}`) : '';
}

function showTyping(on) {
  clearTimeout(typingTimer);
  ui.typing.hidden = !on;
  ui.typing.textContent = on ? t('chat.typing') : '';
  // A lost "stopped typing" must not leave the dots up for ever.
  if (on) typingTimer = setTimeout(() => showTyping(false), 8000);
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
  counsellorName = '';
  if (hadChat) showError('SESSION_LOST');
}

function onEvent(event) {
  switch (event.type) {
    case 'state': {
      resuming = false;
      const view = VIEW_OF_STATUS[event.status] ?? 'prechat';
      if (view === 'prechat' && joinPending) return; // the join's answer follows
      if (view === 'queued') showPosition(event.position);
      if (view === 'chatting' || view === 'ended') showCounsellor(event.counsellor);
      setState(view);
      if (view === 'chatting') resendUnacknowledged();
      if (view === 'ended') transcript.failPending();
      break;
    }
    case 'position':
      joinPending = false;
      showPosition(event.position);
      setState('queued');
      break;
    case 'left':
      joinPending = false;
      setState('prechat');
      break;
    case 'chat-started':
      joinPending = false;
      showCounsellor(event.counsellor);
      setState('chatting');
      break;
    case 'message': {
      const follow = nearEnd();
      if (transcript.receive(event) && event.from === 'COUNSELLOR') showTyping(false);
      if (follow) scrollToEnd();
      break;
    }
    case 'typing':
      if (event.from === 'COUNSELLOR') showTyping(event.typing === true);
      break;
    case 'ended':
      joinPending = false;
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
  const request = { queue: ui.queue.value };
  if (ui.age.value) request.ageBand = ui.age.value;
  if (ui.language.value) request.language = ui.language.value;
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

// A new chat is a new anonymous session: nothing links it to the last one.
function restart() {
  connection.stop();
  dropToken();
  transcript.clear();
  everConnected = false;
  joinRequest = null;
  joinPending = false;
  counsellorName = '';
  endedBy = null;
  clearError();
  setState('prechat');
}

function quickExit() {
  if (['queued', 'chatting'].includes(root.dataset.view)) connection.send('/app/visitor/end');
  connection.stop();
  forgetAll();
  transcript.clear();
  ui.composer.value = '';
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

// --- language and catalogue ---------------------------------------------------------

function option(value, label) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = label;
  return el;
}

function fillSelects() {
  const keep = {
    queue: ui.queue.value || params.get('group') || '',
    age: ui.age.value,
    language: ui.language.value,
  };
  ui.queue.replaceChildren(
    option('', t('prechat.queueChoose')),
    ...catalogue.queues.map((q) => option(q.id, q.labels?.[lang] ?? q.labels?.[UI_LANGUAGES[0]] ?? q.id)),
  );
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
  ui.age.value = keep.age;
  ui.language.value = keep.language;
}

async function loadCatalogue(attempt = 0) {
  try {
    const response = await fetch('/api/queues', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`queues: ${response.status}`);
    const body = await response.json();
    catalogue = {
      queues: Array.isArray(body.queues) ? body.queues : [],
      ageBands: Array.isArray(body.ageBands) ? body.ageBands : [],
      languages: Array.isArray(body.languages) ? body.languages : [],
    };
    if (errorCode === 'UNAVAILABLE') clearError();
    fillSelects();
  } catch {
    showError('UNAVAILABLE');
    setTimeout(() => loadCatalogue(attempt + 1), Math.min(30000, 1000 * 2 ** attempt));
  }
}

async function applyLanguage(code) {
  strings = await loadStrings(code);
  lang = code;
  const dir = strings.dir === 'rtl' ? 'rtl' : 'ltr';
  for (const el of [document.documentElement, root]) {
    el.lang = lang;
    el.dir = dir;
  }
  applyStrings(document, strings);
  ui.uiLanguage.replaceChildren(...UI_LANGUAGES.map((c) => option(c, languageName(c, c))));
  ui.uiLanguage.value = lang;
  fillSelects();
  showPosition(position);
  showCounsellor(counsellorName);
  showEndedBy(endedBy);
  if (!ui.typing.hidden) showTyping(true);
  showError(errorCode);
  transcript.relabel();
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
});

ui.prechat.addEventListener('submit', start);
ui.leave.addEventListener('click', leaveQueue);
ui.end.addEventListener('click', endChat);
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
