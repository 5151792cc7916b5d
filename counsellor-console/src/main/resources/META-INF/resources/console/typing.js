// Tells the other side "typing" at most once per interval, and "stopped" after
// a pause, so a fast typist does not send a frame per key.

export class TypingSignal {
  #send;
  #interval;
  #idle;
  #active = false;
  #lastSent = 0;
  #timer = null;

  constructor(send, { interval = 3000, idle = 5000 } = {}) {
    this.#send = send;
    this.#interval = interval;
    this.#idle = idle;
  }

  /** Call on every input event; empty text counts as stopping. */
  input(text) {
    if (!text) {
      this.stop();
      return;
    }
    const now = Date.now();
    if (!this.#active || now - this.#lastSent >= this.#interval) {
      this.#active = true;
      this.#lastSent = now;
      this.#send(true);
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.stop(), this.#idle);
  }

  stop() {
    clearTimeout(this.#timer);
    if (this.#active) {
      this.#active = false;
      this.#send(false);
    }
  }
}
