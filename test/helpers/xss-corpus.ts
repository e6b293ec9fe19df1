/**
 * Payloads that run script, load a URL or break out of their context if a page ever renders them as
 * markup. Each one calls `__xss(id)` or asks for `/xss-sentinel/id`, so a test knows which one ran and
 * from which field it came.
 */
export const XSS_PAYLOADS: Array<(id: number) => string> = [
  (id) => `<script>__xss(${id})</script>`,
  (id) => `<img src=x onerror=__xss(${id})>`,
  (id) => `<svg onload=__xss(${id})>`,
  (id) => `<svg><animate onbegin=__xss(${id}) attributeName=x dur=1s>`,
  (id) => `"><img src=x onerror=__xss(${id})>`,
  (id) => `'><script>__xss(${id})</script>`,
  (id) => `</textarea><script>__xss(${id})</script>`,
  (id) => `</title><img src=x onerror=__xss(${id})>`,
  (id) => `javascript:__xss(${id})`,
  (id) => `data:text/html,<script>__xss(${id})</script>`,
  (id) => `{{constructor.constructor('__xss(${id})')()}}`,
  (id) => `\${__xss(${id})}`,
  (id) => `<div style="width:expression(__xss(${id}));background:url(javascript:__xss(${id}))">`,
  (id) => `<a href="javascript:__xss(${id})">click</a>`,
  (id) => `<iframe srcdoc="<script>parent.__xss(${id})</script>">`,
  (id) => `<img src="/xss-sentinel/${id}">`,
  (id) => `<link rel=stylesheet href=/xss-sentinel/${id}>`,
  (id) => `\u202e<img src=x onerror=__xss(${id})>\u202d`,
  (id) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${id})>`,
  (id) => `<details open ontoggle=__xss(${id})>`,
  (id) => `<object data="javascript:__xss(${id})">`,
  (id) => `<base href="/xss-sentinel/${id}/">`,
  (id) => `<input autofocus onfocus=__xss(${id})>`,
  (id) => `&lt;script&gt;__xss(${id})&lt;/script&gt; %3Cscript%3E__xss(${id})%3C/script%3E`,
];

/** The payload used where a field is too short for the one in turn (32 characters hold it). */
export const SHORT_PAYLOAD = (id: number) => `<svg onload=__xss(${id})>`;

/** One payload planted in one field: where, and the exact text. */
export interface Planted {
  id: number;
  where: string;
  text: string;
}

/** Hands out payloads with unique ids and remembers where each one went. */
export class Planter {
  readonly planted: Planted[] = [];

  /** The `template`'s payload for a new id (the short one when it is longer than `max`), recorded. */
  plant(where: string, max: number, template: (id: number) => string): string {
    const id = this.planted.length + 1;
    let text = template(id);
    if (text.length > max) text = SHORT_PAYLOAD(id);
    this.planted.push({ id, where, text });
    return text;
  }
}

/**
 * Run in the page: elements and attributes that only a payload rendered as markup would bring (event
 * handlers, scripts without a source file of the app, frames, javascript: and data:text URLs, sentinel
 * loads). What this finds would run without the CSP.
 */
export const LIVE_MARKUP_PROBE = `(() => {
  const found = [];
  const dangerousUrl = /^\\s*(javascript|vbscript|data:text\\/html)/i;
  // A URL whose path is the sentinel (not one that names it in a query, such as a search link).
  const sentinel = /^([a-z]+:)?(\\/\\/[^/]*)?\\/?xss-sentinel/i;
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(el.tagName + '[' + a.name + ']');
      if (/^(href|src|action|formaction|data|srcdoc|xlink:href)$/i.test(a.name) && (dangerousUrl.test(a.value) || sentinel.test(a.value)))
        found.push(el.tagName + '[' + a.name + '=' + a.value.slice(0, 60) + ']');
      if (a.name === 'style' && /expression\\(|javascript:/i.test(a.value)) found.push(el.tagName + '[style]');
    }
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet'].includes(tag)) found.push(tag);
    if (tag === 'meta' && el.getAttribute('http-equiv')) found.push('meta[http-equiv]');
    if (tag === 'script' && !/\\/assets\\//.test(el.getAttribute('src') || '')) found.push('script:' + (el.getAttribute('src') || 'inline'));
    if (tag === 'style' && /xss/.test(el.textContent || '')) found.push('style with a payload');
  }
  return found;
})()`;
