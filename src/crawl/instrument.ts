/**
 * The script Dragnet runs in every page and frame before the page's own scripts (`addInitScript`). It
 * records the lock-in tricks a scam page tries and defuses the ones that would trap the crawler:
 * dialogs throw after a cap (an endless `while (true) alert()` loop ends), `window.open` opens nothing,
 * `pushState` stops after a cap. Reports go to the crawler through the `__dragnetRecord` binding.
 * Plain JavaScript (it runs in the browser); `__CAP__` and `__HISTORY_CAP__` are replaced at use.
 */
const SOURCE = `(() => {
  const record = (kind, detail) => {
    try { const f = window.__dragnetRecord; if (typeof f === 'function') f(kind, detail === undefined ? '' : String(detail).slice(0, 2000)); } catch (e) {}
  };
  const wrap = (obj, name, kind, replace) => {
    if (!obj) return;
    const original = obj[name];
    if (typeof original !== 'function') return;
    const wrapped = replace ? replace(original) : function (...args) { record(kind); return original.apply(this, args); };
    try { Object.defineProperty(obj, name, { value: wrapped, configurable: false, writable: false }); } catch (e) { try { obj[name] = wrapped; } catch (e2) {} }
  };
  const E = window.Element && Element.prototype;
  wrap(E, 'requestFullscreen', 'fullscreen');
  wrap(E, 'webkitRequestFullscreen', 'fullscreen');
  wrap(E, 'webkitRequestFullScreen', 'fullscreen');
  wrap(E, 'requestPointerLock', 'pointer_lock');
  if (navigator.keyboard) wrap(Object.getPrototypeOf(navigator.keyboard), 'lock', 'keyboard_lock');
  const M = window.HTMLMediaElement && HTMLMediaElement.prototype;
  wrap(M, 'play', 'audio');
  document.addEventListener('playing', () => record('audio'), true);
  const AC = window.AudioScheduledSourceNode && AudioScheduledSourceNode.prototype;
  wrap(AC, 'start', 'audio');
  if (window.speechSynthesis) wrap(window.speechSynthesis, 'speak', 'speech', (original) => function (u) {
    record('speech', u && u.text); return original.call(this, u);
  });
  wrap(window, 'resizeTo', 'window_resize');
  wrap(window, 'resizeBy', 'window_resize');
  wrap(window, 'moveTo', 'window_resize');
  let opened = 0;
  wrap(window, 'open', 'window_open', () => function (url) { opened++; if (opened <= 5) record('window_open', url); return null; });
  let dialogs = 0;
  for (const name of ['alert', 'confirm', 'prompt']) {
    wrap(window, name, 'dialog', (original) => function (...args) {
      dialogs++;
      if (dialogs > __CAP__) { record('dialog_loop'); throw new Error('dialog cap reached'); }
      return original.apply(this, args);
    });
  }
  let pushes = 0;
  for (const name of ['pushState', 'replaceState']) {
    wrap(History.prototype, name, 'history', (original) => function (...args) {
      pushes++;
      if (pushes === __HISTORY_CAP__) record('history_flood');
      if (pushes > __HISTORY_CAP__) return undefined;
      return original.apply(this, args);
    });
  }
  const add = EventTarget.prototype.addEventListener;
  wrap(EventTarget.prototype, 'addEventListener', '', () => function (type, ...rest) {
    if (type === 'beforeunload' && this === window) record('beforeunload');
    return add.call(this, type, ...rest);
  });
})();`;

/** The init script with its caps filled in. */
export function instrumentScript(limits: { dialogs: number; history: number }): string {
  return SOURCE.replace('__CAP__', String(limits.dialogs)).replaceAll(
    '__HISTORY_CAP__',
    String(limits.history),
  );
}

/**
 * A function evaluated in the page at capture time: what the page shows and the traps visible in its
 * state (handlers set as properties, a swallowed context menu, a hidden cursor). Returns plain data.
 */
export const PAGE_STATE = `(() => {
  const body = document.body;
  const text = body ? body.innerText : '';
  let contextMenuBlocked = false;
  try {
    const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 10, clientY: 10 });
    (body || document.documentElement).dispatchEvent(e);
    contextMenuBlocked = e.defaultPrevented;
  } catch (e) {}
  let cursorHidden = false;
  try {
    const probe = document.elementFromPoint(innerWidth / 2, innerHeight / 2) || body;
    for (const el of [probe, body, document.documentElement]) if (el && getComputedStyle(el).cursor === 'none') cursorHidden = true;
  } catch (e) {}
  return {
    text: String(text).slice(0, __TEXT_CAP__),
    title: document.title,
    lang: document.documentElement.getAttribute('lang'),
    beforeunload: typeof window.onbeforeunload === 'function' || (body && typeof body.onbeforeunload === 'function'),
    contextMenuBlocked,
    cursorHidden,
    fullscreen: !!document.fullscreenElement,
    scripts: Array.from(document.querySelectorAll('script[src], iframe[src]')).slice(0, 200).map((s) => s.src),
  };
})()`;
