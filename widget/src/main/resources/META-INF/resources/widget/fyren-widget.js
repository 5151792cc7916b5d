/*
 * Fyren visitor chat — loader.
 *
 * Embed with one tag, anywhere in the page:
 *
 *   <script src="https://fyren.example/widget/fyren-widget.js"
 *           data-fyren-group="sells-sex" data-fyren-lang="sv" async></script>
 *
 * Optional data attributes:
 *   data-fyren-group  queue to preselect: sells-sex, buys-sex, youth, relatives
 *                     (the ids GET /api/queues lists)
 *   data-fyren-lang   sv or en; default: the page's lang attribute, else sv
 *   data-fyren-exit   https address "Leave quickly" goes to; default: a weather search
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

  const base = new URL('./', script.src);
  const origin = base.origin;
  const words = {
    sv: { open: 'Chatta anonymt', title: 'Anonym chatt' },
    en: { open: 'Chat anonymously', title: 'Anonymous chat' },
  };
  const wish = (script.dataset.fyrenLang || document.documentElement.lang || 'sv').toLowerCase().split('-')[0];
  const lang = words[wish] ? wish : 'sv';
  const group = script.dataset.fyrenGroup || '';
  const exit = safeExit(script.dataset.fyrenExit);

  let launcher;
  let frame;

  // Only an https address may be navigated to: a javascript: one would run in the host page.
  function safeExit(value) {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:') return url.href;
    } catch (e) {
      // Not an address: use the neutral default.
    }
    return 'https://www.google.com/search?q=weather';
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
    launcher.lang = lang;
    launcher.textContent = words[lang].open;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'fyren-frame');
    launcher.addEventListener('click', toggle);
    document.body.appendChild(launcher);
  }

  // The frame is made on first click, so a page view alone never contacts the chat.
  function createFrame() {
    const src = new URL('chat.html', base);
    if (group) src.searchParams.set('group', group);
    src.searchParams.set('lang', lang);
    if (script.dataset.fyrenExit) src.searchParams.set('exit', exit);
    frame = document.createElement('iframe');
    frame.id = 'fyren-frame';
    frame.className = 'fyren-frame';
    frame.title = words[lang].title;
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

  window.addEventListener('message', (event) => {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const type = event.data && event.data.type;
    if (type === 'fyren:close') setOpen(false);
    // replace(): no back-button entry leads back to the page with the chat.
    if (type === 'fyren:quick-exit') {
      try {
        window.top.location.replace(exit);
      } catch (e) {
        window.location.replace(exit);
      }
    }
  });

  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('fyren-widget.css', base).href;
  // Show the button once styled, so it never flashes unstyled in the page flow.
  link.addEventListener('load', mount);
  link.addEventListener('error', mount);
  (document.head || document.documentElement).appendChild(link);
})();
