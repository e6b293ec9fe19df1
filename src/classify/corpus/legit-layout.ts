import type { Rng } from '../../simulate/rng.js';
import { escapeHtml, fontStack, hsl, htmlDocument, type Language } from './kit.js';
import { abstractLogo } from './logos.js';

/** The frame of a legitimate site: name, navigation, main content, optional sidebar and footer links. */
export interface SiteParts {
  language: Language;
  title: string;
  siteName: string;
  /** A logo (inline SVG); a drawn abstract mark when absent. */
  logo?: string;
  nav: readonly string[];
  /** Main content (HTML). */
  main: string;
  /** Sidebar content (HTML). */
  side?: string;
  footerLinks: readonly string[];
  footerNote: string;
  /** Hue the site is painted around. */
  hue: number;
  serif?: boolean;
  /** Centre the main content in a narrow card (sign-in pages, error pages). */
  card?: boolean;
  script?: string;
}

/** How a legitimate site is arranged. */
export type SiteLayout = 'top-nav' | 'top-nav-sidebar' | 'left-nav' | 'card';

/** A complete legitimate page: header, navigation, content, footer, in a drawn arrangement. */
export function sitePage(rng: Rng, parts: SiteParts): string {
  const layout: SiteLayout = parts.card
    ? 'card'
    : parts.side
      ? rng.pick(['top-nav-sidebar', 'left-nav'] as const)
      : rng.pick(['top-nav', 'top-nav', 'left-nav'] as const);
  const accent = hsl(rng, parts.hue, rng.range(45, 80), rng.range(28, 42));
  const dark = rng.chance(0.12);
  const background = dark ? '#15171a' : rng.pick(['#fff', '#fafafa', '#f6f7f9', '#fffdf8']);
  const text = dark ? '#e6e6e6' : rng.pick(['#222', '#1a1a1a', '#333', '#24292f']);
  const headerDark = rng.chance(0.5);
  const logo = parts.logo ?? abstractLogo(28, accent, hsl(rng, parts.hue + 40, 60, 55), rng.int(4));
  const nav = parts.nav.map((item) => `<a href="#">${escapeHtml(item)}</a>`).join(' ');
  const header = `<header class="site"><div class="brand">${logo}<span>${escapeHtml(parts.siteName)}</span></div><nav>${nav}</nav></header>`;
  const footer = `<footer class="site"><div class="links">${parts.footerLinks.map((l) => `<a href="#">${escapeHtml(l)}</a>`).join(' ')}</div><div>${escapeHtml(parts.footerNote)}</div></footer>`;
  const width = rng.range(960, 1200);
  const css = `*{box-sizing:border-box}
body{margin:0;font-family:${fontStack(rng, parts.language, parts.serif)};background:${background};color:${text};font-size:${rng.range(14, 17)}px;line-height:${rng.pick([1.4, 1.5, 1.6])}}
a{color:${accent}}
header.site{display:flex;align-items:center;justify-content:space-between;flex-wrap:wrap;gap:12px;padding:12px 24px;background:${headerDark ? accent : background};color:${headerDark ? '#fff' : text};border-bottom:1px solid rgba(0,0,0,.12)}
header.site a{color:inherit;text-decoration:none;margin-left:18px}
.brand{display:flex;align-items:center;gap:8px;font-weight:700;font-size:${rng.range(17, 22)}px}
h1{font-size:${rng.range(24, 34)}px;line-height:1.2}
h2{font-size:${rng.range(18, 22)}px}
.wrap{max-width:${width}px;margin:0 auto;padding:20px 24px}
.cols{display:flex;gap:28px}
.cols main{flex:1;min-width:0}
.cols aside{width:${rng.range(220, 300)}px;font-size:14px}
.card{max-width:${rng.range(380, 520)}px;margin:${rng.range(30, 80)}px auto;padding:28px;border:1px solid rgba(0,0,0,.15);border-radius:${rng.pick([0, 4, 8, 12])}px;background:${dark ? '#1f2226' : '#fff'}}
footer.site{margin-top:30px;padding:18px 24px;font-size:13px;opacity:.8;border-top:1px solid rgba(0,0,0,.12)}
footer.site a{margin-right:14px}
input{font:inherit;padding:8px;width:100%;margin:4px 0 12px;border:1px solid #aaa;border-radius:4px}
button{font:inherit;padding:8px 16px;background:${accent};color:#fff;border:0;border-radius:4px}
table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid rgba(0,0,0,.1);text-align:left}
pre,code{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:13px}pre{background:rgba(0,0,0,.05);padding:10px;overflow:auto}`;
  let body: string;
  switch (layout) {
    case 'card':
      body = `${header}<div class="card">${parts.main}</div>${footer}`;
      break;
    case 'top-nav':
      body = `${header}<div class="wrap"><main>${parts.main}</main></div>${footer}`;
      break;
    case 'top-nav-sidebar':
      body = `${header}<div class="wrap cols"><main>${parts.main}</main><aside>${parts.side}</aside></div>${footer}`;
      break;
    case 'left-nav':
      body = `${header}<div class="wrap cols"><aside>${parts.side ?? `<nav>${nav}</nav>`}</aside><main>${parts.main}</main></div>${footer}`;
      break;
  }
  return htmlDocument({ language: parts.language, title: parts.title, css, body, script: parts.script });
}

/** Footer links and copyright line of an ordinary site, per language. */
export const SITE_FOOTER: Record<Language, { links: readonly string[]; rights: string }> = {
  en: {
    links: ['Privacy', 'Terms of use', 'Cookies', 'Accessibility', 'Contact us', 'Careers'],
    rights: 'All rights reserved.',
  },
  fr: {
    links: [
      'Confidentialité',
      'Conditions d’utilisation',
      'Cookies',
      'Accessibilité',
      'Nous contacter',
      'Mentions légales',
    ],
    rights: 'Tous droits réservés.',
  },
  de: {
    links: ['Datenschutz', 'Nutzungsbedingungen', 'Cookies', 'Barrierefreiheit', 'Kontakt', 'Impressum'],
    rights: 'Alle Rechte vorbehalten.',
  },
  es: {
    links: ['Privacidad', 'Condiciones de uso', 'Cookies', 'Accesibilidad', 'Contacto', 'Aviso legal'],
    rights: 'Todos los derechos reservados.',
  },
  ja: {
    links: ['プライバシー', '利用規約', 'Cookieについて', 'アクセシビリティ', 'お問い合わせ', '採用情報'],
    rights: 'All rights reserved.',
  },
};

/** A footer link set and note for a site called `name`. */
export function siteFooter(rng: Rng, language: Language, name: string): { links: string[]; note: string } {
  const footer = SITE_FOOTER[language];
  return {
    links: rng.sample(footer.links, rng.range(3, footer.links.length)),
    note: `© ${rng.range(2019, 2025)} ${name}. ${footer.rights}`,
  };
}
