import {
  escapeHtml,
  type FamilyTemplate,
  fill,
  fontStack,
  hexDigits,
  htmlDocument,
  type Language,
} from './kit.js';
import { siteFooter, sitePage } from './legit-layout.js';
import { buildingLogo, lockLogo } from './logos.js';
import { tollFreeNumber } from './phones.js';

const BANK: Partial<
  Record<
    Language,
    {
      names: string[];
      nav: string[];
      login: string;
      user: string;
      password: string;
      submit: string;
      forgot: string;
      promo: string[];
      fraud: string;
    }
  >
> = {
  en: {
    names: ['Northfield Savings Bank', 'Harbor Federal Credit Union', 'Summit Trust'],
    nav: ['Personal', 'Business', 'Mortgages', 'Savings', 'Help'],
    login: 'Sign in to online banking',
    user: 'User ID',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your user ID or password?',
    promo: [
      'Open a savings account with 4.10% APY.',
      'Mortgage rates from 6.25% APR.',
      'Deposit checks from your phone with our mobile app.',
    ],
    fraud: 'Report a lost or stolen card 24/7: {phone}. We will never ask for your password by phone.',
  },
  fr: {
    names: ['Banque Rivière', 'Crédit des Vallées', 'Caisse du Littoral'],
    nav: ['Particuliers', 'Professionnels', 'Crédit immobilier', 'Épargne', 'Aide'],
    login: 'Accéder à mes comptes',
    user: 'Identifiant',
    password: 'Code secret',
    submit: 'Se connecter',
    forgot: 'Identifiant ou code oublié ?',
    promo: [
      'Livret d’épargne à 3 % brut.',
      'Simulez votre prêt immobilier en ligne.',
      'Gérez vos comptes depuis l’application mobile.',
    ],
    fraud:
      'Carte perdue ou volée, opposition 24h/24 : {phone}. Nous ne vous demanderons jamais votre code par téléphone.',
  },
  de: {
    names: ['Hanse Sparkasse', 'Volksbank am See', 'Rheintal Bank'],
    nav: ['Privatkunden', 'Firmenkunden', 'Baufinanzierung', 'Sparen', 'Hilfe'],
    login: 'Anmeldung Online-Banking',
    user: 'Anmeldename',
    password: 'PIN',
    submit: 'Anmelden',
    forgot: 'PIN vergessen?',
    promo: [
      'Tagesgeld mit 3,0 % p. a.',
      'Baufinanzierung ab 3,45 % effektiv.',
      'Banking-App jetzt herunterladen.',
    ],
    fraud:
      'Karte verloren? Sperr-Hotline rund um die Uhr: {phone}. Wir fragen Sie niemals am Telefon nach Ihrer PIN.',
  },
  es: {
    names: ['Caja Mediterránea', 'Banco del Norte', 'Caja Rural del Valle'],
    nav: ['Particulares', 'Empresas', 'Hipotecas', 'Ahorro', 'Ayuda'],
    login: 'Acceso a banca online',
    user: 'Usuario',
    password: 'Contraseña',
    submit: 'Entrar',
    forgot: '¿Ha olvidado su contraseña?',
    promo: [
      'Cuenta de ahorro al 2,5 % TAE.',
      'Hipoteca fija desde 2,9 % TIN.',
      'Gestione sus cuentas desde la app.',
    ],
    fraud: 'Robo o pérdida de tarjeta, 24 horas: {phone}. Nunca le pediremos sus claves por teléfono.',
  },
  ja: {
    names: ['みなと信用金庫', 'さくら銀行', '中央ネット銀行'],
    nav: ['個人のお客さま', '法人のお客さま', '住宅ローン', '預金', 'ヘルプ'],
    login: 'インターネットバンキング ログイン',
    user: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
    forgot: 'パスワードをお忘れの方',
    promo: [
      '定期預金キャンペーン実施中。',
      '住宅ローンの事前審査はWebで。',
      'アプリで残高照会がかんたんに。',
    ],
    fraud: 'カードの紛失・盗難は24時間受付：{phone}。お電話でパスワードをお尋ねすることはありません。',
  },
};

/** Bank home pages with a sign-in box, offers and a lost-card number. */
export const bankFamily: FamilyTemplate = {
  family: 'legit/bank',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const text = BANK[language]!;
    const name = rng.pick(text.names);
    const form = `<h2>${escapeHtml(text.login)}</h2><form onsubmit="return false"><label>${escapeHtml(text.user)}<input type="text" autocomplete="username"></label><label>${escapeHtml(text.password)}<input type="password" autocomplete="current-password"></label><button type="submit">${escapeHtml(text.submit)}</button></form><p><a href="#">${escapeHtml(text.forgot)}</a></p>`;
    const promo = rng
      .sample(text.promo, rng.range(2, 3))
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
    const fraud = `<p><small>${escapeHtml(fill(text.fraud, { phone: tollFreeNumber(rng, language).display }))}</small></p>`;
    const footer = siteFooter(rng, language, name);
    const title = `${name} – ${text.login}`;
    const html = sitePage(rng, {
      language,
      title,
      siteName: name,
      logo: buildingLogo(28, `hsl(${rng.range(200, 240)} 60% 30%)`),
      nav: text.nav,
      main: rng.chance(0.5) ? `${promo}${fraud}` : `${form}${fraud}`,
      side: rng.chance(0.5) ? form : promo,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: rng.pick([130, 210, 350, 30]),
    });
    return { title, html };
  },
};

const LOGIN: Record<
  Language,
  {
    heading: string[];
    email: string;
    password: string;
    submit: string;
    forgot: string;
    create: string;
    remember: string;
  }
> = {
  en: {
    heading: ['Sign in', 'Log in to your account', 'Welcome back'],
    email: 'Email address',
    password: 'Password',
    submit: 'Continue',
    forgot: 'Forgot password?',
    create: 'New here? Create an account',
    remember: 'Keep me signed in',
  },
  fr: {
    heading: ['Connexion', 'Connectez-vous à votre compte'],
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Continuer',
    forgot: 'Mot de passe oublié ?',
    create: 'Pas encore de compte ? Inscrivez-vous',
    remember: 'Rester connecté',
  },
  de: {
    heading: ['Anmelden', 'Bei Ihrem Konto anmelden'],
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Weiter',
    forgot: 'Passwort vergessen?',
    create: 'Noch kein Konto? Jetzt registrieren',
    remember: 'Angemeldet bleiben',
  },
  es: {
    heading: ['Iniciar sesión', 'Accede a tu cuenta'],
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Continuar',
    forgot: '¿Olvidaste tu contraseña?',
    create: '¿No tienes cuenta? Regístrate',
    remember: 'Mantener la sesión iniciada',
  },
  ja: {
    heading: ['ログイン', 'アカウントにログイン'],
    email: 'メールアドレス',
    password: 'パスワード',
    submit: '次へ',
    forgot: 'パスワードをお忘れですか？',
    create: 'アカウントをお持ちでない方は新規登録',
    remember: 'ログインしたままにする',
  },
};

const SERVICES = ['Notely', 'Cloudpin', 'Parcelwise', 'Tandem Mail', 'Quillbox', 'Roomly'];

/** Generic sign-in pages of web services: a card with e-mail, password and links. */
export const loginFamily: FamilyTemplate = {
  family: 'legit/login',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const text = LOGIN[language];
    const name = rng.pick(SERVICES);
    const heading = rng.pick(text.heading);
    const main = `<h1>${escapeHtml(heading)}</h1><form onsubmit="return false"><label>${escapeHtml(text.email)}<input type="email"></label><label>${escapeHtml(text.password)}<input type="password"></label><p><label><input type="checkbox" style="width:auto"> ${escapeHtml(text.remember)}</label></p><button type="submit">${escapeHtml(text.submit)}</button></form><p><a href="#">${escapeHtml(text.forgot)}</a></p><p><a href="#">${escapeHtml(text.create)}</a></p>`;
    const footer = siteFooter(rng, language, name);
    const title = `${heading} – ${name}`;
    const html = sitePage(rng, {
      language,
      title,
      siteName: name,
      nav: [],
      main,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: rng.range(0, 359),
      card: true,
    });
    return { title, html };
  },
};

const ERRORS: Partial<
  Record<Language, { notFound: string[]; server: string[]; router: string[]; back: string; id: string }>
> = {
  en: {
    notFound: [
      '404 – Page not found',
      'Sorry, we couldn’t find that page.',
      'The page you are looking for may have been moved or deleted. Check the address or go back to the home page.',
    ],
    server: [
      '500 – Internal Server Error',
      'Something went wrong on our end.',
      'Our engineers have been notified. Please try again in a few minutes.',
    ],
    router: [
      'Internet connection lost',
      'Your router cannot reach the internet.',
      'Check that the cable from the wall socket is plugged in and that the DSL light is on. Restart the router if the problem continues.',
    ],
    back: 'Go to home page',
    id: 'Request ID',
  },
  fr: {
    notFound: [
      '404 – Page introuvable',
      'Désolé, cette page n’existe pas.',
      'La page que vous recherchez a peut-être été déplacée ou supprimée. Vérifiez l’adresse ou revenez à l’accueil.',
    ],
    server: [
      '500 – Erreur interne du serveur',
      'Une erreur s’est produite de notre côté.',
      'Nos équipes ont été prévenues. Veuillez réessayer dans quelques minutes.',
    ],
    router: [
      'Connexion Internet perdue',
      'Votre box n’arrive pas à joindre Internet.',
      'Vérifiez que le câble est bien branché et que le voyant DSL est allumé. Redémarrez la box si le problème persiste.',
    ],
    back: 'Retour à l’accueil',
    id: 'Identifiant de la requête',
  },
  de: {
    notFound: [
      '404 – Seite nicht gefunden',
      'Diese Seite gibt es leider nicht.',
      'Die gesuchte Seite wurde möglicherweise verschoben oder gelöscht. Prüfen Sie die Adresse oder kehren Sie zur Startseite zurück.',
    ],
    server: [
      '500 – Interner Serverfehler',
      'Bei uns ist etwas schiefgelaufen.',
      'Unser Team wurde benachrichtigt. Bitte versuchen Sie es in einigen Minuten erneut.',
    ],
    router: [
      'Internetverbindung unterbrochen',
      'Ihr Router kann keine Verbindung zum Internet herstellen.',
      'Prüfen Sie, ob das Kabel zur Telefondose steckt und die DSL-Leuchte brennt. Starten Sie den Router neu, wenn das Problem bleibt.',
    ],
    back: 'Zur Startseite',
    id: 'Anfrage-ID',
  },
  es: {
    notFound: [
      '404 – Página no encontrada',
      'Lo sentimos, no encontramos esa página.',
      'Es posible que la página que busca se haya movido o eliminado. Compruebe la dirección o vuelva al inicio.',
    ],
    server: [
      '500 – Error interno del servidor',
      'Algo ha fallado por nuestra parte.',
      'Nuestro equipo ha sido avisado. Vuelva a intentarlo en unos minutos.',
    ],
    router: [
      'Conexión a Internet perdida',
      'Su router no puede conectarse a Internet.',
      'Compruebe que el cable está bien conectado y que la luz de la fibra está encendida. Reinicie el router si el problema continúa.',
    ],
    back: 'Volver al inicio',
    id: 'ID de la solicitud',
  },
};

/** Real error pages: 404s, 500s and home-router "connection lost" pages (alarming, not scams). */
export const errorPageFamily: FamilyTemplate = {
  family: 'legit/error-page',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es'],
  make(rng, language) {
    const text = ERRORS[language]!;
    const kind = rng.pick(['notFound', 'server', 'router'] as const);
    const [heading, lead, detail] = text[kind] as [string, string, string];
    if (kind === 'router') {
      const model = rng.pick([
        'FRITZ!Box 7590',
        'Livebox 6',
        'TP-Link Archer C6',
        'Huawei HG8245',
        'Netgear Nighthawk',
      ]);
      const css = `body{margin:0;font-family:${fontStack(rng, language)};background:#eceff1;color:#263238}
.bar{background:hsl(${rng.range(0, 359)} 40% 30%);color:#fff;padding:10px 20px;font-weight:700}
.box{max-width:560px;margin:40px auto;background:#fff;padding:24px;border-top:4px solid #e53935}`;
      const body = `<div class="bar">${escapeHtml(model)}</div><div class="box">${lockLogo(32, '#e53935')}<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(lead)}</p><p>${escapeHtml(detail)}</p><p>WAN: ${rng.pick(['PPPoE', 'DHCP'])} · ${rng.range(0, 23)}:${String(rng.range(0, 59)).padStart(2, '0')}</p></div>`;
      return { title: heading, html: htmlDocument({ language, title: heading, css, body }) };
    }
    const site = rng.pick(['Quillbox', 'Harbor Federal', 'Oak & Thread', 'Metro Gazette', 'Lumen']);
    const main = `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(lead)}</p><p>${escapeHtml(detail)}</p><p><a href="#">${escapeHtml(text.back)}</a></p>${kind === 'server' ? `<p><small>${escapeHtml(text.id)}: ${hexDigits(rng, 16).toLowerCase()}</small></p>` : ''}`;
    const footer = siteFooter(rng, language, site);
    const html = sitePage(rng, {
      language,
      title: heading,
      siteName: site,
      nav: [],
      main,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: rng.range(0, 359),
      card: rng.chance(0.5),
    });
    return { title: heading, html };
  },
};
