// Quick exit: someone may walk in while the visitor types. The page must be
// gone at once, leave no back-button entry, and look like ordinary browsing.

const NEUTRAL = 'https://www.google.com/search?q=weather';

/**
 * Where quick exit goes. Only a web address is taken from outside: the
 * parameter comes from a URL anyone can craft, and a javascript: or data:
 * address here would run on Fyren's own origin.
 */
export function exitUrl(wish) {
  if (!wish) return NEUTRAL;
  try {
    const url = new URL(wish);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : NEUTRAL;
  } catch {
    return NEUTRAL;
  }
}

/** Calls `action` when `key` is pressed twice within `within` ms. Returns a stop function. */
export function onDoublePress(target, key, action, within = 800) {
  let last = -Infinity;
  const listener = (event) => {
    if (event.key !== key || event.repeat) return;
    const now = event.timeStamp || performance.now();
    if (now - last <= within) {
      last = -Infinity;
      action();
    } else {
      last = now;
    }
  };
  target.addEventListener('keydown', listener);
  return () => target.removeEventListener('keydown', listener);
}

/**
 * Replaces the top page with `url`. Inside the loader's frame the loader does
 * it (it may navigate its own page); without an answer from the loader we try
 * ourselves and, failing that, at least replace the frame.
 *
 * @param {string} url from exitUrl()
 * @param {string|null} parentOrigin the loader's origin, learnt from its hello message
 */
export function leave(url, parentOrigin) {
  if (window.top === window) {
    location.replace(url);
    return;
  }
  if (parentOrigin) {
    window.parent.postMessage({ type: 'fyren:quick-exit' }, parentOrigin);
  } else {
    try {
      // Allowed cross-origin after a click or key press in most browsers.
      window.top.location.replace(url);
    } catch {
      // Blocked: the frame fallback below still hides the chat.
    }
  }
  // If the top page is still here shortly, at least the chat must go.
  setTimeout(() => location.replace(url), 600);
}
