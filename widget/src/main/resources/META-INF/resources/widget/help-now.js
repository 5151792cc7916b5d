// Where to turn now and when the chat opens: shown when a queue is closed or
// full, and after a chat. Built from the server's catalogue; every string is
// set with textContent, every address checked.

/** A configured label in the visitor's language, else English, else Swedish. */
export function label(labels, tag, fallback) {
  return labels?.[tag] ?? labels?.en ?? labels?.sv ?? fallback;
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.className = 'fyren-link';
  // Leaves the frame: a page opened inside a small chat window helps nobody.
  if (!href.startsWith('tel:')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}

function webAddress(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Lists the alternatives in `list`; the emergency number is always there,
 * configured or not. The label says the number in words people recognise;
 * the link dials it.
 *
 * @param {HTMLUListElement} list
 * @param {Array<{id, labels, phone, url}>} alternatives from GET /api/queues
 * @param {string} tag the visitor's language tag
 * @param {string} emergencyWords words before "112" when no alternative dials it
 */
export function fillAlternatives(list, alternatives, tag, emergencyWords) {
  const items = alternatives.map((alt) => {
    const li = document.createElement('li');
    const name = label(alt.labels, tag, alt.id);
    const phone = typeof alt.phone === 'string' ? alt.phone.replace(/[^0-9+]/g, '') : '';
    li.append(phone ? link(`tel:${phone}`, name) : name);
    const url = webAddress(alt.url);
    if (url) li.append(' · ', link(url, new URL(url).host));
    return li;
  });
  if (!alternatives.some((alt) => alt.phone === '112')) {
    const li = document.createElement('li');
    li.append(emergencyWords, ' ', link('tel:112', '112'));
    items.unshift(li);
  }
  list.replaceChildren(...items);
}

/**
 * When a closed queue opens, for a sentence: the time alone when it is
 * today, else weekday, date and time. Null when unknown.
 *
 * @returns {{ today: boolean, when: string } | null}
 */
export function opening(opensAt, locale, now = new Date()) {
  const opens = opensAt ? new Date(opensAt) : null;
  if (!opens || Number.isNaN(opens.getTime())) return null;
  const today = opens.toDateString() === now.toDateString();
  const when = new Intl.DateTimeFormat(locale, today
    ? { hour: '2-digit', minute: '2-digit' }
    : { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(opens);
  return { today, when };
}
