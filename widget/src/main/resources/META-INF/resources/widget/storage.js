// The visitor token lives in sessionStorage only: it dies with the tab, so a
// shared or checked phone keeps nothing once the tab is closed. Some browsers
// refuse storage to a framed page; then the token lives in memory and the
// chat simply cannot survive a reload.

const KEY = 'fyren.token';

let memory = null;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readToken() {
  try {
    return storage()?.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function storeToken(token) {
  memory = token;
  try {
    storage()?.setItem(KEY, token);
  } catch {
    // Memory copy above is enough for this page's life.
  }
}

export function dropToken() {
  memory = null;
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

/** Forgets everything this origin keeps for the tab (quick exit). */
export function forgetAll() {
  memory = null;
  try {
    storage()?.clear();
  } catch {
    // Nothing stored, nothing to clear.
  }
}
