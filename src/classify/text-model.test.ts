import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { scoreText, type TextTrainingPage, topTextFeatures, trainTextModel } from './text-model.js';
import { loadTextModel, serialiseTextModel } from './text-model-file.js';
import type { PageLabel, PageText } from './types.js';

const scam = (title: string, text: string, dialogs: string[] = []): TextTrainingPage => ({
  text: { title, text, dialogs },
  label: 'scam',
});
const legit = (title: string, text: string): TextTrainingPage => ({
  text: { title, text, dialogs: [] },
  label: 'legitimate',
});

/** Short hand-written pages, five or more of each class per language (English, French, Japanese). */
const TRAINING: TextTrainingPage[] = [
  scam(
    'Windows Defender Security Warning',
    'Access to this PC has been blocked for security reasons. Your computer is infected with Trojan spyware. Call Windows Support immediately: +1-888-555-0142 (toll free).',
    [
      'WARNING! Your computer is infected. Call Microsoft Support at 1-888-555-0142 now. Do not shut down your computer.',
    ],
  ),
  scam(
    'Apple Security Alert',
    'Your iPhone has been compromised by a virus. Your personal data is at risk. Call Apple Support +1 (844) 555 0199 immediately. Error code: 0x80070424.',
  ),
  scam(
    'System Error',
    'Error # DW6VB36. Your system has detected a virus. Call us immediately at 1-800-555-0177. Do not restart your PC. Your banking information and passwords are at risk.',
    ['Your computer has been locked. Call technical support 1-800-555-0177.'],
  ),
  scam(
    'Microsoft Windows Firewall Warning',
    'Suspicious connection detected. Spyware has been found on your computer. Contact a Microsoft certified technician now: 1-855-555-0123.',
  ),
  scam(
    'Internet Security Damaged',
    'Your browser has been locked. Windows has detected unusual activity and a registry failure, error 0x00009. Call the help desk 1-877-555-0111 to unlock your computer.',
    ['Do not close this window. Call support now: 1-877-555-0111'],
  ),
  legit(
    'City council approves transport budget',
    'The council voted seven to two on Tuesday to fund three new bus lines and longer evening service. Work starts in spring, the mayor said.',
  ),
  legit(
    'Classic banana bread',
    'Preheat the oven to 180 degrees. Mash three ripe bananas, mix with melted butter, sugar, one egg and flour, then bake for one hour.',
  ),
  legit(
    'Installing nginx',
    'Run apt install nginx to install the web server. Configuration files live in /etc/nginx; reload the service after editing them.',
  ),
  legit(
    'Garden Supplies - Free shipping',
    'Free shipping on orders over 50 dollars. Add to cart. Customer reviews: 4.5 stars. Our customer service team answers Monday to Friday at 1-800-555-0100.',
  ),
  legit(
    'Check for Windows updates',
    'Select Start, then Settings, then Windows Update, then Check for updates. If updates are available, you can install them.',
  ),
  legit(
    'Avoid tech support scams',
    'Scammers show fake virus warnings and ask you to call a number. Microsoft never displays a phone number in an error message. Close the page and do not call.',
  ),
  scam(
    'Alerte de sécurité Windows',
    'Votre ordinateur est bloqué pour des raisons de sécurité. Un virus a été détecté. Appelez immédiatement le support Microsoft au 01 85 55 01 42.',
    ['Ne fermez pas cette page ! Appelez le support technique au 01 85 55 01 42.'],
  ),
  scam(
    'Avertissement Apple',
    "Votre iPhone est infecté par un logiciel espion. Vos données bancaires sont en danger. Contactez l'assistance Apple au 09 70 55 01 99.",
  ),
  scam(
    'Erreur système',
    'Erreur 0x80070424 : votre système est endommagé. Ne redémarrez pas votre ordinateur. Appelez le service technique au 01 76 55 01 77.',
  ),
  scam(
    'Pare-feu Windows',
    'Connexion suspecte détectée. Vos mots de passe sont menacés. Contactez un technicien certifié Microsoft : 01 85 55 01 23.',
  ),
  scam(
    'Navigateur bloqué',
    "Votre navigateur a été verrouillé suite à une activité inhabituelle. Appelez l'assistance au 09 70 55 01 11 pour débloquer votre ordinateur.",
    ['Appelez le support maintenant : 09 70 55 01 11'],
  ),
  legit(
    'Le conseil municipal vote le budget',
    'Le conseil a voté mardi le financement de trois nouvelles lignes de bus. Les travaux commenceront au printemps, a déclaré le maire.',
  ),
  legit(
    'Tarte aux pommes',
    'Préchauffez le four à 180 degrés. Étalez la pâte, disposez les pommes en rosace, saupoudrez de sucre et enfournez quarante minutes.',
  ),
  legit(
    'Installer un serveur web',
    'Lancez apt install nginx pour installer le serveur. Les fichiers de configuration se trouvent dans /etc/nginx.',
  ),
  legit(
    'Boutique en ligne',
    'Livraison gratuite dès 50 euros. Ajouter au panier. Notre service client vous répond du lundi au vendredi au 01 40 55 01 00.',
  ),
  legit(
    'Arnaques au faux support technique',
    "Les escrocs affichent de faux messages de virus et vous demandent d'appeler un numéro. Ne rappelez jamais ce numéro et fermez la page.",
  ),
  scam(
    'Windows セキュリティ警告',
    'お使いのコンピューターはウイルスに感染しています。今すぐマイクロソフトサポートに電話してください：050-5555-0142',
    ['警告！このページを閉じないでください。サポートに電話してください 050-5555-0142'],
  ),
  scam(
    'Apple セキュリティ',
    'iPhoneがハッキングされました。個人情報が危険にさらされています。Appleサポートに今すぐお電話ください 0120-555-199',
  ),
  scam(
    'システムエラー',
    'エラーコード 0x80070424。システムが損傷しています。コンピューターを再起動しないでください。技術サポート 0120-555-177 に電話してください',
  ),
  scam(
    'ファイアウォール警告',
    '不審な接続が検出されました。パスワードが盗まれる恐れがあります。マイクロソフト認定技術者に連絡してください：050-5555-0123',
  ),
  scam(
    'ブラウザがロックされました',
    '異常なアクティビティのため、ブラウザがロックされました。ロックを解除するにはサポートに電話してください 0120-555-111',
  ),
  legit(
    '市議会が予算を承認',
    '市議会は火曜日、新しいバス路線三本の予算を承認した。工事は春に始まる予定だと市長は述べた。',
  ),
  legit('肉じゃがの作り方', 'じゃがいもと牛肉を一口大に切り、醤油とみりんと砂糖で二十分煮込みます。'),
  legit(
    'ウェブサーバーの設定',
    'apt install nginx でサーバーをインストールします。設定ファイルは /etc/nginx にあります。',
  ),
  legit(
    'オンラインショップ',
    '5000円以上のご注文で送料無料。カートに入れる。カスタマーサービスは平日9時から17時まで対応しています。',
  ),
  legit(
    'サポート詐欺にご注意ください',
    '偽のウイルス警告を表示して電話をかけさせる詐欺が増えています。表示された番号には電話せず、ブラウザを閉じてください。',
  ),
];

const HELD_OUT: Array<{ name: string; text: PageText; label: PageLabel }> = [
  {
    name: 'English scam in new words',
    label: 'scam',
    text: {
      title: 'Critical alert from Windows',
      text: 'Your computer is infected and your files are at risk. Call the Windows helpline 1-866-555-0190 immediately. Do not restart your PC.',
      dialogs: ['Your computer has been blocked. Call support: 1-866-555-0190'],
    },
  },
  {
    name: 'French scam in new words',
    label: 'scam',
    text: {
      title: 'Votre PC est infecté',
      text: 'Virus détecté : votre ordinateur est bloqué. Appelez immédiatement le support technique Microsoft au 01 89 55 02 31.',
      dialogs: [],
    },
  },
  {
    name: 'Japanese scam in new words',
    label: 'scam',
    text: {
      title: '警告：ウイルス感染',
      text: 'コンピューターがウイルスに感染しています。すぐにサポートに電話してください 050-5555-0777',
      dialogs: [],
    },
  },
  {
    name: 'English weather page',
    label: 'legitimate',
    text: {
      title: 'Weather forecast',
      text: 'Light rain in the morning, clearing in the afternoon. Highs of 14 degrees, light winds from the west.',
      dialogs: [],
    },
  },
  {
    name: 'French news page',
    label: 'legitimate',
    text: {
      title: 'Le maire inaugure la médiathèque',
      text: 'La nouvelle médiathèque a ouvert ses portes samedi. Le maire a salué le travail des bibliothécaires.',
      dialogs: [],
    },
  },
  {
    name: 'Japanese recipe',
    label: 'legitimate',
    text: { title: '親子丼の作り方', text: '鶏肉と玉ねぎを醤油とみりんで煮て、卵でとじます。', dialogs: [] },
  },
];

/** The hard negative: a bank's page warning about the scam, quoting what the scam says. */
const BANK_WARNING: PageText = {
  title: 'Protect yourself from tech support scams | Example Bank',
  text:
    'Fraudsters show a fake virus warning that says your computer is infected and tells you to "call this number". ' +
    'Microsoft and Apple never ask you to call a number on a pop-up. Do not call; close the browser. ' +
    'If you gave a scammer access to your computer, call us on the number on the back of your card.',
  dialogs: [],
};

const model = trainTextModel(TRAINING, { seed: 1 });

describe('trainTextModel and scoreText on a small multilingual set', () => {
  it.each(HELD_OUT)('classifies a held-out page: $name', ({ text, label }) => {
    const { probability } = scoreText(model, text);
    if (label === 'scam') expect(probability).toBeGreaterThan(0.5);
    else expect(probability).toBeLessThan(0.5);
  });

  it('calls the bank warning legitimate, naming the words that say it warns about the scam', () => {
    // It passes because one awareness page per language is in the training set ("avoid tech support
    // scams", "arnaques", "詐欺"): the model learns that naming the scam is what warning pages do. Without
    // them the quoted "call this number" and "virus warning" pull it toward scam; the real test of hard
    // negatives is the corpus evaluation, not this small set.
    const bank = scoreText(model, BANK_WARNING);
    expect(bank.probability).toBeLessThan(0.5);
    expect(bank.reasons.join(' ')).toMatch(/scam|fraudster|fake/);
    for (const { text, label } of HELD_OUT) {
      if (label === 'scam') expect(bank.probability).toBeLessThan(scoreText(model, text).probability);
    }
  });

  it('gives as reasons n-grams of the page that point to a scam', () => {
    const { reasons } = scoreText(model, HELD_OUT[0]!.text);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.length).toBeLessThanOrEqual(6);
    for (const reason of reasons) expect(reason).toMatch(/^(title |dialog |ocr )?".+" \+\d+\.\d\d$/);
    // Phrases of the page, whole words: "blocked. call support", "computer is infected" ….
    const named = reasons.join(' ');
    expect(named).toMatch(/call support|computer is infected|alert from windows/);
    for (const reason of reasons) {
      const phrase = reason.match(/"(.+)"/)![1]!;
      const page = `${HELD_OUT[0]!.text.title} ${HELD_OUT[0]!.text.text} ${HELD_OUT[0]!.text.dialogs.join(' ')}`;
      expect(page.toLowerCase().replace(/\d/g, '0')).toContain(phrase);
    }
  });

  it('gives reasons against a scam for a legitimate page', () => {
    const { reasons } = scoreText(model, HELD_OUT[3]!.text);
    for (const reason of reasons) expect(reason).toMatch(/ -\d+\.\d\d$/);
  });

  it('is deterministic for a seed', () => {
    const again = trainTextModel(TRAINING, { seed: 1 });
    expect(again.version).toBe(model.version);
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
  });

  it('does not let a word or two carry a page: a short text stays near undecided', () => {
    // Features are L2-normalised, so without scaling by length one word weighs as much as a page.
    const unscaled = trainTextModel(TRAINING, { seed: 1, shortTextGrams: 0 });
    const word: PageText = { title: '', text: 'Windows', dialogs: [] };
    expect(scoreText(model, { title: '', text: '', dialogs: [] }).probability).toBe(0.5);
    const scaled = scoreText(model, word).probability;
    expect(Math.abs(scaled - 0.5)).toBeLessThan(0.15);
    expect(Math.abs(scaled - 0.5)).toBeLessThan(Math.abs(scoreText(unscaled, word).probability - 0.5));
    // A whole page still decides.
    expect(scoreText(model, HELD_OUT[0]!.text).probability).toBeGreaterThan(0.5);
  });

  it('lists what it learned, heaviest first, named by training n-grams', () => {
    const top = topTextFeatures(model, 20);
    expect(top).toHaveLength(20);
    expect(Math.abs(top[0]!.weight)).toBeGreaterThanOrEqual(Math.abs(top[19]!.weight));
    expect(top.every((f) => /^(title|body|dialog|ocr): /.test(f.gram))).toBe(true);
  });
});

describe('serialiseTextModel and loadTextModel', () => {
  it('round-trip to the same scores and version', () => {
    const json = serialiseTextModel(model);
    const loaded = loadTextModel(json);
    expect(loaded.version).toBe(model.version);
    expect(loaded.version).toMatch(/^text-1\+[0-9a-f]{12}$/);
    for (const { text } of [...HELD_OUT, { text: BANK_WARNING }]) {
      const before = scoreText(model, text);
      const after = scoreText(loaded, text);
      expect(Math.abs(after.probability - before.probability)).toBeLessThan(0.01);
      expect(after.reasons).toEqual(before.reasons);
    }
    expect(serialiseTextModel(loaded)).toBe(json);
  });

  it('reads a file written before length scaling as unscaled', () => {
    const { shortTextGrams, ...older } = JSON.parse(serialiseTextModel(model));
    expect(shortTextGrams).toBe(200);
    expect(loadTextModel(older).shortTextGrams).toBe(0);
  });

  it('refuses what is not a model file', () => {
    expect(() => loadTextModel({ version: 'image-1+abc', dims: 3 })).toThrow(ValidationError);
    const broken = JSON.parse(serialiseTextModel(model));
    broken.weights.values = 'AAAA';
    expect(() => loadTextModel(broken)).toThrow(ValidationError);
  });
});
