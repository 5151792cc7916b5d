// The closed (or full) service: when the chat opens, where to turn now, and
// the letterbox when the queue takes letters.

import { fillAlternatives, opening } from './help-now.js';
import { localeOf, tagOf } from './i18n.js';
import { $, catalogue, language, queueById, t, test } from './view.js';

const title = $('[data-closed-title]');
const opensAt = test('opens-at');
const alternatives = test('alternatives');
const letterbox = test('closed-letterbox');

let closed = { code: 'QUEUE_CLOSED', queue: null };

/** Lists where to turn now in `list` (also after a chat). */
export function showAlternatives(list) {
  fillAlternatives(list, catalogue.alternatives, tagOf(language.id), t('closed.emergency'));
}

/** Why `queueId` cannot take the visitor: QUEUE_CLOSED or QUEUE_FULL. */
export function showClosed(code = closed.code, queueId = closed.queue) {
  closed = { code, queue: queueId };
  const q = queueById(queueId);
  const opens = opening(q?.opensAt, localeOf(language.id));
  title.textContent = t(code === 'QUEUE_FULL' ? 'closed.fullTitle' : 'closed.title');
  opensAt.textContent = code === 'QUEUE_FULL' ? t('closed.fullText')
    : opens ? t(opens.today ? 'closed.opensToday' : 'closed.opensAt', { when: opens.when })
      : t('closed.opensUnknown');
  showAlternatives(alternatives);
  letterbox.hidden = !q?.letterbox;
}

export const closedQueue = () => closed.queue;
