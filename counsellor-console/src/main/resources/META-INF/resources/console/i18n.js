// User-facing strings live in i18n/<lang>.json; this module only looks them up.
// Swedish is the default and the fallback, so a key missing in another
// language still shows something a counsellor can read.

export const LANGUAGES = ['sv', 'en'];
const DEFAULT_LANGUAGE = 'sv';

let language = DEFAULT_LANGUAGE;
let strings = {};
let fallback = {};

/** The language to start with: ?lang= first, then the counsellor's last choice, then Swedish. */
export function pickLanguage(search, stored) {
  const requested = new URLSearchParams(search).get('lang');
  for (const candidate of [requested, stored]) {
    if (LANGUAGES.includes(candidate)) return candidate;
  }
  return DEFAULT_LANGUAGE;
}

async function fetchStrings(code) {
  const response = await fetch(new URL(`./i18n/${code}.json`, import.meta.url));
  if (!response.ok) throw new Error(`strings ${code}: ${response.status}`);
  return response.json();
}

export async function useLanguage(code) {
  const [chosen, base] = await Promise.all([
    fetchStrings(code),
    code === DEFAULT_LANGUAGE ? null : fetchStrings(DEFAULT_LANGUAGE),
  ]);
  strings = chosen;
  fallback = base ?? chosen;
  language = code;
  document.documentElement.lang = code;
}

export function currentLanguage() {
  return language;
}

export function has(key) {
  return key in strings || key in fallback;
}

/** The string for key with {name} placeholders filled in. Always set the result as text, never as HTML. */
export function t(key, params = {}) {
  const template = strings[key] ?? fallback[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Plural forms are keys like "chat.unread.one" / "chat.unread.other". */
export function plural(key, count, params = {}) {
  const form = new Intl.PluralRules(language).select(count);
  const chosen = has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { ...params, count });
}

/** Fills static markup: data-i18n (text), data-i18n-label (aria-label), data-i18n-placeholder, data-i18n-title. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}
