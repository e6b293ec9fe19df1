import {
  digits,
  escapeHtml,
  type FamilyTemplate,
  fontStack,
  htmlDocument,
  type Language,
  localDate,
  money,
} from './kit.js';
import { shieldLogo } from './logos.js';
import { phraseHtml, scamValues } from './scam-compose.js';

/** The wording of a fake renewal invoice ("call to cancel"), per language. */
interface InvoiceWording {
  title: string[];
  heading: string[];
  intro: string[];
  columns: string[];
  total: string;
  cancel: string[];
  invoiceNo: string;
  date: string;
}

const BRANDS = [
  {
    name: 'Norton 360 Deluxe',
    colour: '#f7c600',
    items: ['Norton 360 Deluxe – 5 devices', 'LifeLock Identity Advantage'],
  },
  {
    name: 'McAfee Total Protection',
    colour: '#c01818',
    items: ['McAfee Total Protection – 10 devices', 'McAfee LiveSafe'],
  },
  {
    name: 'PayPal',
    colour: '#003087',
    items: ['Crypto purchase – Bitcoin (BTC)', 'Apple iPhone 15 Pro Max'],
  },
  { name: 'Amazon Prime', colour: '#ff9900', items: ['Prime membership – annual', 'Sony Bravia 65" 4K TV'] },
  {
    name: 'Windows Defender Advanced Protection',
    colour: '#0078d7',
    items: ['Defender Advanced Protection – 3 years'],
  },
];

const WORDING: Partial<Record<Language, InvoiceWording>> = {
  en: {
    title: [
      'Your order receipt',
      'Subscription renewal notice',
      'Payment confirmation',
      'Invoice for your renewal',
    ],
    heading: [
      'Your subscription has been renewed',
      'Payment received – thank you',
      'Auto-renewal successful',
    ],
    intro: [
      'Your annual plan was renewed automatically today. The amount below has been debited from your account.',
      'We have processed your payment. If you did not authorise this transaction, act now.',
      'This email confirms the renewal of your membership for another year.',
    ],
    columns: ['Product', 'Qty', 'Unit price', 'Total'],
    total: 'Amount debited',
    cancel: [
      'Not you? Call our billing support at {phone} within 24 hours to cancel the order and get a refund.',
      'To dispute this charge, call {phone} (toll free). Refunds are processed by phone only.',
      'If you did not place this order, contact our cancellation desk immediately at {phone}.',
    ],
    invoiceNo: 'Invoice no.',
    date: 'Date',
  },
  fr: {
    title: ['Votre reçu de commande', 'Avis de renouvellement', 'Confirmation de paiement'],
    heading: [
      'Votre abonnement a été renouvelé',
      'Paiement reçu – merci',
      'Renouvellement automatique effectué',
    ],
    intro: [
      'Votre abonnement annuel a été renouvelé automatiquement aujourd’hui. Le montant ci-dessous a été débité de votre compte.',
      'Nous avons traité votre paiement. Si vous n’avez pas autorisé cette transaction, agissez maintenant.',
    ],
    columns: ['Produit', 'Qté', 'Prix unitaire', 'Total'],
    total: 'Montant débité',
    cancel: [
      'Ce n’est pas vous ? Appelez notre service facturation au {phone} sous 24 heures pour annuler et être remboursé.',
      'Pour contester ce prélèvement, appelez le {phone} (appel gratuit). Les remboursements se font uniquement par téléphone.',
    ],
    invoiceNo: 'Facture n°',
    date: 'Date',
  },
  de: {
    title: ['Ihre Bestellbestätigung', 'Verlängerung Ihres Abonnements', 'Zahlungsbestätigung'],
    heading: [
      'Ihr Abonnement wurde verlängert',
      'Zahlung erhalten – vielen Dank',
      'Automatische Verlängerung erfolgreich',
    ],
    intro: [
      'Ihr Jahresabo wurde heute automatisch verlängert. Der folgende Betrag wurde von Ihrem Konto abgebucht.',
      'Wir haben Ihre Zahlung verarbeitet. Wenn Sie diese Transaktion nicht autorisiert haben, handeln Sie jetzt.',
    ],
    columns: ['Produkt', 'Menge', 'Einzelpreis', 'Gesamt'],
    total: 'Abgebuchter Betrag',
    cancel: [
      'Das waren nicht Sie? Rufen Sie innerhalb von 24 Stunden unsere Abrechnung unter {phone} an, um zu stornieren und eine Erstattung zu erhalten.',
      'Um diese Abbuchung anzufechten, rufen Sie {phone} an (kostenlos). Erstattungen nur telefonisch.',
    ],
    invoiceNo: 'Rechnungsnr.',
    date: 'Datum',
  },
};

/**
 * Fake renewal and purchase invoices (Norton, McAfee, PayPal, Amazon, "Defender") that ask the victim to
 * call to cancel: the refund-scam opening, delivered by e-mail or as a page.
 */
export const renewalInvoiceFamily: FamilyTemplate = {
  family: 'scam/renewal-invoice',
  label: 'scam',
  languages: ['en', 'fr', 'de'],
  make(rng, language) {
    const text = WORDING[language]!;
    const brand = rng.pick(BRANDS);
    const values = scamValues(rng, language);
    const amount = rng.pick([289.99, 349.0, 399.99, 499.0, 599.99, 749.0]);
    const price = money(amount, language);
    const title = `${brand.name} – ${rng.pick(text.title)}`;
    const item = rng.pick(brand.items);
    const body = `<div class="receipt">
<div class="top">${shieldLogo(rng.range(48, 72), brand.colour)}<span class="brand">${escapeHtml(brand.name)}</span></div>
<h1>${escapeHtml(rng.pick(text.heading))}</h1>
<p>${escapeHtml(rng.pick(text.intro))}</p>
<p>${escapeHtml(text.invoiceNo)} ${digits(rng, 3)}-${digits(rng, 7)} · ${escapeHtml(text.date)} ${escapeHtml(localDate(rng, language))}</p>
<table><tr>${text.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>
<tr><td>${escapeHtml(item)}</td><td>1</td><td>${price}</td><td>${price}</td></tr>
<tr><td colspan="3"><b>${escapeHtml(text.total)}</b></td><td><b>${price}</b></td></tr></table>
<p class="call">${phraseHtml(rng.pick(text.cancel), brand.name, values)}</p>
</div>`;
    const css = `body{margin:0;background:${rng.pick(['#f2f2f2', '#fafafa', '#e9eef3'])};font-family:${fontStack(rng, language)};color:#1b1b1b}
.receipt{max-width:${rng.range(600, 780)}px;margin:${rng.range(12, 48)}px auto;background:#fff;padding:${rng.range(20, 36)}px;border-top:6px solid ${brand.colour}}
.top{display:flex;align-items:center;gap:12px}.brand{font-size:${rng.range(20, 28)}px;font-weight:700}
table{width:100%;border-collapse:collapse;margin:16px 0}th,td{padding:7px;border-bottom:1px solid #ddd;text-align:left}
.call{font-size:${rng.range(15, 19)}px;padding:10px;background:${rng.pick(['#fff3cd', '#fdecea', '#eef6ff'])}}`;
    return { title, html: htmlDocument({ language, title, css, body }) };
  },
};
