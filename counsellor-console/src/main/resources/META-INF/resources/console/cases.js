// Case work outside live chats: supervisors sign off reports of concern,
// case workers read and acknowledge handover records. Everything a visitor
// or counsellor wrote is shown with textContent.

import { pickLanguage, useLanguage, translate, t } from './i18n.js';
import { hasRole } from './format.js';

const root = document.getElementById('fc-cases');
const $ = (selector) => root.querySelector(selector);
let csrf = null;

async function api(path, method = 'GET') {
  const headers = { accept: 'application/json' };
  if (method !== 'GET' && csrf?.headerName) headers[csrf.headerName] = csrf.token;
  const response = await fetch(path, { method, headers, cache: 'no-store' });
  if (response.status === 401) location.assign('/login');
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

function error(key) {
  const line = $('[data-test=cases-error]');
  line.textContent = t(key);
  line.hidden = false;
}

function button(key, test, action) {
  const el = document.createElement('button');
  el.type = 'button';
  el.dataset.test = test;
  el.textContent = t(key);
  el.addEventListener('click', () => action().catch(() => error('cases.failed')));
  return el;
}

function show(title, handover, status) {
  $('[data-test=opened-title]').textContent = title;
  const fields = $('[data-test=opened-fields]');
  fields.replaceChildren();
  const pairs = [
    ['cases.reference', handover.reference],
    ['cases.queue', handover.queue],
    ['cases.contact', handover.contact ?? t('cases.none')],
    ['cases.acknowledged', status?.acknowledgedBy ?? t('cases.none')],
  ];
  for (const [key, value] of pairs) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value ?? '';
    fields.append(dt, dd);
  }
  const text = $('[data-test=opened-text]');
  text.replaceChildren();
  for (const line of [handover.summary, ...handover.excerpts.map((e) => `${e.from}: ${e.text}`)].filter(Boolean)) {
    const quote = document.createElement('blockquote');
    quote.style.whiteSpace = 'pre-wrap';
    quote.textContent = line;
    text.append(quote);
  }
  $('[data-test=opened]').hidden = false;
}

async function loadConcerns() {
  const list = $('[data-test=concern-list]');
  list.replaceChildren();
  for (const draft of await api('/api/concerns')) {
    const item = document.createElement('li');
    item.dataset.reference = draft.reference;
    item.append(`${draft.reference} · ${t('cases.draftedBy')} ${draft.draftedBy} `);
    item.append(button('cases.read', 'concern-read', async () => {
      show(draft.reference, await api(`/api/concerns/${encodeURIComponent(draft.reference)}`), null);
    }));
    item.append(button('cases.signOff', 'concern-sign-off', async () => {
      await api(`/api/concerns/${encodeURIComponent(draft.reference)}/sign-off`, 'POST');
      await loadConcerns();
    }));
    list.append(item);
  }
}

async function loadInbox() {
  const list = $('[data-test=inbox-list]');
  list.replaceChildren();
  for (const entry of await api('/api/handovers')) {
    const { status } = entry;
    const path = `/api/handovers/${encodeURIComponent(status.reference)}`;
    const item = document.createElement('li');
    item.dataset.reference = status.reference;
    item.append(`${status.reference} · ${entry.unitName} · ${status.kind === 'REPORT_OF_CONCERN' ? t('cases.concern') : t('cases.handover')} `);
    item.append(button('cases.open', 'handover-open', async () => {
      const opened = await api(path);
      show(status.reference, opened.handover, opened.status);
    }));
    const print = document.createElement('a');
    print.href = `${path}/print`;
    print.target = '_blank';
    print.rel = 'noopener';
    print.textContent = t('cases.print');
    item.append(' ', print, ' ');
    if (!status.acknowledgedAt) {
      item.append(button('cases.acknowledge', 'handover-acknowledge', async () => {
        await api(`${path}/acknowledge`, 'POST');
        await loadInbox();
      }));
    }
    list.append(item);
  }
}

async function start() {
  await useLanguage(pickLanguage(location.search, localStorage.getItem('fyren.console.lang')));
  translate(document.body);
  const me = await api('/api/staff/me');
  csrf = me.csrf;
  $('[data-test=me]').textContent = me.displayName ?? me.username ?? '';
  if (hasRole(me.roles, 'SUPERVISOR')) {
    $('[data-test=concerns]').hidden = false;
    await loadConcerns();
  }
  if (hasRole(me.roles, 'CASE_WORKER')) {
    $('[data-test=inbox]').hidden = false;
    await loadInbox();
  }
}

start().catch(() => error('cases.failed'));
