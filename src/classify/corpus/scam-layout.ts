import type { Rng } from '../../simulate/rng.js';
import { BEEP_WAV, bulletList, fontStack, htmlDocument, type Language, paragraphs } from './kit.js';

/** What a scam page says, already localised and escaped; the layout decides where it goes. */
export interface ScamContent {
  language: Language;
  title: string;
  brandName: string;
  logo: string;
  headline: string;
  paragraphs: string[];
  bullets?: string[];
  /** The call-to-action line with the phone number (HTML). */
  callout: string;
  buttons: string[];
  /** Family-specific block (progress bar, threat table, invoice …). */
  extra?: string;
  footer?: string;
  /** Texts shown in alert() / confirm() (plain text). */
  alerts: string[];
  /** Text read aloud by speech synthesis, when the kit does that (plain text). */
  spoken?: string;
}

/** The colours a family paints a page with. */
export interface ScamTheme {
  accent: string;
  accentText: string;
  background: string;
  text: string;
  /** Layouts the family uses; default all. */
  layouts?: readonly ScamLayout[];
  font?: string;
}

/** How a scam page is arranged on screen. */
export type ScamLayout = 'full-screen' | 'modal' | 'split' | 'window';

const ALL_LAYOUTS: readonly ScamLayout[] = ['full-screen', 'modal', 'split', 'window'];

/** A complete scam page: content arranged in one of the layouts, with its anti-close script. */
export function scamPage(rng: Rng, content: ScamContent, theme: ScamTheme): string {
  const layout = rng.pick(theme.layouts ?? ALL_LAYOUTS);
  const font = theme.font ?? fontStack(rng, content.language);
  const radius = rng.pick([0, 2, 4, 8]);
  const base = `*{box-sizing:border-box}
body{margin:0;font-family:${font};color:${theme.text};background:${theme.background};font-size:${rng.range(14, 17)}px;line-height:1.45}
h1{font-size:${rng.range(24, 36)}px;margin:0 0 12px;font-weight:${rng.pick([600, 700, 400])}}
.brand{display:flex;align-items:center;gap:10px;font-weight:600;font-size:${rng.range(15, 19)}px}
.callout{margin:18px 0;padding:12px 16px;border:${rng.range(1, 3)}px solid ${theme.accent};border-radius:${radius}px;font-size:${rng.range(18, 26)}px;font-weight:700}
.buttons{display:flex;gap:10px;flex-wrap:wrap;margin-top:14px}
button{font:inherit;padding:8px 18px;border-radius:${radius}px;border:1px solid ${theme.accent};background:${theme.accent};color:${theme.accentText};cursor:pointer}
button+button{background:transparent;color:inherit}
ul.threats{margin:8px 0;padding-left:20px}
.footer{font-size:12px;opacity:.75;margin-top:18px}`;
  const inner = `${content.extra ?? ''}
${paragraphs(content.paragraphs)}
${content.bullets ? bulletList(content.bullets, 'threats') : ''}
<div class="callout">${content.callout}</div>
<div class="buttons">${content.buttons.map((b) => `<button type="button">${b}</button>`).join(' ')}</div>
${content.footer ? `<div class="footer">${content.footer}</div>` : ''}`;
  const brand = `<div class="brand">${content.logo}<span>${content.brandName}</span></div>`;
  const { css, body } = arrange(rng, layout, theme, brand, content.headline, inner, radius);
  const audio = rng.chance(0.5) ? `\n<audio id="alarm" src="${BEEP_WAV}" loop autoplay></audio>` : '';
  return htmlDocument({
    language: content.language,
    title: content.title,
    css: `${base}\n${css}`,
    body: body + audio,
    script: scamScript(rng, content, audio !== ''),
  });
}

function arrange(
  rng: Rng,
  layout: ScamLayout,
  theme: ScamTheme,
  brand: string,
  headline: string,
  inner: string,
  radius: number,
): { css: string; body: string } {
  switch (layout) {
    case 'full-screen':
      return {
        css: `body{background:${theme.accent};color:${theme.accentText}}
.screen{min-height:100vh;padding:${rng.range(24, 60)}px ${rng.range(20, 80)}px}
.screen .content{max-width:${rng.range(760, 1000)}px;margin:${rng.pick(['0', '0 auto'])}}
.callout{border-color:${theme.accentText}}
button{background:${theme.accentText};color:${theme.accent};border-color:${theme.accentText}}`,
        body: `<div class="screen"><div class="content">${brand}<h1>${headline}</h1>${inner}</div></div>`,
      };
    case 'modal':
      return {
        css: `.backdrop{position:fixed;inset:0;background:rgba(0,0,0,${rng.range(45, 75) / 100})}
.ghost{margin:20px;height:${rng.range(60, 140)}px;background:#d9d9d9;border-radius:6px}
.modal{position:absolute;top:${rng.range(4, 12)}vh;left:50%;transform:translateX(-50%);width:min(${rng.range(560, 720)}px,94vw);background:#fff;color:#222;border-radius:${radius}px;box-shadow:0 10px 40px rgba(0,0,0,.5);overflow:hidden}
.modal header{background:${theme.accent};color:${theme.accentText};padding:12px 16px}
.modal .content{padding:18px 22px}`,
        body: `<div class="ghost"></div><div class="ghost"></div><div class="ghost"></div>
<div class="backdrop"></div>
<div class="modal"><header>${brand}</header><div class="content"><h1>${headline}</h1>${inner}</div></div>`,
      };
    case 'split': {
      const left = rng.range(30, 45);
      return {
        css: `.split{display:flex;min-height:100vh}
.side{width:${left}%;background:${theme.accent};color:${theme.accentText};padding:40px 28px}
.main{flex:1;padding:40px 36px;background:#fff;color:#222}`,
        body: `<div class="split"><div class="side">${brand}<h1>${headline}</h1></div><div class="main">${inner}</div></div>`,
      };
    }
    case 'window':
      return {
        css: `body{background:${rng.pick(['#2d5e8e', '#1b3a57', '#3a6ea5', '#0a246a', '#555'])}}
.window{margin:${rng.range(20, 60)}px auto;width:min(${rng.range(680, 900)}px,94vw);background:#fff;color:#222;border:1px solid #888;box-shadow:0 8px 30px rgba(0,0,0,.45)}
.titlebar{display:flex;justify-content:space-between;align-items:center;background:${theme.accent};color:${theme.accentText};padding:6px 10px;font-size:13px}
.controls span{display:inline-block;width:28px;text-align:center}
.window .content{padding:20px 26px}`,
        body: `<div class="window"><div class="titlebar">${brand}<div class="controls"><span>&#8212;</span> <span>&#9744;</span> <span>&#10005;</span></div></div><div class="content"><h1>${headline}</h1>${inner}</div></div>`,
      };
  }
}

/** A JavaScript string literal that cannot close the script element. */
export function jsString(text: string, rng?: Rng): string {
  const json = JSON.stringify(text).replaceAll('<', '\\u003c');
  if (!rng || rng.chance(0.6) || text.includes("'")) return json;
  return `'${json.slice(1, -1).replaceAll('\\"', '"')}'`;
}

const SPEECH_LANG: Record<Language, string> = {
  en: 'en-US',
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
  ja: 'ja-JP',
};

/** The kit's script: anti-close tricks, alarm audio, speech and the alert()/confirm() dialogs. */
export function scamScript(
  rng: Rng,
  content: Pick<ScamContent, 'language' | 'title' | 'alerts' | 'spoken'>,
  hasAudio: boolean,
): string {
  const lines: string[] = [];
  if (rng.chance(0.7)) {
    lines.push("document.addEventListener('contextmenu', function (e) { e.preventDefault(); });");
  }
  if (rng.chance(0.5)) {
    lines.push(
      "document.addEventListener('click', function () {\n  var el = document.documentElement;\n  if (el.requestFullscreen) el.requestFullscreen().catch(function () {});\n});",
    );
  }
  if (rng.chance(0.4)) {
    lines.push(
      `window.onbeforeunload = function () { return ${jsString(content.alerts[0] ?? content.title, rng)}; };`,
    );
  }
  if (hasAudio) {
    lines.push(
      "var alarm = document.getElementById('alarm');\nif (alarm) alarm.play().catch(function () {});",
    );
  }
  if (content.spoken) {
    lines.push(
      `if ('speechSynthesis' in window) {\n  var speech = new SpeechSynthesisUtterance(${jsString(content.spoken, rng)});\n  speech.lang = '${SPEECH_LANG[content.language]}';\n  window.speechSynthesis.speak(speech);\n}`,
    );
  }
  if (content.alerts.length > 0) {
    const calls = content.alerts.map((text, i) =>
      i === 0 && rng.chance(0.3) ? `  confirm(${jsString(text, rng)});` : `  alert(${jsString(text, rng)});`,
    );
    const start = rng.pick(["window.addEventListener('load', function () {", 'setTimeout(function () {']);
    const end = start.startsWith('setTimeout') ? `}, ${rng.range(200, 1500)});` : '});';
    lines.push(`${start}\n${calls.join('\n')}\n${end}`);
  }
  return lines.join('\n');
}
