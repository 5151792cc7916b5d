// The counsellor's pause between on and off duty: they keep their chats, but
// no new chat is offered to them and colleagues cannot hand them one. The
// state shown is the server's, as reported by `pause` events.
import { t } from './i18n.js';

export class PauseControl {
  #root;
  #button;
  #send;
  #onDuty = false;
  #paused = false;
  #pending = false;

  /** Puts the pause button after the duty toggle; send(destination, body) → false when offline. */
  constructor(root, dutyButton, send) {
    this.#root = root;
    this.#send = send;
    this.#button = document.createElement('button');
    this.#button.type = 'button';
    this.#button.className = 'fc-tool fc-pause';
    this.#button.dataset.test = 'pause-toggle';
    this.#button.hidden = true;
    this.#button.addEventListener('click', () => {
      if (!this.#onDuty || this.#pending) return;
      if (this.#send('/app/counsellor/pause', { paused: !this.#paused })) {
        this.#pending = true;
        this.render();
      }
    });
    dutyButton.after(this.#button);
    this.render();
  }

  get paused() {
    return this.#paused;
  }

  /** From the `duty` event: off duty there is nothing to pause. */
  setOnDuty(onDuty) {
    this.#onDuty = onDuty;
    if (!onDuty) this.#paused = false;
    this.render();
  }

  /** From the `pause` event. */
  setPaused(paused) {
    this.#paused = paused;
    this.#pending = false;
    this.render();
  }

  /** An error answered the request (NOT_ON_DUTY): let the counsellor try again. */
  settle() {
    this.#pending = false;
    this.render();
  }

  render() {
    const paused = this.#onDuty && this.#paused;
    this.#button.hidden = !this.#onDuty;
    this.#button.disabled = this.#pending;
    this.#button.setAttribute('aria-pressed', String(paused));
    this.#button.textContent = t(paused ? 'pause.resume' : 'pause.pause');
    this.#button.title = t(paused ? 'pause.pausedHint' : 'pause.hint');
    // on / paused / off: the three states a shift moves between, for styling and tests.
    if (this.#root.dataset.duty === undefined) delete this.#root.dataset.availability;
    else this.#root.dataset.availability = !this.#onDuty ? 'off' : paused ? 'paused' : 'on';
  }
}
