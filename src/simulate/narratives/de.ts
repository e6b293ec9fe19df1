import { groupThousands, type Phrasebook } from './phrasebook.js';

/** German phrasing (Germany, Austria, Switzerland). */
export const de: Phrasebook = {
  language: 'de',
  joiner: ' ',
  opening: {
    popup: [
      (f) =>
        `Auf meinem Computer erschien plötzlich eine Warnung von ${f.brand}, der PC sei gesperrt${f.errorCode ? ` (Fehlercode ${f.errorCode})` : ''}${f.phone ? `, ich solle sofort die ${f.phone} anrufen` : ''}.`,
      (f) =>
        `Der Bildschirm wurde blau und eine Stimme sagte, mein Computer sei mit Viren infiziert, angeblich ${f.brand}${f.phone ? `. Angezeigte Nummer: ${f.phone}` : ''}.`,
      (f) =>
        `Ein Fenster "${f.brand} Sicherheitswarnung - Computer nicht neu starten" ließ sich nicht schließen${f.url ? ` (${f.url})` : ''}${f.phone ? `. Support-Hotline ${f.phone}` : ''}.`,
    ],
    search_ad: [
      (f) =>
        `Ich habe bei Google nach dem ${f.brand} Kundendienst gesucht und auf die erste Anzeige geklickt${f.url ? ` (${f.url})` : ''}${f.phone ? `, dort stand die Nummer ${f.phone}` : ''}.`,
    ],
    inbound_call: [
      (f) =>
        `Ich habe die ${f.phone ?? 'Nummer'} angerufen, weil ich dachte, das sei der technische Support von ${f.brand}.`,
    ],
    outbound_call: [
      (f) =>
        `Ein Mann rief mich an, er sei von ${f.brand} und mein Computer sei gehackt worden${f.phone ? `. Die Nummer im Display war ${f.phone}` : ''}.`,
      (f) =>
        `Anruf von einem angeblichen ${f.brand} Techniker wegen einer Rückerstattung${f.phone ? ` (${f.phone})` : ''}.`,
    ],
    email: [
      (f) =>
        `Ich bekam eine E-Mail mit einer Rechnung von ${f.brand} für eine Verlängerung, die ich nie bestellt habe${f.phone ? `. Zum Stornieren sollte ich ${f.phone} anrufen` : ''}.`,
    ],
    sms: [
      (f) =>
        `Ich bekam eine SMS, mein ${f.brand} Konto sei kompromittiert${f.phone ? `, ich solle ${f.phone} anrufen` : ''}.`,
    ],
    social: [
      (f) =>
        `Über Facebook schrieb mir der "${f.brand} Support", mein Konto werde gelöscht${f.phone ? `, Rückruf unter ${f.phone}` : ''}.`,
    ],
    other: [
      (f) =>
        `Meine Tochter sagt, das war Betrug. Es ging um ${f.brand}${f.phone ? ` und die Nummer ${f.phone}` : ''}.`,
    ],
  },
  phone: [
    (f) => `Die Nummer war ${f.phone}.`,
    (f) => `Telefonnummer: ${f.phone}`,
    (f) => `Später riefen sie von ${f.phone} zurück.`,
  ],
  url: [(f) => `Die Webseite war ${f.url}`, (f) => `Link: ${f.url}`],
  agent: [
    (f) => `Der Mann nannte sich ${f.agent}.`,
    (f) => `Ein "Senior-Techniker" namens ${f.agent} übernahm.`,
  ],
  company: [(f) => `Er sagte, die Firma heiße ${f.company}.`, (f) => `Die Rechnung kam von ${f.company}.`],
  email: [(f) => `Die Quittung kam von ${f.email}.`],
  tool: [
    (f) =>
      `Er ließ mich ${f.tool}${f.toolSite ? ` von ${f.toolSite}` : ''} herunterladen und mir den Code vorlesen, dann hat er meine Maus gesteuert.`,
    (f) => `Sie haben sich mit ${f.tool} auf meinen Rechner geschaltet.`,
  ],
  pay: {
    gift_card: [
      (p) =>
        `Ich musste an der Tankstelle ${p.giftBrand ?? 'Gutschein'}-Karten für ${p.amount} kaufen und ihm die Codes durchgeben.`,
    ],
    credit_card: [
      (p) =>
        `Ich habe ${p.amount} mit Kreditkarte bezahlt${p.merchant ? `, auf der Abrechnung steht ${p.merchant}` : ''}.`,
    ],
    bank_transfer: [
      (p) =>
        `Ich habe ${p.amount} überwiesen${p.iban ? ` auf die IBAN ${p.iban}` : p.account ? ` auf Konto ${p.account}` : ''}${p.recipient ? `, Empfänger ${p.recipient}` : ''}.`,
      (p) =>
        `Angeblich hatten sie mir zu viel erstattet, ich sollte ${p.amount} zurücküberweisen${p.iban ? ` (IBAN ${p.iban})` : p.account ? ` (Konto ${p.account})` : ''}${p.recipient ? ` an ${p.recipient}` : ''}.`,
    ],
    crypto: [
      (p) =>
        `Ich sollte ${p.amount} in Bitcoin am Automaten einzahlen${p.wallet ? ` an die Adresse ${p.wallet}` : ''}.`,
    ],
    p2p: [(p) => `Ich habe ${p.amount} per PayPal geschickt${p.handle ? ` an ${p.handle}` : ''}.`],
    cash: [(p) => `Ich habe ${p.amount} in bar per Post geschickt.`],
    check: [(p) => `Ich habe einen Scheck über ${p.amount} geschickt.`],
    other: [(p) => `Ich habe ${p.amount} bezahlt.`],
  },
  noPay: [
    'Ich habe nichts bezahlt und aufgelegt.',
    'Als sie Paysafecard-Codes wollten, wurde ich misstrauisch und habe aufgelegt.',
  ],
  realSite: [
    (f) => `Danach habe ich auf ${f.realSite} nachgelesen, dass dort nie Telefonnummern angezeigt werden.`,
  ],
  realPhone: [
    (f) =>
      `Ich habe dann die echte ${f.brand} Nummer ${f.realPhone} angerufen, dort sagte man mir, das sei Betrug.`,
  ],
  closing: [
    'Ich habe Angst, dass sie noch Zugriff auf meinen Computer haben.',
    'Ich bin 79 Jahre alt.',
    'Meine Bank hat die Karte gesperrt.',
    '',
  ],
  otherScam: {
    romance: [
      (f) =>
        `Ich habe ${f.name} auf einer Partnerbörse kennengelernt. Er brauchte ${f.amount} für Zollgebühren. Ich kaufte ${f.giftBrand} Karten und schickte Bitcoin an ${f.wallet}.`,
    ],
    investment: [
      (f) =>
        `Ich habe ${f.amount} auf der Trading-Plattform ${f.url} angelegt und kann nichts abheben. Einzahlungsadresse ${f.wallet}.`,
    ],
    delivery: [
      (f) =>
        `SMS von ${f.phone}: Ihr Paket wartet, Zollgebühr bezahlen unter ${f.url}. Danach wurden ${f.amount} abgebucht.`,
    ],
  },
  noise: [
    'Test',
    'Wie kann ich Windows aktualisieren?',
    'Mein Drucker druckt nicht mehr.',
    'Bitte löschen Sie meine Daten.',
    'hallo',
  ],
  money: (amount, currency) =>
    currency === 'EUR'
      ? `${groupThousands(amount, '.')} Euro`
      : `${groupThousands(amount, '.')} ${currency === 'CHF' ? 'Franken' : currency}`,
  names: {
    given: ['Ursula', 'Hans', 'Renate', 'Klaus', 'Helga', 'Peter', 'Ingrid', 'Wolfgang', 'Gisela', 'Jürgen'],
    family: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Hoffmann',
      'Schulz',
    ],
    familyFirst: false,
  },
};
