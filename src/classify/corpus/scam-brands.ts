import { type FamilyTemplate, hsl, type Language } from './kit.js';
import { appleLogo, mcafeeLogo, nortonLogo } from './logos.js';
import { composeScam } from './scam-compose.js';

type Texts = { titles: string[]; headlines: string[]; sentences: string[]; alerts?: string[] };

const APPLE: Partial<Record<Language, Texts>> = {
  en: {
    titles: ['Apple Security Alert', 'iCloud Account Locked', 'macOS Security Warning'],
    headlines: [
      'Your Mac is infected with {count} viruses!',
      'Your iCloud account has been locked',
      'Apple Security Alert: suspicious activity detected',
      'macOS has detected a critical security breach',
    ],
    sentences: [
      'Your Mac has been locked due to a security breach. Your Apple ID and iCloud photos may be exposed.',
      'Safari detected a malicious application that is collecting your personal data.',
      'Someone tried to sign in to your iCloud account from an unknown device.',
      'Do not use your Mac until it has been checked by an Apple-certified technician.',
    ],
    alerts: ['Apple Security Alert! Your Mac is infected. Call Apple Support at {phone}.'],
  },
  fr: {
    titles: ['Alerte de sécurité Apple', 'Compte iCloud verrouillé'],
    headlines: [
      'Votre Mac est infecté par {count} virus !',
      'Votre compte iCloud a été verrouillé',
      'Alerte de sécurité Apple : activité suspecte détectée',
    ],
    sentences: [
      'Votre Mac a été verrouillé suite à une faille de sécurité. Votre identifiant Apple et vos photos iCloud pourraient être exposés.',
      'Safari a détecté une application malveillante qui collecte vos données personnelles.',
      'Quelqu’un a tenté de se connecter à votre compte iCloud depuis un appareil inconnu.',
    ],
  },
  de: {
    titles: ['Apple Sicherheitswarnung', 'iCloud-Konto gesperrt'],
    headlines: [
      'Ihr Mac ist mit {count} Viren infiziert!',
      'Ihr iCloud-Konto wurde gesperrt',
      'Apple Sicherheitswarnung: verdächtige Aktivität erkannt',
    ],
    sentences: [
      'Ihr Mac wurde wegen einer Sicherheitsverletzung gesperrt. Ihre Apple-ID und Ihre iCloud-Fotos könnten offengelegt sein.',
      'Safari hat eine schädliche App erkannt, die Ihre persönlichen Daten sammelt.',
      'Jemand hat versucht, sich von einem unbekannten Gerät bei Ihrem iCloud-Konto anzumelden.',
    ],
  },
  ja: {
    titles: ['Apple セキュリティ警告', 'iCloud アカウントがロックされました'],
    headlines: [
      'お使いの Mac は {count} 個のウイルスに感染しています！',
      'iCloud アカウントがロックされました',
      'Apple セキュリティ警告：不審なアクティビティを検出',
    ],
    sentences: [
      'セキュリティ侵害のため、お使いの Mac はロックされました。Apple ID と iCloud の写真が流出する恐れがあります。',
      'Safari が個人データを収集している悪意のあるアプリを検出しました。',
      '不明なデバイスからあなたの iCloud アカウントへのサインインが試みられました。',
    ],
  },
};

/** Fake Apple / iCloud / macOS security alerts, in grey and white. */
export const appleFamily: FamilyTemplate = {
  family: 'scam/apple',
  label: 'scam',
  languages: ['en', 'fr', 'de', 'ja'],
  make(rng, language) {
    const dark = rng.chance(0.4);
    return composeScam(rng, language, {
      brand: 'Apple',
      brandLabel: rng.pick(['Apple Support', 'iCloud', 'macOS Security', 'Apple Security Center']),
      logo: appleLogo(rng.range(22, 32), dark ? '#fff' : '#333'),
      ...APPLE[language]!,
      theme: {
        accent: dark ? hsl(rng, 220, 5, 20, 4) : hsl(rng, 211, 100, 50, 4),
        accentText: '#fff',
        background: '#f5f5f7',
        text: '#1d1d1f',
        font: "-apple-system, BlinkMacSystemFont, 'Helvetica Neue', Helvetica, Arial, sans-serif",
      },
    });
  },
};

const MCAFEE: Partial<Record<Language, Texts>> = {
  en: {
    titles: [
      'McAfee Total Protection - Subscription Expired',
      'McAfee Alert: Your PC is at risk',
      'McAfee Security Scan',
    ],
    headlines: [
      'Your McAfee subscription has expired',
      'Your PC is infected with {count} viruses!',
      'McAfee: Your protection is turned off',
    ],
    sentences: [
      'Your McAfee Total Protection subscription expired today. Your PC is now unprotected against viruses and other malware.',
      'Renew now to get 60% off and remove the threats found on your PC.',
      'Unprotected PCs are 93% more vulnerable to suffer from malware.',
    ],
    alerts: ['Your McAfee subscription has expired! Your PC is infected. Call {phone} to renew.'],
  },
  fr: {
    titles: ['McAfee Total Protection - Abonnement expiré', 'Alerte McAfee : votre PC est en danger'],
    headlines: [
      'Votre abonnement McAfee a expiré',
      'Votre PC est infecté par {count} virus !',
      'McAfee : votre protection est désactivée',
    ],
    sentences: [
      'Votre abonnement McAfee Total Protection a expiré aujourd’hui. Votre PC n’est plus protégé contre les virus.',
      'Renouvelez maintenant avec 60 % de remise et supprimez les menaces trouvées sur votre PC.',
    ],
  },
  es: {
    titles: ['McAfee Total Protection - Suscripción caducada', 'Alerta de McAfee: su PC está en peligro'],
    headlines: [
      'Su suscripción de McAfee ha caducado',
      '¡Su PC está infectado con {count} virus!',
      'McAfee: su protección está desactivada',
    ],
    sentences: [
      'Su suscripción a McAfee Total Protection caducó hoy. Su PC ya no está protegido contra virus ni malware.',
      'Renueve ahora con un 60 % de descuento y elimine las amenazas encontradas en su PC.',
    ],
  },
};

/** Fake McAfee "subscription expired, your PC is infected" pages. */
export const mcafeeFamily: FamilyTemplate = {
  family: 'scam/mcafee',
  label: 'scam',
  languages: ['en', 'fr', 'es'],
  make(rng, language) {
    return composeScam(rng, language, {
      brand: 'McAfee',
      brandLabel: rng.pick(['McAfee', 'McAfee Total Protection', 'McAfee LiveSafe']),
      logo: mcafeeLogo(rng.range(26, 36), rng.chance(0.5) ? '#fff' : '#c01818'),
      ...MCAFEE[language]!,
      theme: { accent: hsl(rng, 0, 78, 40, 5), accentText: '#fff', background: '#fff', text: '#222' },
    });
  },
};

const NORTON: Partial<Record<Language, Texts>> = {
  en: {
    titles: [
      'Norton 360 - Your subscription has expired',
      'Norton Security Alert',
      'Norton AntiVirus - Renewal Required',
    ],
    headlines: [
      'Your Norton subscription expired today',
      'Your PC is infected with {count} viruses',
      'Norton: Action required to protect your PC',
    ],
    sentences: [
      'Your Norton 360 subscription has expired. Your computer is no longer protected and {count} threats were found.',
      'Renew your subscription now to remove viruses and protect your identity.',
      'Auto-renewal failed. Please contact Norton billing to avoid losing protection.',
    ],
    alerts: ['Norton: Your subscription has expired and your PC is infected. Call {phone}.'],
  },
  de: {
    titles: ['Norton 360 – Ihr Abonnement ist abgelaufen', 'Norton Sicherheitswarnung'],
    headlines: [
      'Ihr Norton-Abonnement ist heute abgelaufen',
      'Ihr PC ist mit {count} Viren infiziert',
      'Norton: Handlungsbedarf zum Schutz Ihres PCs',
    ],
    sentences: [
      'Ihr Norton 360-Abonnement ist abgelaufen. Ihr Computer ist nicht mehr geschützt, {count} Bedrohungen wurden gefunden.',
      'Verlängern Sie jetzt Ihr Abonnement, um Viren zu entfernen und Ihre Identität zu schützen.',
    ],
  },
  ja: {
    titles: ['ノートン 360 - サブスクリプションの有効期限が切れました', 'ノートン セキュリティ警告'],
    headlines: [
      'ノートンのサブスクリプションは本日で期限切れです',
      'お使いの PC は {count} 個のウイルスに感染しています',
      'ノートン：PC を保護するための対応が必要です',
    ],
    sentences: [
      'ノートン 360 のサブスクリプションの有効期限が切れました。コンピューターは保護されておらず、{count} 件の脅威が見つかりました。',
      '今すぐ更新して、ウイルスを削除し、個人情報を保護してください。',
    ],
  },
};

/** Fake Norton renewal / "subscription expired, your PC is infected" pages, black and yellow. */
export const nortonFamily: FamilyTemplate = {
  family: 'scam/norton',
  label: 'scam',
  languages: ['en', 'de', 'ja'],
  make(rng, language) {
    return composeScam(rng, language, {
      brand: 'Norton',
      brandLabel: rng.pick(['Norton', 'Norton 360', 'NortonLifeLock', 'Norton AntiVirus Plus']),
      logo: nortonLogo(rng.range(26, 36)),
      ...NORTON[language]!,
      theme: rng.chance(0.5)
        ? { accent: hsl(rng, 48, 100, 50, 4), accentText: '#111', background: '#fff', text: '#111' }
        : { accent: hsl(rng, 0, 0, 12, 3), accentText: '#ffd200', background: '#fafafa', text: '#111' },
    });
  },
};
