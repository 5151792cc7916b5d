// Tells the counsellor that the visitor is typing without sending a frame per
// keystroke: `true` at most every `interval` ms while keys come in, `false`
// once after a pause or when the message is sent.

export class TypingSignal {
  #send;
  #interval;
  #pause;
  #now;
  #typing = false;
  #lastSent = -Infinity;
  #timer = null;

  /**
   * @param {(typing: boolean) => void} send
   * @param {{interval?: number, pause?: number, now?: () => number}} [options]
   */
  constructor(send, { interval = 2500, pause = 3000, now = () => Date.now() } = {}) {
    this.#send = send;
    this.#interval = interval;
    this.#pause = pause;
    this.#now = now;
  }

  /** Call on every input in the composer. */
  input() {
    const now = this.#now();
    if (!this.#typing || now - this.#lastSent >= this.#interval) {
      this.#typing = true;
      this.#lastSent = now;
      this.#send(true);
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.stop(), this.#pause);
  }

  /** Call after sending, on a pause, or when the chat ends. */
  stop() {
    clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#typing) return;
    this.#typing = false;
    this.#send(false);
  }
}
