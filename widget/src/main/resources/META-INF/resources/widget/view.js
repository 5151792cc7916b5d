// What every part of the visitor's page shares: its elements, the interface
// language, the server's catalogue, the error line and where focus goes.

import { pickLanguage, translate } from './i18n.js';

export const params = new URLSearchParams(location.search);

export const root = document.getElementById('fyren-chat');
export const $ = (selector) => root.querySelector(selector);
export const test = (name) => $(`[data-test=${name}]`);

/** The interface language: id (see i18n.js) and strings. */
export const language = { id: pickLanguage(params.get('lang')), strings: {} };

export const t = (key, vars, fallback) => translate(language.strings, key, vars, fallback);

export function option(value, text, langTag) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = text;
  if (langTag) el.lang = langTag;
  return el;
}

// --- the error line ------------------------------------------------------------

const errorLine = test('error');
let errorCode = null;

export function showError(code) {
  errorCode = code;
  errorLine.textContent = code ? t(`error.${code}`, {}, t('error.generic')) : '';
}

export const clearError = () => showError(null);

/** Clears the error line only when it shows `code`. */
export function clearErrorOf(code) {
  if (errorCode === code) clearError();
}

export const relabelError = () => showError(errorCode);

// --- focus -------------------------------------------------------------------------

// Screen-reader and keyboard users land where the new step starts.
const FOCUS_OF_VIEW = {
  prechat: '#fyren-prechat-title',
  closed: '#fyren-closed-title',
  letterbox: '#fyren-letterbox-title',
  connecting: '#fyren-connecting-title',
  queued: '#fyren-queued-title',
  chatting: '[data-test=composer]',
  ended: '#fyren-ended-title',
};

export function moveFocus(view) {
  const target = FOCUS_OF_VIEW[view];
  if (target && document.hasFocus()) $(target)?.focus();
}

// --- the catalogue -------------------------------------------------------------------

export const catalogue = { queues: [], ageBands: [], languages: [], alternatives: [] };

export const queueById = (id) => catalogue.queues.find((q) => q.id === id);

/**
 * Loads the catalogue from GET /api/queues, retrying with backoff until it
 * comes. `loaded()` runs after each success, `failed()` after each failure.
 */
export async function loadCatalogue({ loaded, failed }, attempt = 0) {
  try {
    const response = await fetch('/api/queues', { headers: { accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok) throw new Error(`queues: ${response.status}`);
    const body = await response.json();
    const list = (value) => (Array.isArray(value) ? value : []);
    Object.assign(catalogue, {
      queues: list(body.queues),
      ageBands: list(body.ageBands),
      languages: list(body.languages),
      alternatives: list(body.alternatives),
    });
    loaded();
  } catch {
    failed();
    setTimeout(() => loadCatalogue({ loaded, failed }, attempt + 1), Math.min(30000, 1000 * 2 ** attempt));
  }
}
