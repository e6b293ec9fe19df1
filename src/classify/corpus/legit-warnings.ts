import type { Rng } from '../../simulate/rng.js';
import {
  bulletList,
  escapeHtml,
  type FamilyTemplate,
  fill,
  type Language,
  localDate,
  paragraphs,
} from './kit.js';
import { siteFooter, sitePage } from './legit-layout.js';
import { buildingLogo, shieldLogo, windowsLogo } from './logos.js';
import { tollFreeNumber } from './phones.js';

/** What every scam-warning page says, whoever publishes it: the hard negatives of the corpus. */
interface WarningText {
  headings: readonly string[];
  intro: readonly string[];
  signsHeading: readonly string[];
  signs: readonly string[];
  quoteIntro: readonly string[];
  quotes: readonly string[];
  adviceHeading: readonly string[];
  advice: readonly string[];
  updated: string;
}

const WARNING: Record<Language, WarningText> = {
  en: {
    headings: [
      'Protect yourself from tech support scams',
      'How to spot a tech support scam',
      'Tech support scams: what to look for',
      'Fake virus warnings and support calls',
    ],
    intro: [
      'Scammers pretend to be from well-known companies and try to convince you that your computer has a problem, so that you pay for help you do not need.',
      'Tech support scams use scare tactics to trick you into paying for unnecessary technical support services that supposedly fix device or software problems.',
      'A pop-up that says your computer is infected and tells you to call a number is almost always a scam.',
    ],
    signsHeading: ['Warning signs', 'How to recognise the scam', 'Common signs of a scam'],
    signs: [
      'A pop-up or full-screen message says "Your computer is infected, call Microsoft Support now" and shows a phone number.',
      'The page plays an alarm or a recorded voice and will not let you close the browser.',
      'An unexpected caller says they are from Microsoft, Apple or your internet provider and asks for remote access to your computer.',
      'You are asked to pay with gift cards, cryptocurrency or a wire transfer.',
      'A message claims your "Windows licence has expired" or your "IP address has been hacked".',
      'Someone offers a refund for a service you never bought and asks you to log in to your bank account.',
    ],
    quoteIntro: ['A typical fake warning looks like this:', 'Scam pop-ups often say something like:'],
    quotes: [
      '“Windows Defender Alert: Zeus virus detected on your computer. Do not restart. Call support at 1-8XX-XXX-XXXX.”',
      '“Your computer has been blocked. Error # 268D3. Please call Microsoft Support immediately.”',
      '“Your PC is infected with 5 viruses! Your personal data is at risk. Call now (toll free).”',
    ],
    adviceHeading: ['What to do', 'How to protect yourself', 'If it happens to you'],
    advice: [
      'Do not call the number in the pop-up and do not click on links in it.',
      'Close the browser. If it will not close, press Ctrl+Alt+Delete and end the browser task, or restart your computer.',
      'Never give control of your computer to someone who contacts you out of the blue.',
      'Error and warning messages from Microsoft never include a phone number.',
      'If you gave a scammer remote access, update your security software, run a scan and change your passwords.',
      'If you paid, contact your bank or card issuer right away and ask them to reverse the charge.',
    ],
    updated: 'Last updated: {date}',
  },
  fr: {
    headings: [
      'Protégez-vous contre les arnaques au faux support technique',
      'Comment reconnaître une arnaque au support technique',
      'Faux messages de virus : les bons réflexes',
    ],
    intro: [
      'Les escrocs se font passer pour de grandes entreprises et tentent de vous convaincre que votre ordinateur a un problème, pour vous faire payer une aide inutile.',
      'Une fenêtre qui affirme que votre ordinateur est infecté et vous demande d’appeler un numéro est presque toujours une arnaque.',
    ],
    signsHeading: ['Les signes qui doivent alerter', 'Comment reconnaître l’arnaque'],
    signs: [
      'Une fenêtre ou un message plein écran indique « Votre ordinateur est infecté, appelez le support Microsoft » avec un numéro de téléphone.',
      'La page diffuse une alarme ou une voix enregistrée et vous empêche de fermer le navigateur.',
      'Un interlocuteur inattendu prétend appeler de la part de Microsoft, d’Apple ou de votre fournisseur d’accès et demande à prendre le contrôle de votre ordinateur.',
      'On vous demande de payer par cartes cadeaux, en cryptomonnaie ou par virement.',
      'Un message affirme que « votre licence Windows a expiré ».',
    ],
    quoteIntro: ['Un faux avertissement typique ressemble à ceci :', 'Les fausses alertes disent souvent :'],
    quotes: [
      '« Alerte Windows Defender : virus détecté sur votre ordinateur. Ne redémarrez pas. Appelez le support au 0 800 XX XX XX. »',
      '« Votre ordinateur a été bloqué. Erreur n° 268D3. Veuillez appeler immédiatement le support Microsoft. »',
    ],
    adviceHeading: ['Que faire ?', 'Les bons réflexes'],
    advice: [
      'N’appelez pas le numéro affiché et ne cliquez sur aucun lien.',
      'Fermez le navigateur. S’il ne se ferme pas, appuyez sur Ctrl+Alt+Suppr pour arrêter le programme, ou redémarrez l’ordinateur.',
      'Ne laissez jamais prendre le contrôle de votre ordinateur par une personne qui vous contacte sans que vous l’ayez sollicitée.',
      'Les messages d’erreur de Microsoft ne contiennent jamais de numéro de téléphone.',
      'Si vous avez payé, contactez immédiatement votre banque pour faire opposition.',
    ],
    updated: 'Mis à jour le {date}',
  },
  de: {
    headings: [
      'Schützen Sie sich vor Betrug mit falschem technischem Support',
      'So erkennen Sie Tech-Support-Betrug',
      'Gefälschte Virenwarnungen: Was Sie wissen sollten',
    ],
    intro: [
      'Betrüger geben sich als Mitarbeiter bekannter Unternehmen aus und wollen Ihnen einreden, dass Ihr Computer ein Problem hat, damit Sie für unnötige Hilfe bezahlen.',
      'Ein Fenster, das behauptet, Ihr Computer sei infiziert, und Sie auffordert, eine Nummer anzurufen, ist fast immer Betrug.',
    ],
    signsHeading: ['Warnsignale', 'Daran erkennen Sie den Betrug'],
    signs: [
      'Ein Pop-up oder eine Vollbildmeldung sagt „Ihr Computer ist infiziert, rufen Sie den Microsoft-Support an“ und zeigt eine Telefonnummer.',
      'Die Seite spielt einen Alarmton oder eine Ansage ab und lässt sich nicht schließen.',
      'Ein unerwarteter Anrufer gibt sich als Microsoft, Apple oder Ihr Internetanbieter aus und verlangt Fernzugriff auf Ihren Computer.',
      'Sie sollen mit Gutscheinkarten, Kryptowährung oder per Überweisung bezahlen.',
      'Eine Meldung behauptet, Ihre „Windows-Lizenz ist abgelaufen“.',
    ],
    quoteIntro: [
      'Eine typische gefälschte Warnung sieht so aus:',
      'Betrügerische Pop-ups lauten oft etwa so:',
    ],
    quotes: [
      '„Windows Defender-Warnung: Virus auf Ihrem Computer gefunden. Nicht neu starten. Rufen Sie den Support unter 0800 XXX XXXX an.“',
      '„Ihr Computer wurde gesperrt. Fehler # 268D3. Bitte rufen Sie sofort den Microsoft-Support an.“',
    ],
    adviceHeading: ['Was Sie tun sollten', 'So schützen Sie sich'],
    advice: [
      'Rufen Sie die angezeigte Nummer nicht an und klicken Sie auf keine Links.',
      'Schließen Sie den Browser. Wenn das nicht geht, beenden Sie ihn mit Strg+Alt+Entf über den Task-Manager oder starten Sie den Computer neu.',
      'Gewähren Sie niemals Fernzugriff, wenn Sie unaufgefordert kontaktiert werden.',
      'Fehlermeldungen von Microsoft enthalten niemals eine Telefonnummer.',
      'Wenn Sie bezahlt haben, wenden Sie sich sofort an Ihre Bank und erstatten Sie Anzeige bei der Polizei.',
    ],
    updated: 'Stand: {date}',
  },
  es: {
    headings: [
      'Protéjase de las estafas de soporte técnico',
      'Cómo reconocer una estafa de soporte técnico',
      'Falsos avisos de virus: qué hacer',
    ],
    intro: [
      'Los estafadores se hacen pasar por empresas conocidas e intentan convencerle de que su ordenador tiene un problema para que pague por una ayuda que no necesita.',
      'Una ventana que dice que su equipo está infectado y le pide que llame a un número es casi siempre una estafa.',
    ],
    signsHeading: ['Señales de alarma', 'Cómo reconocer la estafa'],
    signs: [
      'Una ventana emergente o un mensaje a pantalla completa dice «Su ordenador está infectado, llame al soporte de Microsoft» y muestra un teléfono.',
      'La página reproduce una alarma o una voz grabada y no le deja cerrar el navegador.',
      'Alguien le llama sin que usted lo haya pedido, dice ser de Microsoft, Apple o su operador y le pide acceso remoto a su equipo.',
      'Le piden pagar con tarjetas regalo, criptomonedas o transferencia.',
    ],
    quoteIntro: ['Un aviso falso típico dice algo así:', 'Las ventanas fraudulentas suelen decir:'],
    quotes: [
      '«Alerta de Windows Defender: virus detectado en su ordenador. No lo reinicie. Llame al soporte al 900 XXX XXX.»',
      '«Su ordenador ha sido bloqueado. Error n.º 268D3. Llame inmediatamente al soporte de Microsoft.»',
    ],
    adviceHeading: ['Qué hacer', 'Cómo protegerse'],
    advice: [
      'No llame al número que aparece ni haga clic en ningún enlace.',
      'Cierre el navegador. Si no se cierra, pulse Ctrl+Alt+Supr y finalice la tarea, o reinicie el equipo.',
      'Nunca dé acceso remoto a su equipo a alguien que le contacta sin haberlo solicitado.',
      'Los mensajes de error de Microsoft nunca incluyen un número de teléfono.',
      'Si ha pagado, contacte de inmediato con su banco.',
    ],
    updated: 'Última actualización: {date}',
  },
  ja: {
    headings: [
      'サポート詐欺にご注意ください',
      '偽のウイルス警告（サポート詐欺）の見分け方',
      'サポート詐欺の手口と対処法',
    ],
    intro: [
      '詐欺師は有名企業を装い、パソコンに問題があると思い込ませて、不要なサポート料金を支払わせようとします。',
      '「ウイルスに感染しています。電話してください」と表示する画面は、ほぼ確実に詐欺です。',
    ],
    signsHeading: ['こんな表示に注意', '詐欺の特徴'],
    signs: [
      '「お使いのコンピューターはウイルスに感染しています。Microsoft サポートに電話してください」という画面と電話番号が表示される。',
      '警告音や音声が流れ、ブラウザーを閉じられないようにする。',
      'Microsoft や Apple を名乗る人物から突然電話があり、遠隔操作ソフトのインストールを求められる。',
      '電子マネーやギフトカードでの支払いを求められる。',
    ],
    quoteIntro: ['典型的な偽の警告の例：', '偽の警告画面には次のような文言があります：'],
    quotes: [
      '「Windows Defender の警告：ウイルスが検出されました。再起動しないでください。サポート（0120-XXX-XXX）に電話してください。」',
      '「お使いのコンピューターはブロックされました。エラー番号：268D3。今すぐ Microsoft サポートにお電話ください。」',
    ],
    adviceHeading: ['対処方法', '被害に遭わないために'],
    advice: [
      '表示された電話番号には絶対に電話しないでください。',
      'ブラウザーを閉じてください。閉じられない場合は Ctrl+Alt+Delete でタスク マネージャーを開いて終了するか、パソコンを再起動してください。',
      '突然連絡してきた相手に遠隔操作を許可しないでください。',
      'Microsoft のエラー メッセージに電話番号が表示されることはありません。',
      '支払ってしまった場合は、すぐにカード会社や警察に相談してください。',
    ],
    updated: '最終更新日：{date}',
  },
};

/** A publisher of scam warnings and the real number it gives. */
interface Publisher {
  name: string;
  contact: string;
  phone: string;
  logo: (rng: Rng) => string;
  hue: number;
}

const VENDORS: Partial<Record<Language, readonly Publisher[]>> = {
  en: [
    {
      name: 'Microsoft Support',
      contact: 'For help with a genuine Microsoft product, contact Microsoft Support at',
      phone: '1-800-642-7676',
      logo: () => windowsLogo(26, '#0067b8'),
      hue: 206,
    },
    {
      name: 'Apple Support',
      contact: 'If you need help with an Apple device, call Apple Support at',
      phone: '1-800-275-2273',
      logo: () => shieldLogo(26, '#555'),
      hue: 0,
    },
    {
      name: 'Amazon Help',
      contact: 'To check your account, sign in on the official site or call customer service at',
      phone: '1-888-280-4331',
      logo: () => shieldLogo(26, '#ff9900'),
      hue: 35,
    },
  ],
  fr: [
    {
      name: 'Support Microsoft',
      contact:
        'Pour obtenir de l’aide sur un produit Microsoft authentique, contactez le support Microsoft au',
      phone: '09 70 01 90 90',
      logo: () => windowsLogo(26, '#0067b8'),
      hue: 206,
    },
    {
      name: 'Assistance Apple',
      contact: 'Pour une aide sur un appareil Apple, appelez l’assistance Apple au',
      phone: '0805 540 003',
      logo: () => shieldLogo(26, '#555'),
      hue: 0,
    },
  ],
  de: [
    {
      name: 'Apple Support',
      contact: 'Wenn Sie Hilfe zu einem Apple-Gerät brauchen, rufen Sie den Apple Support an:',
      phone: '0800 6645 451',
      logo: () => shieldLogo(26, '#555'),
      hue: 0,
    },
  ],
  es: [
    {
      name: 'Soporte técnico de Apple',
      contact: 'Si necesita ayuda con un dispositivo Apple, llame al soporte técnico de Apple:',
      phone: '900 150 503',
      logo: () => shieldLogo(26, '#555'),
      hue: 0,
    },
  ],
  ja: [
    {
      name: 'Apple サポート',
      contact: 'Apple 製品についてのご相談は、Apple サポート（',
      phone: '0120-277-535',
      logo: () => shieldLogo(26, '#555'),
      hue: 0,
    },
  ],
};

const BANK_NAMES = [
  'Northfield Savings Bank',
  'Banque Rivière',
  'Hanse Sparkasse',
  'Caja Mediterránea',
  'みなと信用金庫',
];

function bankPublisher(rng: Rng, language: Language): Publisher {
  const name = BANK_NAMES[['en', 'fr', 'de', 'es', 'ja'].indexOf(language)]!;
  const contact = {
    en: 'If you are worried about your account, call us on the number on the back of your card:',
    fr: 'En cas de doute sur votre compte, appelez-nous au numéro figurant au dos de votre carte :',
    de: 'Wenn Sie sich um Ihr Konto sorgen, rufen Sie uns unter der Nummer auf der Rückseite Ihrer Karte an:',
    es: 'Si tiene dudas sobre su cuenta, llámenos al número que figura en el reverso de su tarjeta:',
    ja: '口座についてご不安な場合は、キャッシュカード裏面の番号（',
  }[language];
  return {
    name,
    contact,
    phone: tollFreeNumber(rng, language).display,
    logo: () => buildingLogo(26),
    hue: rng.pick([140, 210, 350]),
  };
}

/** A warning page body: intro, quoted scam wording, signs, advice, and the publisher's real number. */
function warningMain(rng: Rng, language: Language, text: WarningText, publisher: Publisher): string {
  const contactLine =
    language === 'ja'
      ? `${escapeHtml(publisher.contact)}<strong>${escapeHtml(publisher.phone)}</strong>）までお問い合わせください。`
      : `${escapeHtml(publisher.contact)} <strong>${escapeHtml(publisher.phone)}</strong>.`;
  const sections = [
    `<h2>${escapeHtml(rng.pick(text.signsHeading))}</h2>${bulletList(rng.sample(text.signs, rng.range(3, text.signs.length)).map(escapeHtml))}`,
    `<p>${escapeHtml(rng.pick(text.quoteIntro))}</p><blockquote>${escapeHtml(rng.pick(text.quotes))}</blockquote>`,
    `<h2>${escapeHtml(rng.pick(text.adviceHeading))}</h2>${bulletList(rng.sample(text.advice, rng.range(3, text.advice.length)).map(escapeHtml))}`,
  ];
  if (rng.chance(0.5)) sections.reverse();
  return `<h1>${escapeHtml(rng.pick(text.headings))}</h1>
<p><small>${escapeHtml(fill(text.updated, { date: localDate(rng, language) }))}</small></p>
${paragraphs(rng.sample(text.intro, rng.range(1, text.intro.length)).map(escapeHtml))}
${sections.join('\n')}
<p>${contactLine}</p>`;
}

const NAV: Record<Language, readonly string[]> = {
  en: ['Home', 'Products', 'Support', 'Security', 'Account'],
  fr: ['Accueil', 'Produits', 'Assistance', 'Sécurité', 'Compte'],
  de: ['Startseite', 'Produkte', 'Support', 'Sicherheit', 'Konto'],
  es: ['Inicio', 'Productos', 'Soporte', 'Seguridad', 'Cuenta'],
  ja: ['ホーム', '製品', 'サポート', 'セキュリティ', 'アカウント'],
};

/** Security vendors' and banks' pages that warn about tech support scams, quoting their wording. */
export const securityWarningFamily: FamilyTemplate = {
  family: 'legit/security-warning',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const vendors = VENDORS[language] ?? [];
    const publisher =
      vendors.length > 0 && rng.chance(0.65) ? rng.pick(vendors) : bankPublisher(rng, language);
    const text = WARNING[language];
    const main = warningMain(rng, language, text, publisher);
    const footer = siteFooter(rng, language, publisher.name);
    const title = `${rng.pick(text.headings)} | ${publisher.name}`;
    const html = sitePage(rng, {
      language,
      title,
      siteName: publisher.name,
      logo: publisher.logo(rng),
      nav: rng.sample(NAV[language], rng.range(3, 5)),
      main,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: publisher.hue,
    });
    return { title, html };
  },
};

/** Government consumer-protection offices and the real numbers they give for reporting fraud. */
const AGENCIES: Partial<Record<Language, readonly Publisher[]>> = {
  en: [
    {
      name: 'Federal Trade Commission – Consumer Advice',
      contact: 'Report tech support scams to the FTC online or by phone at',
      phone: '1-877-382-4357',
      logo: () => buildingLogo(28, '#1d3f73'),
      hue: 215,
    },
    {
      name: 'Action Fraud',
      contact: 'If you have lost money, report it to Action Fraud on',
      phone: '0300 123 2040',
      logo: () => buildingLogo(28, '#2a2a6e'),
      hue: 240,
    },
  ],
  fr: [
    {
      name: 'Cybermalveillance.gouv.fr',
      contact: 'Pour signaler une escroquerie, appelez Info Escroqueries au',
      phone: '0 805 805 817',
      logo: () => buildingLogo(28, '#000091'),
      hue: 235,
    },
  ],
  es: [
    {
      name: 'INCIBE – Oficina de Seguridad del Internauta',
      contact: 'Si tiene dudas, llame gratis a la Línea de Ayuda en Ciberseguridad de INCIBE:',
      phone: '017',
      logo: () => buildingLogo(28, '#b5121b'),
      hue: 355,
    },
  ],
  ja: [
    {
      name: '消費者庁',
      contact: 'お困りの場合は、消費者ホットライン（',
      phone: '188',
      logo: () => buildingLogo(28, '#004e8c'),
      hue: 210,
    },
    {
      name: 'IPA 情報処理推進機構',
      contact: '不安な場合は、情報セキュリティ安心相談窓口（',
      phone: '03-5978-7509',
      logo: () => buildingLogo(28, '#0060a8'),
      hue: 205,
    },
  ],
};

const GOV_NAV: Record<Language, readonly string[]> = {
  en: ['Consumer advice', 'Scams', 'Report fraud', 'Identity theft', 'Resources'],
  fr: ['Conseils', 'Arnaques', 'Signaler', 'Victimes', 'Ressources'],
  de: ['Verbraucher', 'Betrug', 'Anzeige', 'Ratgeber', 'Kontakt'],
  es: ['Consejos', 'Fraudes', 'Denunciar', 'Guías', 'Contacto'],
  ja: ['消費者の方へ', '注意喚起', '相談窓口', '資料', 'お問い合わせ'],
};

/** Government consumer-protection advice about tech support scams (held out: a second warning family). */
export const govAdviceFamily: FamilyTemplate = {
  family: 'legit/gov-advice',
  label: 'legitimate',
  languages: ['en', 'fr', 'es', 'ja'],
  make(rng, language) {
    const agency = rng.pick(AGENCIES[language]!);
    const text = WARNING[language];
    const main = warningMain(rng, language, text, agency);
    const footer = siteFooter(rng, language, agency.name);
    const title = `${rng.pick(text.headings)} – ${agency.name}`;
    const html = sitePage(rng, {
      language,
      title,
      siteName: agency.name,
      logo: agency.logo(rng),
      nav: rng.sample(GOV_NAV[language], rng.range(3, 5)),
      main,
      side: rng.chance(0.5) ? bulletList(rng.sample(GOV_NAV[language], 4).map(escapeHtml)) : undefined,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: agency.hue,
      serif: rng.chance(0.3),
    });
    return { title, html };
  },
};
