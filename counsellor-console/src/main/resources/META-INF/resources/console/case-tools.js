// A chat panel's case tools: propose a handover (the visitor sees exactly
// this and decides) and draft a report of concern (a supervisor signs it off).

import { t } from './i18n.js';

let units = null;

async function loadUnits() {
  if (!units) {
    const response = await fetch('/api/staff/handover-units', { cache: 'no-store', headers: { accept: 'application/json' } });
    units = response.ok ? await response.json() : [];
  }
  return units;
}

/** Message seqs from "1, 3 5": numbers only, anything else dropped. */
export function parseSeqs(text) {
  return [...new Set(text.split(/[\s,]+/).filter((part) => /^\d+$/.test(part)).map(Number))];
}

/** Wires the case tools of one chat panel; `send(destination, body)` sends over STOMP. */
export async function attachCaseTools(element, chatId, send) {
  const $ = (selector) => element.querySelector(selector);
  const select = $('[data-test=handover-unit]');
  for (const unit of await loadUnits()) {
    const option = document.createElement('option');
    option.value = unit.id;
    option.textContent = unit.name;
    select.append(option);
  }
  $('[data-test=handover-form]').addEventListener('submit', (event) => {
    event.preventDefault();
    const summary = $('[data-test=handover-summary]').value.trim();
    const body = { chatId, unit: select.value, excerptSeqs: parseSeqs($('[data-test=handover-excerpts]').value) };
    if (summary) body.summary = summary;
    send('/app/counsellor/handover/propose', body);
  });
  $('[data-test=concern-form]').addEventListener('submit', (event) => {
    event.preventDefault();
    send('/app/counsellor/concern/draft', {
      chatId,
      disclosure: $('[data-test=concern-disclosure]').value.trim(),
      excerptSeqs: parseSeqs($('[data-test=concern-excerpts]').value),
    });
  });
}

/** Shows a handover or concern event in its chat's status line. */
export function showCaseEvent(element, event) {
  const line = element.querySelector('[data-test=case-status]');
  if (!line) return;
  const key = `case.${event.type}`;
  line.textContent = t(key, { unit: event.unitName ?? '', reference: event.reference ?? '' });
  line.hidden = false;
}
