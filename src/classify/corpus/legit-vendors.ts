import { bulletList, escapeHtml, type FamilyTemplate, type Language, money } from './kit.js';
import { siteFooter, sitePage } from './legit-layout.js';
import { appleLogo, shieldLogo, windowsLogo } from './logos.js';

/** A real vendor's support contact: name, number as the vendor prints it, hours. */
interface Vendor {
  name: string;
  phone: string;
  logo: string;
  hue: number;
}

const VENDORS: Partial<Record<Language, readonly Vendor[]>> = {
  en: [
    { name: 'Microsoft Support', phone: '1-800-642-7676', logo: windowsLogo(26, '#0067b8'), hue: 206 },
    { name: 'Apple Support', phone: '1-800-275-2273', logo: appleLogo(26), hue: 0 },
    { name: 'Best Buy Geek Squad', phone: '1-800-433-5778', logo: shieldLogo(26, '#0046be'), hue: 220 },
    { name: 'Amazon Customer Service', phone: '1-888-280-4331', logo: shieldLogo(26, '#ff9900'), hue: 35 },
  ],
  fr: [
    { name: 'Support Microsoft', phone: '09 70 01 90 90', logo: windowsLogo(26, '#0067b8'), hue: 206 },
    { name: 'Assistance Apple', phone: '0805 540 003', logo: appleLogo(26), hue: 0 },
  ],
  de: [{ name: 'Apple Support', phone: '0800 6645 451', logo: appleLogo(26), hue: 0 }],
  es: [{ name: 'Soporte técnico de Apple', phone: '900 150 503', logo: appleLogo(26), hue: 0 }],
  ja: [{ name: 'Apple サポート', phone: '0120-277-535', logo: appleLogo(26), hue: 0 }],
};

const SUPPORT: Record<
  Language,
  { heading: string[]; intro: string[]; options: string[]; call: string; hours: string[]; safety: string }
> = {
  en: {
    heading: ['Contact us', 'Get support', 'How can we help?'],
    intro: [
      'Find answers in our help articles, chat with an agent, or call us.',
      'Sign in to see your products and get personalised help.',
    ],
    options: [
      'Reset your password',
      'Manage subscriptions and billing',
      'Set up a new device',
      'Check your repair status',
      'Warranty and service options',
    ],
    call: 'Call us at',
    hours: ['Monday to Friday, 7am–10pm; weekends 8am–8pm.', 'Available 24 hours a day.'],
    safety: 'We will never call you unexpectedly or show a phone number in an error message.',
  },
  fr: {
    heading: ['Nous contacter', 'Obtenir de l’aide'],
    intro: ['Trouvez des réponses dans nos articles d’aide, discutez avec un conseiller ou appelez-nous.'],
    options: [
      'Réinitialiser votre mot de passe',
      'Gérer vos abonnements',
      'Configurer un nouvel appareil',
      'Suivre une réparation',
    ],
    call: 'Appelez-nous au',
    hours: ['Du lundi au vendredi, de 9 h à 19 h.', 'Le samedi de 9 h à 17 h.'],
    safety: 'Nous ne vous appellerons jamais sans que vous l’ayez demandé.',
  },
  de: {
    heading: ['Kontakt', 'Support erhalten'],
    intro: ['Finden Sie Antworten in unseren Hilfeartikeln, chatten Sie mit uns oder rufen Sie uns an.'],
    options: [
      'Passwort zurücksetzen',
      'Abos und Zahlungen verwalten',
      'Neues Gerät einrichten',
      'Reparaturstatus prüfen',
    ],
    call: 'Rufen Sie uns an:',
    hours: ['Montag bis Freitag, 8–20 Uhr.', 'Samstag 9–17 Uhr.'],
    safety: 'Wir rufen Sie niemals unaufgefordert an.',
  },
  es: {
    heading: ['Contacto', 'Obtener asistencia'],
    intro: ['Encuentre respuestas en nuestros artículos de ayuda, chatee con un asesor o llámenos.'],
    options: [
      'Restablecer la contraseña',
      'Gestionar suscripciones',
      'Configurar un dispositivo nuevo',
      'Consultar el estado de una reparación',
    ],
    call: 'Llámenos al',
    hours: ['De lunes a viernes, de 9:00 a 20:00.'],
    safety: 'Nunca le llamaremos sin que usted lo haya solicitado.',
  },
  ja: {
    heading: ['お問い合わせ', 'サポートを受ける'],
    intro: ['ヘルプ記事で解決方法を探すか、チャットまたはお電話でお問い合わせください。'],
    options: ['パスワードのリセット', 'サブスクリプションの管理', '新しいデバイスの設定', '修理状況の確認'],
    call: 'お電話でのお問い合わせ：',
    hours: ['受付時間：9:00～21:00（年中無休）'],
    safety: '当社から突然お電話することはありません。',
  },
};

/** Real vendors' support and contact pages, with their real numbers, done right. */
export const supportRealFamily: FamilyTemplate = {
  family: 'legit/support-real',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const vendor = rng.pick(VENDORS[language]!);
    const text = SUPPORT[language];
    const heading = rng.pick(text.heading);
    const main = `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(rng.pick(text.intro))}</p>${bulletList(rng.sample(text.options, rng.range(3, text.options.length)).map((o) => `<a href="#">${escapeHtml(o)}</a>`))}<h2>${escapeHtml(text.call)} ${escapeHtml(vendor.phone)}</h2><p>${escapeHtml(rng.pick(text.hours))}</p>${rng.chance(0.5) ? `<p><small>${escapeHtml(text.safety)}</small></p>` : ''}`;
    const footer = siteFooter(rng, language, vendor.name);
    const title = `${heading} - ${vendor.name}`;
    const html = sitePage(rng, {
      language,
      title,
      siteName: vendor.name,
      logo: vendor.logo,
      nav: text.options.slice(0, 4),
      main,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: vendor.hue,
    });
    return { title, html };
  },
};

const PRODUCT: Partial<
  Record<
    Language,
    { products: string[]; headline: string[]; features: string[]; buy: string; trial: string; year: string }
  >
> = {
  en: {
    products: ['Bastion Antivirus Plus', 'Sentrya Total Security', 'Kestrel Internet Security'],
    headline: [
      'Protect your PC from viruses, ransomware and phishing',
      'Award-winning protection for all your devices',
      'Security that stays out of your way',
    ],
    features: [
      'Real-time protection against viruses and malware',
      'Ransomware shield for your documents and photos',
      'Safe browsing blocks fake shops and phishing pages',
      'Password manager and VPN included',
      'Scans run quietly in the background',
    ],
    buy: 'Buy now',
    trial: 'Try free for 30 days',
    year: 'first year',
  },
  fr: {
    products: ['Bastion Antivirus Plus', 'Sentrya Sécurité Totale'],
    headline: [
      'Protégez votre PC contre les virus, les rançongiciels et l’hameçonnage',
      'Une protection primée pour tous vos appareils',
    ],
    features: [
      'Protection en temps réel contre les virus et logiciels malveillants',
      'Bouclier anti-rançongiciel pour vos documents et photos',
      'Navigation sécurisée contre les faux sites et l’hameçonnage',
      'Gestionnaire de mots de passe et VPN inclus',
    ],
    buy: 'Acheter',
    trial: 'Essai gratuit de 30 jours',
    year: 'la première année',
  },
  de: {
    products: ['Bastion Antivirus Plus', 'Kestrel Internet Security'],
    headline: [
      'Schützen Sie Ihren PC vor Viren, Ransomware und Phishing',
      'Ausgezeichneter Schutz für alle Ihre Geräte',
    ],
    features: [
      'Echtzeitschutz vor Viren und Schadsoftware',
      'Ransomware-Schutz für Dokumente und Fotos',
      'Sicheres Surfen blockiert Fake-Shops und Phishing-Seiten',
      'Passwort-Manager und VPN inklusive',
    ],
    buy: 'Jetzt kaufen',
    trial: '30 Tage kostenlos testen',
    year: 'im ersten Jahr',
  },
  es: {
    products: ['Bastion Antivirus Plus', 'Sentrya Seguridad Total'],
    headline: [
      'Proteja su PC contra virus, ransomware y phishing',
      'Protección premiada para todos sus dispositivos',
    ],
    features: [
      'Protección en tiempo real contra virus y malware',
      'Escudo contra ransomware para sus documentos y fotos',
      'Navegación segura frente a tiendas falsas y phishing',
      'Gestor de contraseñas y VPN incluidos',
    ],
    buy: 'Comprar',
    trial: 'Pruébelo gratis 30 días',
    year: 'el primer año',
  },
  ja: {
    products: ['バスティオン アンチウイルス', 'セントリア トータルセキュリティ'],
    headline: [
      'ウイルス、ランサムウェア、フィッシングから PC を守る',
      'すべてのデバイスを守る受賞歴のある保護',
    ],
    features: [
      'ウイルスやマルウェアをリアルタイムで防御',
      '文書や写真をランサムウェアから保護',
      '偽ショップやフィッシング サイトをブロック',
      'パスワード マネージャーと VPN 付き',
    ],
    buy: '購入する',
    trial: '30日間無料で試す',
    year: '初年度',
  },
};

/** Antivirus product pages: "protect your PC from viruses", features, prices, a trial. */
export const antivirusProductFamily: FamilyTemplate = {
  family: 'legit/antivirus-product',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const text = PRODUCT[language]!;
    const product = rng.pick(text.products);
    const price = money(rng.pick([29.99, 39.99, 49.99, 59.99]), language);
    const main = `<h1>${escapeHtml(rng.pick(text.headline))}</h1>${bulletList(rng.sample(text.features, rng.range(3, text.features.length)).map(escapeHtml))}<p><strong>${escapeHtml(product)}</strong> – ${price} ${escapeHtml(text.year)}</p><p><button type="button">${escapeHtml(text.buy)}</button> <button type="button">${escapeHtml(text.trial)}</button></p>`;
    const footer = siteFooter(rng, language, product);
    const title = `${product} | ${rng.pick(text.headline)}`;
    const html = sitePage(rng, {
      language,
      title,
      siteName: product,
      logo: shieldLogo(28, `hsl(${rng.range(0, 359)} 60% 40%)`),
      nav: [text.buy, text.trial],
      main,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: rng.range(0, 359),
    });
    return { title, html };
  },
};
