// Every word the visitor reads comes from i18n/<id>.json. Markup names the
// key with data-i18n (text) or data-i18n-attr ("attr:key attr:key").

/**
 * Interface languages, each with its name in itself (for the picker) and the
 * BCP 47 tag the page declares. sv-easy is easy-read Swedish ("lätt svenska"):
 * short sentences, common words; it is Swedish to screen readers and spell
 * checkers, and rewrites only some keys over its `base`. The first entry is
 * the fallback when a language cannot be loaded.
 */
export const UI_LANGUAGES = [
  { id: 'sv', tag: 'sv', name: 'Svenska' },
  { id: 'sv-easy', tag: 'sv', name: 'Lätt svenska', base: 'sv' },
  { id: 'en', tag: 'en', name: 'English' },
  { id: 'ar', tag: 'ar', name: 'العربية' },
  { id: 'ro', tag: 'ro', name: 'Română' },
  { id: 'es', tag: 'es', name: 'Español' },
  { id: 'th', tag: 'th', name: 'ไทย' },
];

const IDS = UI_LANGUAGES.map((l) => l.id);

/** The BCP 47 tag of an interface language id (sv-easy is Swedish). */
export function tagOf(id) {
  return UI_LANGUAGES.find((l) => l.id === id)?.tag ?? id;
}

/**
 * Locale for numbers, dates and times. Western digits everywhere: the
 * position in the queue and the times must read the same as the counsellor's.
 */
export function localeOf(id) {
  return `${tagOf(id)}-u-nu-latn`;
}

/** Picks the interface language: the wish if translated, else the browser's, else the first. */
export function pickLanguage(wish, browser = navigator.languages ?? []) {
  const exact = String(wish ?? '').toLowerCase();
  if (IDS.includes(exact)) return exact;
  const candidates = [wish, ...browser].filter(Boolean).map((tag) => String(tag).toLowerCase().split('-')[0]);
  return candidates.find((code) => IDS.includes(code)) ?? IDS[0];
}

/**
 * Loads the strings of one language, and of its base if it has one. A full
 * translation has every key (TranslationTests sees to it), so a phone fetches
 * one file, not the fallback as well. A language that fails to load falls
 * back to the first.
 */
export async function loadStrings(id) {
  const load = async (code) => {
    const response = await fetch(new URL(`./i18n/${code}.json`, import.meta.url));
    if (!response.ok) throw new Error(`strings ${code}: ${response.status}`);
    return response.json();
  };
  const base = UI_LANGUAGES.find((l) => l.id === id)?.base;
  try {
    const [under, own] = await Promise.all([base ? load(base) : {}, load(id)]);
    return { ...under, ...own };
  } catch {
    return load(IDS[0]);
  }
}

/** Looks a key up; `vars` fill {name} placeholders. Unknown keys give `fallback` or ''. */
export function translate(strings, key, vars = {}, fallback = '') {
  const template = strings[key] ?? fallback;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/** Fills every data-i18n / data-i18n-attr element under `root`. */
export function applyStrings(root, strings) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = strings[el.dataset.i18n] ?? '';
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(/\s+/).filter(Boolean)) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, strings[key] ?? '');
    }
  }
}

/**
 * Puts `template` into `el`, with {name} placeholders replaced by the given
 * nodes, so that a number can sit in its own element inside a sentence.
 */
export function fillTemplate(el, template, nodes) {
  const parts = template.split(/\{(\w+)\}/);
  el.replaceChildren(...parts.map((part, i) => (i % 2 === 1 && nodes[part] ? nodes[part] : document.createTextNode(i % 2 === 1 ? `{${part}}` : part))));
}

/** A language's name for a code, e.g. "svenska" for sv when shown in Swedish. */
export function languageName(code, inLanguage) {
  try {
    return new Intl.DisplayNames([tagOf(inLanguage)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
