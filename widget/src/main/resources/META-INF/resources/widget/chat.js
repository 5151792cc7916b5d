// The visitor's chat, running inside the loader's frame on Fyren's own origin
// (or opened directly). The server is the source of truth for where the
// visitor stands: every (re)connect asks it with `sync` and shows its answer.
// This module holds the steps and the connection; the panels live in
// prechat.js (questions, join request), chat-view.js, closed-view.js,
// letterbox-view.js and handover.js.

import { VisitorConnection } from './connection.js';
import { Transcript } from './transcript.js';
import { TypingSignal } from './typing.js';
import { HandoverConsent } from './handover.js';
import { UI_LANGUAGES, applyStrings, loadStrings, localeOf, tagOf } from './i18n.js';
import { exitUrl, leave, onDoublePress } from './quick-exit.js';
import { dropToken, forgetAll, readToken } from './storage.js';
import { closedQueue, showAlternatives, showClosed } from './closed-view.js';
import { checkPrechat, chosenQueue, fillPrechat, joinRequest, openLetterboxButton, prechatForm, resetPrechat } from './prechat.js';
import {
  forgetCounsellor, forgetEndedBy, setDanger, showQueue, nearEnd, relabelChatView, scrollToEnd,
  showCounsellor, showEndedBy, showInactive, showSurvey, showTyping, surveyStage,
} from './chat-view.js';
import { chooseLetterboxQueue, fillLetterboxQueues, forgetLetterbox, showPickup } from './letterbox-view.js';
import {
  clearError, clearErrorOf, language, loadCatalogue, moveFocus, option, params, relabelError, root, showError, t, test,
} from './view.js';

const VIEW_OF_STATUS = { IDLE: 'prechat', QUEUED: 'queued', CHATTING: 'chatting', ENDED: 'ended' };

// Codes that mean "the page and the server disagree about where we are"; a
// sync puts the page right, so they need no words of their own.
const RESYNC = new Set(['ALREADY_JOINED', 'NOT_IN_CHAT', 'CHAT_ENDED']);

// A refused join: the chat cannot take anyone now; show what can be done instead.
const NOT_ADMITTED = new Set(['QUEUE_CLOSED', 'QUEUE_FULL']);

// Where a visitor may stand while the server knows them as idle.
const IDLE_VIEWS = new Set(['prechat', 'closed', 'letterbox']);

const exitTo = exitUrl(params.get('exit'));
const embedded = window.parent !== window;

const ui = {
  uiLanguage: test('ui-language'),
  close: test('close'),
  quickExit: test('quick-exit'),
  closedOpenLetterbox: test('closed-open-letterbox'),
  closedBack: test('closed-back'),
  letterboxBack: test('letterbox-back'),
  leave: test('leave'),
  messages: test('messages'),
  survey: test('survey'),
  endedAlternatives: test('ended-alternatives'),
  restart: test('restart'),
  composerForm: test('composer-form'),
  composer: test('composer'),
  end: test('end'),
};

let parentOrigin = null; // learnt from the loader's hello; never guessed
let pendingJoin = null; // pre-chat answers waiting for the connection
let joinPending = false; // join sent, answer not in yet
let everConnected = false;
let resuming = false;
let chatId = null;

const timeFormat = () => new Intl.DateTimeFormat(localeOf(language.id), { hour: '2-digit', minute: '2-digit' });

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
    pendingJoin = null;
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

function showClosedView(code, queueId) {
  showClosed(code, queueId);
  setState('closed');
}

// --- connection callbacks ------------------------------------------------------

function onConnected() {
  everConnected = true;
  clearErrorOf('CONNECTION_FAILED');
  connection.send('/app/visitor/sync', { afterSeq: transcript.maxSeq });
  if (pendingJoin) {
    connection.send('/app/visitor/join', pendingJoin);
    pendingJoin = null;
    joinPending = true;
  }
}

function onDropped() {
  if (!everConnected) {
    // Never got through: stay on "connecting" while the client retries.
    showError('CONNECTION_FAILED');
    return;
  }
  // Whether the counsellor still types is unknown until the socket is back.
  showTyping(false);
  setState('reconnecting');
}

// A new token is a new visitor to the server: whatever the page shows belongs
// to a chat the server no longer knows.
function onNewSession() {
  const hadChat = resuming || ['queued', 'chatting', 'ended'].includes(root.dataset.view);
  resuming = false;
  transcript.clear();
  forgetCounsellor();
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
      // Only the visitor's own writing keeps the chat open (see sendMessage).
      if (transcript.receive(event) && event.from === 'COUNSELLOR') showTyping(false);
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
  if (surveyStage() === 'sent') showSurvey('open');
  if (joinPending && NOT_ADMITTED.has(code)) {
    joinPending = false;
    showClosedView(code, chosenQueue());
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
  const problem = checkPrechat();
  if (problem === 'QUEUE_CLOSED') {
    showClosedView(problem, chosenQueue());
    return;
  }
  if (problem) {
    showError(problem);
    return;
  }
  const request = joinRequest();
  setDanger(request.danger === true);
  setState('connecting');
  if (connection.connected) {
    connection.send('/app/visitor/join', request);
    joinPending = true;
  } else {
    pendingJoin = request;
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
  pendingJoin = null;
  joinPending = false;
  chatId = null;
  forgetCounsellor();
  forgetEndedBy();
  ui.survey.reset();
  showSurvey('open');
  resetPrechat();
  setDanger(false);
  clearError();
  setState('prechat');
}

function quickExit() {
  if (['queued', 'chatting'].includes(root.dataset.view)) connection.send('/app/visitor/end');
  connection.stop();
  forgetAll();
  transcript.clear();
  ui.composer.value = '';
  forgetLetterbox();
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

function openLetterbox(queueId) {
  clearError();
  fillSelects();
  chooseLetterboxQueue(queueId);
  setState('letterbox');
}

// --- language and catalogue ---------------------------------------------------------

// The letterbox's queue first: it defaults to the pre-chat's choice as it was.
function fillSelects() {
  fillLetterboxQueues();
  fillPrechat();
}

function catalogueLoaded() {
  clearErrorOf('UNAVAILABLE');
  fillSelects();
  showAlternatives(ui.endedAlternatives);
  if (root.dataset.view === 'closed') showClosed();
}

async function applyLanguage(id) {
  language.strings = await loadStrings(id);
  language.id = id;
  const dir = language.strings.dir === 'rtl' ? 'rtl' : 'ltr';
  for (const el of [document.documentElement, root]) {
    el.lang = tagOf(id);
    el.dir = dir;
  }
  applyStrings(document, language.strings);
  ui.uiLanguage.replaceChildren(...UI_LANGUAGES.map((l) => option(l.id, l.name, l.tag)));
  ui.uiLanguage.value = id;
  fillSelects();
  showAlternatives(ui.endedAlternatives);
  if (root.dataset.view === 'closed') showClosed();
  showQueue();
  relabelChatView();
  showPickup();
  relabelError();
  transcript.relabel();
  if (parentOrigin) window.parent.postMessage({ type: 'fyren:language', lang: tagOf(id), dir }, parentOrigin);
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

prechatForm.addEventListener('submit', start);
openLetterboxButton.addEventListener('click', () => openLetterbox(chosenQueue()));
ui.closedOpenLetterbox.addEventListener('click', () => openLetterbox(closedQueue()));
ui.closedBack.addEventListener('click', () => setState('prechat'));
ui.letterboxBack.addEventListener('click', () => setState('prechat'));
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

await applyLanguage(language.id);
root.hidden = false;
loadCatalogue({ loaded: catalogueLoaded, failed: () => showError('UNAVAILABLE') });
if (readToken()) {
  // A reload mid-chat: ask the server where we stand before showing anything.
  resuming = true;
  setState('connecting');
  connection.start();
}
