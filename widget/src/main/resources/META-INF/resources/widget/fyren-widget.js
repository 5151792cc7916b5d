/*
 * Fyren visitor chat — loader.
 *
 * Embed with one tag, anywhere in the page:
 *
 *   <script src="https://fyren.example/widget/fyren-widget.js"
 *           data-fyren-group="sells-sex" data-fyren-lang="sv" async></script>
 *
 * Optional data attributes:
 *   data-fyren-server  Fyren's address when the script is served from elsewhere;
 *                      default: where this script came from
 *   data-fyren-group   queue to preselect: sells-sex, buys-sex, youth, relatives
 *                      (the ids GET /api/queues lists)
 *   data-fyren-lang    sv, sv-easy (easy-read Swedish), en, ar, ro, es or th;
 *                      default: the page's lang attribute, else sv
 *   data-fyren-exit    web address "Leave quickly" goes to; default: a weather search
 *
 * The loader adds a button; the chat itself runs in a frame on Fyren's own
 * origin, so the host page's scripts cannot read it. The loader sets no
 * cookie, writes nothing to the host page's storage, overwrites no handler
 * and adds no inline style: its look comes from fyren-widget.css.
 */
(() => {
  'use strict';

  const script = document.currentScript || document.querySelector('script[src*="/widget/fyren-widget.js"]');
  // A page that embeds the tag twice still gets one widget.
  if (!script || document.getElementById('fyren-launcher')) return;

  const data = script.dataset;
  const base = new URL('/widget/', web(data.fyrenServer) || new URL('./', script.src).href);
  const origin = base.origin;
  // The button's words, before the chat's own strings have loaded.
  const words = {
    sv: ['Chatta anonymt', 'Anonym chatt'],
    'sv-easy': ['Chatta, du kan vara anonym', 'Chatt'],
    en: ['Chat anonymously', 'Anonymous chat'],
    ar: ['دردشة دون الكشف عن هويتك', 'دردشة مجهولة الهوية'],
    ro: ['Scrie-ne anonim', 'Chat anonim'],
    es: ['Chatea de forma anónima', 'Chat anónimo'],
    th: ['แชทโดยไม่ต้องเปิดเผยตัวตน', 'แชทนิรนาม'],
  };
  const wish = (data.fyrenLang || document.documentElement.lang || 'sv').toLowerCase();
  const lang = words[wish] ? wish : words[wish.split('-')[0]] ? wish.split('-')[0] : 'sv';
  const exit = web(data.fyrenExit) || 'https://www.google.com/search?q=weather';

  let launcher;
  let frame;
  let lastEscape = -Infinity;

  // Only a web address is taken: a javascript: one would run in the host page.
  function web(value) {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch (e) {
      // Not an address.
    }
    return null;
  }

  function label(el, code) {
    el.lang = code === 'sv-easy' ? 'sv' : code;
    el.dir = code === 'ar' ? 'rtl' : 'ltr';
  }

  function mount() {
    if (launcher) return;
    if (!document.body) {
      document.addEventListener('DOMContentLoaded', mount, { once: true });
      return;
    }
    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.id = 'fyren-launcher';
    launcher.className = 'fyren-launcher';
    label(launcher, lang);
    launcher.textContent = words[lang][0];
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'fyren-frame');
    launcher.addEventListener('click', toggle);
    document.body.appendChild(launcher);
  }

  // The frame is made on first click, so a page view alone never contacts the chat.
  function createFrame() {
    const src = new URL('chat.html', base);
    if (data.fyrenGroup) src.searchParams.set('group', data.fyrenGroup);
    src.searchParams.set('lang', lang);
    src.searchParams.set('exit', exit);
    frame = document.createElement('iframe');
    frame.id = 'fyren-frame';
    frame.className = 'fyren-frame';
    frame.title = words[lang][1];
    label(frame, lang);
    frame.referrerPolicy = 'no-referrer';
    frame.hidden = true;
    // Tells the chat which origin to answer; it trusts event.origin, not the text.
    frame.addEventListener('load', () => frame.contentWindow.postMessage({ type: 'fyren:hello' }, origin));
    frame.src = src.href;
    document.body.appendChild(frame);
  }

  function setOpen(open) {
    if (!frame) createFrame();
    frame.hidden = !open;
    frame.classList.toggle('fyren-frame--open', open);
    launcher.classList.toggle('fyren-launcher--open', open);
    launcher.setAttribute('aria-expanded', String(open));
    if (open) frame.focus();
    else launcher.focus();
  }

  function toggle() {
    setOpen(!frame || frame.hidden);
  }

  // replace(): no back-button entry leads back to the page with the chat.
  function leave() {
    try {
      window.top.location.replace(exit);
    } catch (e) {
      window.location.replace(exit);
    }
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const type = event.data && event.data.type;
    if (type === 'fyren:close') setOpen(false);
    if (type === 'fyren:quick-exit') leave();
    if (type === 'fyren:language' && typeof event.data.lang === 'string') {
      frame.lang = event.data.lang;
      launcher.lang = event.data.lang;
    }
  });

  // Esc twice works with the focus in the page too: the chat clears itself, then the page goes.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.repeat || !frame || frame.hidden) return;
    if (event.timeStamp - lastEscape > 800) {
      lastEscape = event.timeStamp;
      return;
    }
    lastEscape = -Infinity;
    frame.contentWindow.postMessage({ type: 'fyren:exit' }, origin);
    // Leave anyway if the chat does not answer at once.
    setTimeout(leave, 400);
  });

  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('fyren-widget.css', base).href;
  // Show the button once styled, so it never flashes unstyled in the page flow.
  link.addEventListener('load', mount);
  link.addEventListener('error', mount);
  (document.head || document.documentElement).appendChild(link);
})();
