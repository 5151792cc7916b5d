// The counsellor console: wires the staff connection to the queue overview and
// the chat panels. State the server owns (duty, queues, chats) is shown only
// as the server reports it, never guessed ahead of it.
import { attachCaseTools, showCaseEvent } from './case-tools.js';
import { attachBlockTool } from './block-tool.js';
import { pickLanguage, useLanguage, currentLanguage, translate, t, has, plural } from './i18n.js';
import { openConnection } from './connection.js';
import { QueueBoard } from './queue-board.js';
import { ChatPanel } from './chat-panel.js';
import { Alerts } from './alerts.js';
import { OfferList, UrgentList, LetterList } from './routing-panel.js';
import { hasRole, newMessageId } from './format.js';
import { askForOutcome, outcomeRecorded } from './late-outcome.js';
import { PauseControl } from './pause-control.js';
import { attachNotes } from './chat-notes.js';

const LANGUAGE_KEY = 'fyren.console.lang';
const ERROR_VISIBLE_MS = 20000;
const DUTY_TIMEOUT_MS = 10000;
// The answer to `sync` (duty, queues, chat-assigned…, messages) arrives in one burst;
// after this quiet time we treat it as complete.
const SYNC_SETTLE_MS = 2000;
const SYNC_RETRY_MS = 2000;
const SYNC_MAX_ROUNDS = 3;
// A chat-assigned this soon after our own take is "the chat I just took".
const TAKE_WINDOW_MS = 10000;
const SESSION_CHECK_INTERVAL_MS = 10000;

const root = document.getElementById('fc-console');
const $ = (selector) => root.querySelector(selector);
const dutyButton = $('[data-test=duty-toggle]');
const errorLine = $('[data-test=error]');
const errorDismiss = $('.fc-error-dismiss');

const alerts = new Alerts();
const chats = new Map();
// Internal notes of each chat panel, by chat id (chat-notes.js).
const chatNotes = new Map();
const state = {
  counsellor: true,
  queueLabels: new Map(),
  servedQueues: [],
  connection: null,
  everConnected: false,
  // Until the first sync has settled, what arrives is history, not news.
  initialSync: true,
  syncing: false,
  syncRound: 0,
  syncAnswered: false,
  syncTimer: null,
  chatNumber: 0,
  lastTakeAt: 0,
  dutyTimer: null,
  wantedDuty: null,
  errorCode: null,
  errorTimer: null,
  sessionExpired: false,
  lastSessionCheck: 0,
  programmaticFocus: false,
  displayName: null,
  // Outcome categories, replies and referral cards of this service (GET /api/staff/console).
  settings: { outcomes: [], replies: [], referrals: [] },
};

class LoginNeeded extends Error {}

async function fetchJson(url) {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (response.status === 401 || response.status === 403) throw new LoginNeeded();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  // An expired session is answered with a redirect to the HTML login page.
  if (response.ok && !json && response.redirected) throw new LoginNeeded();
  if (!response.ok || !json) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// Staff see a short name from the console's own strings; the server's labels are
// written for visitors ("I am under 18") and are only the fallback.
function queueLabel(id) {
  if (has(`queueName.${id}`)) return t(`queueName.${id}`);
  const labels = state.queueLabels.get(id);
  if (!labels) return id;
  return labels[currentLanguage()] ?? labels.sv ?? Object.values(labels)[0] ?? id;
}

const board = new QueueBoard($('.fc-queues'), document.getElementById('fc-queue-template'), {
  label: queueLabel,
  onTake(queue) {
    alerts.unlock();
    state.lastTakeAt = Date.now();
    if (!send('/app/counsellor/take', { queue })) board.settle();
  },
  onPick(queue, chatId) {
    alerts.unlock();
    state.lastTakeAt = Date.now();
    send('/app/counsellor/take', { queue, chatId });
  },
});

const offers = new OfferList($('.fc-offers-section'), {
  label: queueLabel,
  answer(chatId, accept) {
    alerts.unlock();
    if (accept) state.lastTakeAt = Date.now();
    if (send(accept ? '/app/counsellor/accept' : '/app/counsellor/decline', { chatId })) offers.remove(chatId);
  },
});

const pause = new PauseControl(root, dutyButton, send);

const urgentAlerts = new UrgentList($('.fc-urgent-section'), { label: queueLabel });

const letters = new LetterList($('.fc-letterbox-section'), {
  label: queueLabel,
  answer(id, text) {
    send('/app/counsellor/letterbox-answer', { id, text });
  },
  refresh() {
    send('/app/counsellor/letterbox', {});
  },
});

function send(destination, body) {
  return state.connection?.send(destination, body) ?? false;
}

// ---- header -------------------------------------------------------------

function renderConnection() {
  const connected = root.dataset.connection === 'connected';
  let key = 'connection.connected';
  if (state.sessionExpired) key = 'connection.loggedOut';
  else if (!connected) key = state.everConnected ? 'connection.reconnecting' : 'connection.connecting';
  $('.fc-connection-text').textContent = t(key);
}

function renderDuty() {
  const duty = root.dataset.duty;
  dutyButton.setAttribute('aria-pressed', String(duty === 'on'));
  $('.fc-duty-state').textContent = duty === undefined ? '' : t(duty === 'on' ? 'duty.on' : 'duty.off');
  dutyButton.disabled = dutyButton.dataset.pending === 'true';
  $('.fc-off-duty-hint').hidden = !state.counsellor || duty !== 'off';
}

function settleDuty() {
  clearTimeout(state.dutyTimer);
  state.wantedDuty = null;
  delete dutyButton.dataset.pending;
  renderDuty();
}

dutyButton.addEventListener('click', () => {
  alerts.unlock();
  const onDuty = root.dataset.duty !== 'on';
  // Not connected yet (or just now): the wish is sent as soon as we are.
  if (!send('/app/counsellor/duty', { onDuty })) state.wantedDuty = onDuty;
  // Not optimistic: the switch moves when the server's `duty` event says so.
  dutyButton.dataset.pending = 'true';
  renderDuty();
  clearTimeout(state.dutyTimer);
  state.dutyTimer = setTimeout(settleDuty, DUTY_TIMEOUT_MS);
});

const soundButton = $('[data-test=sound-toggle]');
function renderSound() {
  soundButton.setAttribute('aria-pressed', String(!alerts.muted));
}
soundButton.addEventListener('click', () => {
  alerts.setMuted(!alerts.muted);
  alerts.unlock();
  renderSound();
});

const languageSelect = $('[data-test=language]');
languageSelect.addEventListener('change', async () => {
  const code = languageSelect.value;
  await useLanguage(code);
  localStorage.setItem(LANGUAGE_KEY, code);
  // Keep ?lang= in step so a reload shows the same language.
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', code);
    history.replaceState(null, '', url);
  }
  renderAllTexts();
});

const logoutForm = $('.fc-logout');
function setCsrf(csrf) {
  const input = logoutForm.querySelector('input[type=hidden]');
  if (csrf?.parameterName) input.name = csrf.parameterName;
  input.value = csrf?.token ?? '';
}
logoutForm.addEventListener('submit', async (event) => {
  // Fetch a current token first: the one from page load may be stale after hours on shift.
  event.preventDefault();
  try {
    setCsrf((await fetchJson('/api/staff/me')).csrf);
  } catch {
    location.assign('/login');
    return;
  }
  logoutForm.submit();
});

// ---- status line ----------------------------------------------------------

function showError(code, { sticky = false } = {}) {
  state.errorCode = code;
  renderError();
  clearTimeout(state.errorTimer);
  if (!sticky) state.errorTimer = setTimeout(clearError, ERROR_VISIBLE_MS);
}

function clearError() {
  clearTimeout(state.errorTimer);
  state.errorCode = null;
  renderError();
}

function renderError() {
  const code = state.errorCode;
  errorLine.textContent = code ? t(has(`error.${code}`) ? `error.${code}` : 'error.generic') : '';
  if (code) errorLine.dataset.code = code;
  else delete errorLine.dataset.code;
  errorDismiss.hidden = !code || state.sessionExpired;
  $('.fc-login-link').hidden = !state.sessionExpired;
}

errorDismiss.addEventListener('click', clearError);

// ---- chats ----------------------------------------------------------------

function updateAttention() {
  // The title counts what waits for the counsellor: unread messages and open offers.
  let total = offers.size;
  for (const chat of chats.values()) total += chat.unread;
  alerts.setCount(total);
  renderChatList();
  $('.fc-no-chats').hidden = chats.size > 0;
}

function renderChatList() {
  const items = [...chats.values()].map((chat) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fc-chatlist-item';
    button.toggleAttribute('data-ended', chat.ended);
    const name = document.createElement('span');
    name.textContent = t('chat.title', { number: chat.number, queue: queueLabel(chat.queue) });
    button.append(name);
    if (chat.ended) {
      const ended = document.createElement('span');
      ended.className = 'fc-chatlist-state';
      ended.textContent = t('chatlist.ended');
      button.append(ended);
    }
    if (chat.unread > 0) {
      const badge = document.createElement('span');
      badge.className = 'fc-badge fc-badge-unread';
      badge.setAttribute('aria-hidden', 'true');
      badge.textContent = String(chat.unread);
      const spoken = document.createElement('span');
      spoken.className = 'fc-visually-hidden';
      spoken.textContent = plural('chat.unread', chat.unread);
      button.append(badge, spoken);
    }
    button.addEventListener('click', () => chat.focusComposer());
    item.append(button);
    return item;
  });
  $('.fc-chatlist').replaceChildren(...items);
  $('.fc-chatlist-section').hidden = chats.size === 0;
}

function publishMessage(chat, id, text, referral) {
  if (send('/app/counsellor/message', { chatId: chat.id, id, text, referral })) chat.awaitAck(id);
}

function resendUnacknowledged(chat) {
  for (const { id, text } of chat.unacknowledged()) publishMessage(chat, id, text);
}

const chatHandlers = {
  label: queueLabel,
  me: () => state.displayName,
  post(chatId, text, referral) {
    const chat = chats.get(chatId);
    const id = newMessageId();
    chat.addOwn(id, text);
    // Sent now if connected; otherwise it stays pending and goes out after the resync.
    publishMessage(chat, id, text, referral);
  },
  resend(chatId, id, text) {
    publishMessage(chats.get(chatId), id, text);
  },
  typing(chatId, typing) {
    send('/app/counsellor/typing', { chatId, typing });
  },
  end(chatId, outcome) {
    if (!send('/app/counsellor/end', { chatId, outcome })) chats.get(chatId)?.endRefused();
  },
  settings() {
    return state.settings;
  },
  close(chat) {
    chat.element.remove();
    chats.delete(chat.id);
    chatNotes.delete(chat.id);
    updateAttention();
    const next = [...chats.values()].at(-1);
    if (next) next.focusComposer();
    else $('#fc-chats').focus();
  },
  transferQueues(queue) {
    // The server refuses any queue of another group; offering only the same queue
    // and the other queues this counsellor serves keeps the choice short.
    return [...new Set([queue, ...state.servedQueues])];
  },
  transfer(chatId, target) {
    send('/app/counsellor/transfer', { chatId, ...target });
  },
  read(chat) {
    if (state.programmaticFocus) return;
    if (chat.unread > 0) {
      chat.markRead();
      updateAttention();
    }
  },
};

function onChatAssigned(event) {
  if (typeof event.chatId !== 'string') return;
  offers.remove(event.chatId);
  urgentAlerts.resolve(event.chatId);
  const known = chats.get(event.chatId);
  if (known) {
    known.update(event);
    if (known.awaitingSync) {
      known.awaitingSync = false;
      known.reopen();
    }
    // The server has the chat again after a reconnect: what it never acknowledged goes again, same ids.
    resendUnacknowledged(known);
    return;
  }
  const chat = new ChatPanel(document.getElementById('fc-chat-template'), event, ++state.chatNumber, chatHandlers);
  chats.set(chat.id, chat);
  attachCaseTools(chat.element, chat.id, send);
  attachBlockTool(chat.element, chat.id, send);
  chatNotes.set(chat.id, attachNotes(chat.element, chat.id, send));
  $('.fc-chat-grid').append(chat.element);
  board.settle();
  const justTaken = Date.now() - state.lastTakeAt < TAKE_WINDOW_MS;
  if (justTaken || !state.syncing) {
    chat.addUnread(1);
    alerts.chime();
  }
  const focus = document.activeElement;
  if (justTaken && (focus === document.body || focus?.matches('[data-test=take]'))) {
    // Ready to greet at once; focusing this way does not count as having seen it.
    state.lastTakeAt = 0;
    state.programmaticFocus = true;
    chat.focusComposer();
    state.programmaticFocus = false;
  }
  updateAttention();
}

function onMessage(event) {
  const chat = chats.get(event.chatId);
  if (!chat || typeof event.id !== 'string') return;
  const fromVisitor = chat.receive(event);
  if (fromVisitor && !state.initialSync && !chat.isActive()) {
    chat.addUnread();
    // Also while working in another chat: the badge alone is easy to miss.
    alerts.chime();
    updateAttention();
  }
}

function onTransferred(event) {
  const chat = chats.get(event.chatId);
  if (!chat || chat.ended) return;
  // This counsellor handed the chat on: it is no longer theirs.
  chat.end('TRANSFERRED');
  chatNotes.get(event.chatId)?.setEnded(true);
  updateAttention();
}

function onInactive(event) {
  chats.get(event.chatId)?.alert(t('chat.inactive', { seconds: Number(event.closesInSeconds) || 0 }));
}

function onUrgent(event) {
  urgentAlerts.add(event);
  const chat = chats.get(event.chatId);
  if (chat) chat.update({ urgent: true });
  alerts.chime();
}

function onEnded(event) {
  const chat = chats.get(event.chatId);
  if (!chat) return;
  chat.end(event.by === 'VISITOR' || event.by === 'COUNSELLOR' ? event.by : null);
  // Ending it themselves, counsellors give the outcome then; otherwise they are asked now.
  if (event.by === 'VISITOR' || event.by === 'SYSTEM') {
    askForOutcome(chat.element, state.settings.outcomes ?? [], (outcome) => send('/app/counsellor/outcome', { chatId: chat.id, outcome }));
  }
  chatNotes.get(event.chatId)?.setEnded(true);
  if (event.by === 'VISITOR' && !chat.isActive()) chat.addUnread();
  updateAttention();
}

// ---- connection -----------------------------------------------------------

function onDuty(event) {
  root.dataset.duty = event.onDuty ? 'on' : 'off';
  if (event.displayName) {
    $('[data-test=me]').textContent = event.displayName;
    state.displayName = event.displayName;
  }
  if (Array.isArray(event.queues)) {
    board.setServed(event.queues);
    state.servedQueues = event.queues;
  }
  board.setOnDuty(Boolean(event.onDuty));
  pause.setOnDuty(Boolean(event.onDuty));
  // Off duty, the server withdraws every offer.
  if (!event.onDuty) {
    offers.clear();
    updateAttention();
  }
  settleDuty();
  $('.fc-no-queues').hidden = root.querySelector('[data-test=queue]') !== null;
  if (state.syncing) {
    state.syncAnswered = true;
    clearTimeout(state.syncTimer);
    state.syncTimer = setTimeout(syncQuiet, SYNC_SETTLE_MS);
  }
}

// The answer to `sync` can go missing (seen when another session of the same
// counsellor opens or closes at that moment), so an unanswered sync is sent
// again, and a chat is only taken as ended after a second sync also leaves it out.
function startSync() {
  state.syncing = true;
  state.syncRound = 0;
  for (const chat of chats.values()) {
    if (!chat.ended) chat.awaitingSync = true;
  }
  sendSync();
}

function sendSync() {
  state.syncRound += 1;
  state.syncAnswered = false;
  const afterSeq = {};
  for (const chat of chats.values()) {
    if (!chat.ended) afterSeq[chat.id] = chat.maxSeq;
  }
  send('/app/counsellor/sync', { afterSeq });
  clearTimeout(state.syncTimer);
  state.syncTimer = setTimeout(syncQuiet, SYNC_RETRY_MS);
}

function syncQuiet() {
  const unconfirmed = [...chats.values()].some((chat) => chat.awaitingSync && !chat.ended);
  const again = !state.syncAnswered || unconfirmed;
  if (again && state.syncRound < SYNC_MAX_ROUNDS && root.dataset.connection === 'connected') sendSync();
  else finishSync();
}

function finishSync() {
  clearTimeout(state.syncTimer);
  state.syncing = false;
  state.initialSync = false;
  // Marks the moment from which arriving messages count as news (tests wait for it too).
  root.dataset.synced = 'true';
  for (const chat of chats.values()) {
    // Left out of an answered sync: it ended while we were away (`ended` is not replayed).
    if (state.syncAnswered && chat.awaitingSync && !chat.ended) chat.end(null);
    chat.awaitingSync = false;
  }
  updateAttention();
}

const eventHandlers = {
  duty: onDuty,
  queues: (event) => {
    board.update(event.queues);
    urgentAlerts.settle(event.queues);
  },
  'chat-assigned': onChatAssigned,
  message: onMessage,
  typing: (event) => {
    if (event.from === 'VISITOR') chats.get(event.chatId)?.setTyping(Boolean(event.typing));
  },
  ended: onEnded,
  'outcome-recorded': (event) => {
    const chat = chats.get(event.chatId);
    if (chat) outcomeRecorded(chat.element);
  },
  offer: (event) => {
    offers.add(event);
    alerts.chime();
    updateAttention();
  },
  'offer-withdrawn': (event) => {
    offers.remove(event.chatId);
    updateAttention();
  },
  pause: (event) => pause.setPaused(Boolean(event.paused)),
  note: (event) => chatNotes.get(event.chatId)?.add(event),
  transferred: onTransferred,
  inactive: onInactive,
  urgent: onUrgent,
  'urgent-cleared': (event) => urgentAlerts.resolve(event.chatId),
  letterbox: (event) => letters.show(event.letters),
  'handover-proposed': onCaseEvent,
  'handover-confirmed': onCaseEvent,
  'handover-declined': onCaseEvent,
  'concern-drafted': onCaseEvent,
  'concern-issued': onCaseEvent,
  monitored: (event) => chats.get(event.chatId)?.setMonitored(Boolean(event.monitored)),
};

function onCaseEvent(event) {
  const chat = chats.get(event.chatId);
  if (chat) showCaseEvent(chat.element, event);
}

const TAKE_ERRORS = new Set(['QUEUE_EMPTY', 'NOT_ON_DUTY', 'NOT_QUALIFIED', 'UNKNOWN_QUEUE', 'AT_CAPACITY', 'NOT_WAITING']);

function onServerError(error) {
  const code = typeof error?.code === 'string' ? error.code : 'INTERNAL_ERROR';
  showError(code);
  if (TAKE_ERRORS.has(code)) board.settle();
  settleDuty();
  pause.settle();
  // Errors do not say which frame caused them; re-enable any end button waiting for an answer.
  for (const chat of chats.values()) chat.endRefused();
}

async function checkSession() {
  if (Date.now() - state.lastSessionCheck < SESSION_CHECK_INTERVAL_MS) return;
  state.lastSessionCheck = Date.now();
  try {
    const response = await fetch('/api/staff/me', { cache: 'no-store', redirect: 'manual', headers: { accept: 'application/json' } });
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
      // Logged out (elsewhere, or the session timed out): retrying the socket cannot help.
      state.sessionExpired = true;
      state.connection?.close();
      showError('SESSION_EXPIRED', { sticky: true });
      renderConnection();
    }
  } catch {
    // The server is unreachable; stompjs keeps retrying.
  }
}

function connect(csrf) {
  const headers = csrf?.headerName && csrf?.token ? { [csrf.headerName]: csrf.token } : {};
  state.connection = openConnection('/ws/staff', headers, {
    onState(connectionState) {
      root.dataset.connection = connectionState;
      const connected = connectionState === 'connected';
      board.setConnected(connected);
      renderDuty();
      renderConnection();
    },
    onConnected() {
      const reconnect = state.everConnected;
      state.everConnected = true;
      renderConnection();
      if (state.errorCode === 'CONNECTION_REFUSED') clearError();
      if (!state.counsellor) return;
      if (reconnect) state.initialSync = false;
      startSync();
      letters.setVisible(true);
      send('/app/counsellor/letterbox', {});
      if (state.wantedDuty !== null) send('/app/counsellor/duty', { onDuty: state.wantedDuty });
    },
    onEvent(event) {
      eventHandlers[event.type]?.(event);
    },
    onError: onServerError,
    onRefused() {
      showError('CONNECTION_REFUSED');
    },
    onClosedBeforeConnect: checkSession,
  });
}

// ---- start ----------------------------------------------------------------

function renderAllTexts() {
  translate(root);
  languageSelect.value = currentLanguage();
  alerts.setBaseTitle(t('app.title'));
  renderConnection();
  renderDuty();
  renderError();
  board.render();
  offers.render();
  urgentAlerts.render();
  for (const chat of chats.values()) chat.refresh();
  pause.render();
  for (const notes of chatNotes.values()) notes.render();
  renderChatList();
}

function markActiveChatRead() {
  for (const chat of chats.values()) {
    if (chat.isActive()) chatHandlers.read(chat);
  }
}

async function start() {
  await useLanguage(pickLanguage(location.search, localStorage.getItem(LANGUAGE_KEY)));
  renderAllTexts();
  renderSound();
  // Browsers allow sound only after a gesture: any first click or key will do,
  // so an offer that comes while the counsellor just waits is heard.
  alerts.unlockOnFirstGesture(document);
  updateAttention();
  root.dataset.ready = 'true';

  let me;
  try {
    me = await fetchJson('/api/staff/me');
  } catch (error) {
    if (error instanceof LoginNeeded) location.assign('/login');
    else showError('LOAD_FAILED', { sticky: true });
    return;
  }
  if (!hasRole(me.roles, 'COUNSELLOR') && !hasRole(me.roles, 'SUPERVISOR')) {
    // Case workers have no live chats: their page is the handover inbox.
    location.replace('cases.html');
    return;
  }
  $('[data-test=me]').textContent = me.displayName ?? me.username ?? '';
  state.displayName = me.displayName ?? null;
  setCsrf(me.csrf);
  state.counsellor = hasRole(me.roles, 'COUNSELLOR');
  if (!state.counsellor && hasRole(me.roles, 'SUPERVISOR')) {
    // Supervisors take no chats: their place is the dashboard.
    location.replace('dashboard.html');
    return;
  }
  root.dataset.role = state.counsellor ? 'counsellor' : 'supervisor';
  dutyButton.hidden = !state.counsellor;
  $('[data-test=supervisor-note]').hidden = state.counsellor;

  try {
    const catalog = await fetchJson('/api/queues');
    for (const queue of catalog.queues ?? []) state.queueLabels.set(queue.id, queue.labels ?? {});
  } catch {
    // Without the catalogue the queue ids themselves are shown.
  }
  try {
    state.settings = await fetchJson('/api/staff/console');
  } catch {
    // Without them the console still chats; there is just nothing to pick from.
  }
  board.setServed(state.counsellor ? (me.queues ?? []) : []);
  state.servedQueues = state.counsellor ? (me.queues ?? []) : [];
  $('.fc-no-queues').hidden = root.querySelector('[data-test=queue]') !== null;
  renderAllTexts();

  connect(me.csrf);
  setInterval(() => {
    board.tick();
    offers.tick();
  }, 1000);
  window.addEventListener('focus', markActiveChatRead);
  document.addEventListener('visibilitychange', markActiveChatRead);
  window.addEventListener('beforeunload', (event) => {
    // Unacknowledged messages would be lost with the page.
    if ([...chats.values()].some((chat) => !chat.ended && chat.unacknowledged().length > 0)) event.preventDefault();
  });
}

start();
