// A chat the visitor left (or that closed for silence) still needs its
// outcome category for the statistics: the ended note asks the counsellor
// for it, once, and says when the server has it.
import { t, currentLanguage } from './i18n.js';

/** Adds the outcome question to a chat panel's ended note; send(outcome) sends it. */
export function askForOutcome(panel, outcomes, send) {
  const note = panel.querySelector('.fc-ended');
  if (!note || outcomes.length === 0 || note.querySelector('.fc-late-outcome')) return;
  const form = document.createElement('form');
  form.className = 'fc-late-outcome';
  form.dataset.test = 'late-outcome';
  const label = document.createElement('label');
  label.textContent = t('outcome.afterEnd');
  const select = document.createElement('select');
  select.dataset.test = 'late-outcome-select';
  select.required = true;
  const placeholder = document.createElement('option');
  placeholder.value = '';
  placeholder.textContent = t('outcome.choose');
  select.append(placeholder, ...outcomes.map((outcome) => {
    const option = document.createElement('option');
    option.value = outcome.id;
    option.textContent = outcome.labels?.[currentLanguage()] ?? outcome.labels?.sv ?? outcome.id;
    return option;
  }));
  label.append(select);
  const save = document.createElement('button');
  save.type = 'submit';
  save.dataset.test = 'late-outcome-save';
  save.textContent = t('outcome.save');
  form.append(label, save);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (select.value && send(select.value)) save.disabled = true;
  });
  note.prepend(form);
}

/** The server has the outcome: the question gives way to a short confirmation. */
export function outcomeRecorded(panel) {
  const form = panel.querySelector('.fc-late-outcome');
  if (!form) return;
  const done = document.createElement('p');
  done.className = 'fc-late-outcome';
  done.dataset.test = 'late-outcome-saved';
  done.setAttribute('role', 'status');
  done.textContent = t('outcome.saved');
  form.replaceWith(done);
}
