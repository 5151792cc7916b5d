// The supervisor dashboard: live figures per queue over the staff connection,
// and an hourly history for planning staffing. Every figure is computed by the
// server; this page only shows it, and says loudly when a queue is behind.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { pickLanguage, useLanguage, currentLanguage, translate, t, has } from './i18n.js';
import { openConnection } from './connection.js';
import { formatDuration, formatClock } from './format.js';
import { NoteList } from './chat-notes.js';

const LANGUAGE_KEY = 'fyren.console.lang';

const root = document.getElementById('fc-dashboard');
const $ = (selector) => root.querySelector(selector);
const state = {
  dashboard: null,
  breached: new Set(),
  everConnected: false,
  labels: new Map(),
  history: null,
  charts: [],
  connection: null,
  // The chat this supervisor follows read-only: { chatId, queue, counsellor, ended }.
  following: null,
  followed: new Map(),
};

async function fetchJson(url) {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  const json = (response.headers.get('content-type') ?? '').includes('json');
  if (response.status === 401 || response.status === 403 || (response.redirected && !json)) {
    location.assign('/login');
    throw new Error('login needed');
  }
  if (!response.ok || !json) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function queueLabel(id) {
  if (has(`queueName.${id}`)) return t(`queueName.${id}`);
  const labels = state.labels.get(id);
  return labels?.[currentLanguage()] ?? labels?.sv ?? id;
}

function seconds(value) {
  return value === null || value === undefined ? '–' : formatDuration(value * 1000);
}

function percent(share) {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

function cell(row, text, { test, header = false } = {}) {
  const element = document.createElement(header ? 'th' : 'td');
  if (header) element.scope = 'row';
  element.textContent = text;
  if (test) element.dataset.test = test;
  row.append(element);
  return element;
}

// ---- live ---------------------------------------------------------------

function renderLive() {
  const dashboard = state.dashboard;
  if (!dashboard) return;
  const rows = dashboard.queues.map((queue) => {
    const row = document.createElement('tr');
    row.dataset.test = 'queue-row';
    row.dataset.queue = queue.queue;
    row.toggleAttribute('data-breach', queue.breach);
    const name = cell(row, queueLabel(queue.queue), { header: true });
    if (queue.breach) {
      const badge = document.createElement('span');
      badge.className = 'fd-badge';
      badge.dataset.test = 'breach';
      badge.textContent = t('dashboard.behind');
      name.append(' ', badge);
    }
    cell(row, String(queue.waiting), { test: 'waiting' });
    // Someone in danger waits: as pressing as a breach, whatever the target says.
    const urgent = cell(row, String(queue.urgentWaiting ?? 0), { test: 'urgent-waiting' });
    urgent.toggleAttribute('data-alert', queue.urgentWaiting > 0);
    row.toggleAttribute('data-urgent', queue.urgentWaiting > 0);
    cell(row, queue.waiting > 0 ? seconds(queue.longestWaitSeconds) : '–', { test: 'longest' });
    cell(row, seconds(queue.targetSeconds), { test: 'target' });
    cell(row, seconds(queue.medianWaitSeconds), { test: 'median' });
    cell(row, seconds(queue.p90WaitSeconds), { test: 'p90' });
    cell(row, percent(queue.answeredWithinTarget), { test: 'within-target' });
    cell(row, String(queue.arrivalsToday), { test: 'arrivals' });
    cell(row, String(queue.abandonedToday), { test: 'abandoned' });
    cell(row, t('dashboard.staffValue', { onDuty: queue.onDuty, busy: queue.busy }), { test: 'staff' });
    // Everyone on duty paused while people wait: nobody gets their chats.
    const paused = cell(row, String(queue.paused ?? 0), { test: 'paused' });
    paused.toggleAttribute('data-alert', queue.paused > 0 && queue.paused >= queue.onDuty && queue.waiting > 0);
    cell(row, String(queue.activeChats), { test: 'active' });
    return row;
  });
  $('[data-test=live] tbody').replaceChildren(...rows);
  const behind = dashboard.queues.filter((queue) => queue.breach);
  const alert = behind.length === 0 ? '' : t('dashboard.breachAlert', {
    queues: behind.map((queue) => `${queueLabel(queue.queue)} (${seconds(queue.longestWaitSeconds)} > ${seconds(queue.targetSeconds)})`).join(', '),
  });
  // An alert region speaks on every change: leave it alone while nothing changed.
  const alertLine = $('[data-test=breach-alert]');
  if (alertLine.textContent !== alert) alertLine.textContent = alert;
  $('[data-test=updated]').textContent = t('dashboard.updated', {
    time: new Intl.DateTimeFormat(currentLanguage(), { timeStyle: 'medium' }).format(new Date(dashboard.at)),
  });
  document.title = behind.length > 0 ? `(!) ${t('dashboard.title')}` : t('dashboard.title');
}

function onDashboard(event) {
  if (!Array.isArray(event.queues)) return;
  state.dashboard = event;
  // Notify only on the way into a breach, not on every refresh while it lasts.
  const now = new Set(event.queues.filter((queue) => queue.breach).map((queue) => queue.queue));
  for (const queue of now) {
    if (!state.breached.has(queue)) notify(queue);
  }
  state.breached = now;
  renderLive();
  renderChats();
}

function notify(queue) {
  if (typeof Notification !== 'function' || Notification.permission !== 'granted') return;
  const figures = state.dashboard.queues.find((q) => q.queue === queue);
  new Notification(t('dashboard.notifyTitle', { queue: queueLabel(queue) }), {
    body: t('dashboard.notifyBody', { wait: seconds(figures.longestWaitSeconds), target: seconds(figures.targetSeconds) }),
    tag: `fyren-breach-${queue}`,
  });
}

const notifyButton = $('[data-test=notify-toggle]');
function renderNotify() {
  const supported = typeof Notification === 'function';
  notifyButton.hidden = !supported || Notification.permission === 'granted';
  notifyButton.disabled = supported && Notification.permission === 'denied';
}
notifyButton.addEventListener('click', async () => {
  await Notification.requestPermission();
  renderNotify();
});

// ---- chats under way and silent monitoring --------------------------------

let renderedChats = '';

// Rebuilt only when the list changes, so a keyboard user's focus on a Follow button survives refreshes.
function renderChats({ force = false } = {}) {
  const chats = state.dashboard?.chats ?? [];
  const key = JSON.stringify([state.following?.chatId ?? null, chats]);
  if (!force && key === renderedChats) return;
  renderedChats = key;
  $('[data-test=no-chats]').hidden = chats.length > 0;
  $('[data-test=chats]').hidden = chats.length === 0;
  const rows = chats.map((chat) => {
    const row = document.createElement('tr');
    row.dataset.test = 'chat-row';
    row.dataset.chatId = chat.chatId;
    cell(row, queueLabel(chat.queue), { header: true });
    cell(row, chat.counsellor ?? '');
    cell(row, formatClock(chat.startedAt, currentLanguage()));
    const action = document.createElement('td');
    if (state.following?.chatId === chat.chatId) {
      action.textContent = t('dashboard.followed');
    } else {
      const follow = document.createElement('button');
      follow.type = 'button';
      follow.className = 'fc-tool';
      follow.dataset.test = 'follow';
      follow.textContent = t('dashboard.follow');
      follow.setAttribute('aria-label', t('dashboard.followIn', { queue: queueLabel(chat.queue), counsellor: chat.counsellor ?? '' }));
      follow.addEventListener('click', () => startFollowing(chat.chatId));
      action.append(follow);
    }
    row.append(action);
    return row;
  });
  $('[data-test=chats] tbody').replaceChildren(...rows);
}

function startFollowing(chatId) {
  if (state.following) state.connection?.send('/app/supervisor/unmonitor', { chatId: state.following.chatId });
  state.following = null;
  state.followed = new Map();
  state.connection?.send('/app/supervisor/monitor', { chatId });
}

function renderFollow() {
  const panel = $('[data-test=follow-panel]');
  const following = state.following;
  panel.hidden = !following;
  if (!following) return;
  $('.fd-follow-title').textContent = t('dashboard.following', { queue: queueLabel(following.queue), counsellor: following.counsellor ?? '' });
  $('[data-test=follow-ended]').hidden = !following.ended;
  const items = [...state.followed.values()].sort((a, b) => a.seq - b.seq).map((message) => {
    const item = document.createElement('li');
    item.className = 'fc-msg';
    item.dataset.from = message.from === 'VISITOR' ? 'VISITOR' : 'COUNSELLOR';
    const meta = document.createElement('span');
    meta.className = 'fc-msg-meta';
    const who = document.createElement('span');
    who.className = 'fc-msg-who';
    // A counsellor's message names its author (display name, as text): a transfer shows who wrote what.
    who.textContent = message.from === 'VISITOR' ? t('dashboard.fromVisitor')
      : (typeof message.author === 'string' && message.author) || t('dashboard.fromCounsellor');
    const time = document.createElement('time');
    time.dateTime = message.sentAt ?? '';
    time.textContent = formatClock(message.sentAt, currentLanguage());
    meta.append(who, ' ', time);
    const body = document.createElement('p');
    body.className = 'fc-msg-text';
    body.dir = 'auto';
    // What people wrote is text, never markup.
    body.textContent = message.text ?? '';
    item.append(meta, body);
    return item;
  });
  const list = $('[data-test=follow-messages]');
  list.replaceChildren(...items);
  list.scrollTop = list.scrollHeight;
}

// The counsellor's internal notes on the followed chat: staff-only, shown apart from the messages.
const followNotes = new NoteList('follow-notes');
$('.fd-follow-notes').append(followNotes.element);

const followHandlers = {
  monitoring(event) {
    if (event.state === 'FOLLOWING') {
      state.following = { chatId: event.chatId, queue: event.queue, counsellor: event.counsellor, ended: false };
      state.followed = new Map();
      followNotes.clear();
    } else if (state.following?.chatId === event.chatId) {
      state.following = null;
    }
    renderFollow();
    renderChats();
  },
  message(event) {
    if (event.chatId !== state.following?.chatId || typeof event.id !== 'string') return;
    state.followed.set(event.id, event);
    renderFollow();
  },
  note(event) {
    if (event.chatId !== state.following?.chatId) return;
    followNotes.add(event);
  },
  ended(event) {
    if (event.chatId !== state.following?.chatId) return;
    state.following.ended = true;
    renderFollow();
  },
};

$('[data-test=unfollow]').addEventListener('click', () => {
  if (state.following) state.connection?.send('/app/supervisor/unmonitor', { chatId: state.following.chatId });
});

// ---- history ------------------------------------------------------------

const historyForm = $('[data-test=history-form]');

function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function loadHistory() {
  const form = new FormData(historyForm);
  const query = new URLSearchParams({ queue: form.get('queue'), from: form.get('from'), to: form.get('to') });
  try {
    state.history = await fetchJson(`/api/supervision/history?${query}`);
    renderHistory();
  } catch {
    $('[data-test=error]').textContent = t('error.LOAD_FAILED');
  }
}

// The server sends every hour of the period, quiet ones as zero.
function hourlySeries(history) {
  const series = { x: [], arrivals: [], abandoned: [], onDuty: [], median: [], p90: [], target: [] };
  for (const hour of history.hours) {
    series.x.push(Date.parse(hour.hour) / 1000);
    series.arrivals.push(hour.arrivals);
    series.abandoned.push(hour.abandoned);
    series.onDuty.push(hour.maxOnDuty);
    series.median.push(hour.medianWaitSeconds);
    series.p90.push(hour.p90WaitSeconds);
    series.target.push(history.targetSeconds);
  }
  return series;
}

function renderHistory() {
  const history = state.history;
  if (!history) return;
  for (const chart of state.charts) chart.destroy();
  state.charts = [];
  const busy = history.hours.filter((hour) => hour.arrivals > 0 || hour.answered > 0 || hour.abandoned > 0 || hour.maxOnDuty > 0);
  $('[data-test=history-empty]').hidden = busy.length > 0;
  const s = hourlySeries(history);
  // Hours on the axes in the service's zone, whatever this computer's zone is.
  const tzDate = (ts) => uPlot.tzDate(new Date(ts * 1000), history.zone);
  const width = Math.max(320, $('.fd-history').clientWidth - 16);
  const style = getComputedStyle(root);
  const colour = (name) => style.getPropertyValue(name).trim();
  state.charts.push(new uPlot({
    width, height: 220, tzDate,
    series: [{}, { label: t('dashboard.col.arrivals'), stroke: colour('--fc-accent'), width: 2 },
      { label: t('dashboard.col.abandoned'), stroke: colour('--fc-danger'), width: 2 },
      { label: t('dashboard.onDuty'), stroke: colour('--fc-ok'), width: 2, dash: [6, 4] }],
  }, [s.x, s.arrivals, s.abandoned, s.onDuty], $('[data-test=chart-arrivals]')));
  state.charts.push(new uPlot({
    width, height: 220, tzDate,
    axes: [{}, { values: (u, values) => values.map((v) => formatDuration(v * 1000)) }],
    series: [{}, { label: t('dashboard.col.median'), stroke: colour('--fc-accent'), width: 2, value: (u, v) => seconds(v) },
      { label: t('dashboard.col.p90'), stroke: colour('--fc-warn'), width: 2, value: (u, v) => seconds(v) },
      { label: t('dashboard.col.target'), stroke: colour('--fc-danger'), width: 1, dash: [4, 4], value: (u, v) => seconds(v) }],
  }, [s.x, s.median, s.p90, s.target], $('[data-test=chart-waits]')));
  const format = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'short', timeStyle: 'short', timeZone: history.zone });
  const rows = busy.map((hour) => {
    const row = document.createElement('tr');
    cell(row, format.format(new Date(hour.hour)), { header: true });
    cell(row, String(hour.arrivals));
    cell(row, String(hour.answered));
    cell(row, String(hour.abandoned));
    cell(row, seconds(hour.medianWaitSeconds));
    cell(row, seconds(hour.p90WaitSeconds));
    cell(row, String(hour.maxOnDuty));
    return row;
  });
  $('[data-test=history-table] tbody').replaceChildren(...rows);
}

historyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  loadHistory();
});

// ---- start --------------------------------------------------------------

function renderConnection() {
  const connected = root.dataset.connection === 'connected';
  const key = connected ? 'connection.connected' : state.everConnected ? 'connection.reconnecting' : 'connection.connecting';
  $('.fc-connection-text').textContent = t(key);
}

function renderQueueOptions() {
  const select = $('[data-test=history-queue]');
  const chosen = select.value;
  select.replaceChildren(...[...state.labels.keys()].map((id) => {
    const option = document.createElement('option');
    option.value = id;
    option.textContent = queueLabel(id);
    return option;
  }));
  if (chosen) select.value = chosen;
}

function renderAllTexts() {
  translate(root);
  $('[data-test=language]').value = currentLanguage();
  renderConnection();
  renderQueueOptions();
  renderLive();
  renderChats({ force: true });
  renderFollow();
  renderHistory();
  renderNotify();
}

$('[data-test=language]').addEventListener('change', async (event) => {
  await useLanguage(event.target.value);
  localStorage.setItem(LANGUAGE_KEY, event.target.value);
  renderAllTexts();
});

async function start() {
  await useLanguage(pickLanguage(location.search, localStorage.getItem(LANGUAGE_KEY)));
  renderAllTexts();
  root.dataset.ready = 'true';
  const me = await fetchJson('/api/staff/me');
  $('[data-test=me]').textContent = me.displayName ?? me.username ?? '';
  $('.fc-logout input[type=hidden]').name = me.csrf?.parameterName ?? '_csrf';
  $('.fc-logout input[type=hidden]').value = me.csrf?.token ?? '';
  try {
    const catalog = await fetchJson('/api/queues');
    for (const queue of catalog.queues ?? []) state.labels.set(queue.id, queue.labels ?? {});
  } catch {
    // The live table still names queues by id.
  }
  const today = new Date();
  const weekAgo = new Date(today.getTime() - 6 * 86400000);
  historyForm.elements.from.value = localDate(weekAgo);
  historyForm.elements.to.value = localDate(today);
  renderAllTexts();

  const headers = me.csrf?.headerName && me.csrf?.token ? { [me.csrf.headerName]: me.csrf.token } : {};
  const connection = openConnection('/ws/staff', headers, {
    onState(connectionState) {
      root.dataset.connection = connectionState;
      renderConnection();
    },
    onConnected() {
      state.everConnected = true;
      connection.send('/app/supervisor/watch', {});
      // Following ends with the old connection; pick it up again on the new one.
      if (state.following && !state.following.ended) connection.send('/app/supervisor/monitor', { chatId: state.following.chatId });
    },
    onEvent(event) {
      if (event.type === 'dashboard') onDashboard(event);
      else followHandlers[event.type]?.(event);
    },
    onError(error) {
      $('[data-test=error]').textContent = t(has(`error.${error?.code}`) ? `error.${error.code}` : 'error.generic');
    },
    onRefused() {
      $('[data-test=error]').textContent = t('error.CONNECTION_REFUSED');
    },
    onClosedBeforeConnect() {},
  });
  state.connection = connection;
  loadHistory();
}

start();
