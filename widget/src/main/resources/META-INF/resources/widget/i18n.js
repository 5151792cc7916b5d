// Every word the visitor reads comes from i18n/<lang>.json. Markup names the
// key with data-i18n (text) or data-i18n-attr ("attr:key attr:key").

/** Languages the interface is translated into; the first is the fallback. */
export const UI_LANGUAGES = ['sv', 'en'];

/** Picks the interface language: the wish if translated, else the browser's, else the first. */
export function pickLanguage(wish, browser = navigator.languages ?? []) {
  const candidates = [wish, ...browser].filter(Boolean).map((tag) => String(tag).toLowerCase().split('-')[0]);
  return candidates.find((code) => UI_LANGUAGES.includes(code)) ?? UI_LANGUAGES[0];
}

/** Loads the strings of one language; missing keys fall back to the first language. */
export async function loadStrings(lang) {
  const load = async (code) => {
    const response = await fetch(new URL(`./i18n/${code}.json`, import.meta.url));
    if (!response.ok) throw new Error(`strings ${code}: ${response.status}`);
    return response.json();
  };
  const fallback = await load(UI_LANGUAGES[0]);
  if (lang === UI_LANGUAGES[0]) return fallback;
  try {
    return { ...fallback, ...(await load(lang)) };
  } catch {
    return fallback;
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

/** A language's own name for a code, e.g. "svenska" for sv when shown in Swedish. */
export function languageName(code, inLanguage) {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
