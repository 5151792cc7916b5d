// The visitor's side of a handover: the consent form shows exactly what the
// counsellor proposes to share, and contact details go along only if the
// visitor types them here. Everything shown is set with textContent.

export class HandoverConsent {
  constructor(root, { t, send }) {
    this.t = t;
    this.send = send;
    this.panel = root.querySelector('[data-test=handover]');
    this.intro = root.querySelector('[data-handover-intro]');
    this.preview = root.querySelector('[data-handover-preview]');
    this.contact = root.querySelector('[data-test=handover-contact]');
    this.result = root.querySelector('[data-test=handover-result]');
    this.title = root.querySelector('#fyren-handover-title');
    this.composer = root.querySelector('[data-test=composer]');
    this.proposalId = null;
    root.querySelector('[data-test=handover-form]').addEventListener('submit', (event) => {
      event.preventDefault();
      this.answer(true);
    });
    root.querySelector('[data-test=handover-decline]').addEventListener('click', () => this.answer(false));
  }

  /** Shows a proposal (`handover-proposed`), replacing any earlier one. */
  proposed(event) {
    this.proposalId = event.proposalId;
    this.intro.textContent = this.t('handover.intro', { unit: event.unitName });
    this.preview.replaceChildren();
    if (event.summary) this.preview.append(block(this.t('handover.summary'), [event.summary]));
    if (event.excerpts?.length) {
      this.preview.append(block(this.t('handover.excerpts'), event.excerpts.map((excerpt) =>
        `${this.t(excerpt.from === 'VISITOR' ? 'message.fromYou' : 'message.fromCounsellor')}: ${excerpt.text}`)));
    }
    this.contact.value = '';
    this.result.hidden = true;
    this.panel.hidden = false;
    // The counsellor waits for an answer: a screen-reader or keyboard user must land on the question.
    this.title.focus();
  }

  /** The server's answer: `handover-confirmed` or `handover-declined`. */
  answered(event) {
    // Hiding the focused button would drop the focus on the page itself.
    if (this.panel.contains(document.activeElement)) this.composer.focus();
    this.panel.hidden = true;
    this.proposalId = null;
    this.contact.value = '';
    this.result.textContent = event.type === 'handover-confirmed'
      ? this.t('handover.confirmed', { unit: event.unitName, reference: event.reference })
      : this.t('handover.declined');
    this.result.hidden = false;
  }

  /** A report of concern was issued (`concern-issued`): say plainly what happens next. */
  concernIssued() {
    this.result.textContent = this.t('concern.issued');
    this.result.hidden = false;
  }

  answer(yes) {
    if (!this.proposalId) return;
    const contact = this.contact.value.trim();
    const payload = { proposalId: this.proposalId };
    if (yes && contact) payload.contact = contact;
    this.send(yes ? '/app/visitor/handover/confirm' : '/app/visitor/handover/decline', payload);
  }
}

function block(title, lines) {
  const section = document.createElement('div');
  const heading = document.createElement('p');
  heading.className = 'fyren-handover__label';
  heading.textContent = title;
  section.append(heading);
  for (const line of lines) {
    const quote = document.createElement('blockquote');
    quote.className = 'fyren-handover__quote';
    quote.textContent = line;
    section.append(quote);
  }
  return section;
}
