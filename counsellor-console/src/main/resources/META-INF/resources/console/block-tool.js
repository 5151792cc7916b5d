// A chat panel's "Block" action: the counsellor stops an abusive visitor's
// session from joining again for one of the service's durations, and the
// chat ends. Builds its own small form, so the panel template stays as it is.

import { t, plural } from './i18n.js';

let durations = null;

async function loadDurations() {
  if (!durations) {
    const response = await fetch('/api/staff/block-durations', { cache: 'no-store', headers: { accept: 'application/json' } });
    durations = response.ok ? await response.json() : [];
  }
  return durations;
}

/** "1 hour", "24 hours", "30 minutes": a duration in seconds as the counsellor reads it. */
export function durationLabel(seconds) {
  return seconds % 3600 === 0 ? plural('block.hours', seconds / 3600) : plural('block.minutes', Math.round(seconds / 60));
}

/** Adds the block form to a chat panel; `send(destination, body)` sends over STOMP. */
export async function attachBlockTool(element, chatId, send) {
  const choices = await loadDurations();
  if (choices.length === 0) return;
  const details = document.createElement('details');
  details.className = 'fc-block';
  details.dataset.test = 'block-tool';
  const summary = document.createElement('summary');
  summary.textContent = t('block.open');
  const form = document.createElement('form');
  form.className = 'fc-block-form';
  const label = document.createElement('label');
  const caption = document.createElement('span');
  caption.textContent = t('block.duration');
  const select = document.createElement('select');
  select.dataset.test = 'block-duration';
  for (const seconds of choices) {
    const option = document.createElement('option');
    option.value = String(seconds);
    option.textContent = durationLabel(seconds);
    select.append(option);
  }
  label.append(caption, ' ', select);
  const explanation = document.createElement('p');
  explanation.className = 'fc-block-note';
  explanation.textContent = t('block.note');
  const button = document.createElement('button');
  button.type = 'submit';
  button.dataset.test = 'block-confirm';
  button.textContent = t('block.confirm');
  form.append(label, explanation, button);
  details.append(summary, form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (element.dataset.ended === 'true') return;
    button.disabled = true;
    send('/app/counsellor/block', { chatId, seconds: Number(select.value) });
  });
  element.append(details);
}
