// Getting the counsellor's attention from another tab: a count in the title
// and an optional short tone. The tone is synthesised (no audio file to load)
// and can be muted; the choice is remembered on this computer.

const SOUND_KEY = 'fyren.console.sound';

export class Alerts {
  #baseTitle = document.title;
  #count = 0;
  #audio = null;
  muted = localStorage.getItem(SOUND_KEY) === 'off';

  setBaseTitle(title) {
    this.#baseTitle = title;
    this.#render();
  }

  setCount(count) {
    this.#count = count;
    this.#render();
  }

  setMuted(muted) {
    this.muted = muted;
    localStorage.setItem(SOUND_KEY, muted ? 'off' : 'on');
  }

  /** Unlocks audio with the first click or key press anywhere in target. */
  unlockOnFirstGesture(target) {
    const unlock = () => {
      this.unlock();
      target.removeEventListener('pointerdown', unlock, true);
      target.removeEventListener('keydown', unlock, true);
    };
    target.addEventListener('pointerdown', unlock, true);
    target.addEventListener('keydown', unlock, true);
  }

  /** Browsers only allow audio after a user gesture; call this from one. */
  unlock() {
    if (this.muted || this.#audio || typeof AudioContext !== 'function') return;
    this.#audio = new AudioContext();
  }

  chime() {
    if (this.muted || !this.#audio) return;
    const ctx = this.#audio;
    if (ctx.state === 'suspended') ctx.resume();
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.type = 'sine';
    tone.frequency.value = 660;
    // A soft attack and quick decay: noticeable, not alarming, for a whole shift.
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35);
    tone.connect(gain).connect(ctx.destination);
    tone.start();
    tone.stop(ctx.currentTime + 0.4);
  }

  #render() {
    document.title = this.#count > 0 ? `(${this.#count}) ${this.#baseTitle}` : this.#baseTitle;
  }
}
