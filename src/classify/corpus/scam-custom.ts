import type { Rng } from '../../simulate/rng.js';
import {
  digits,
  escapeHtml,
  type FamilyTemplate,
  fontStack,
  htmlDocument,
  type Language,
  localDate,
  money,
  monoStack,
} from './kit.js';
import { badgeLogo } from './logos.js';
import { phraseHtml, phraseText, scamValues } from './scam-compose.js';
import { scamScript } from './scam-layout.js';
import { SCAM_PHRASES } from './scam-phrases.js';

const STOP_CODES = [
  'CRITICAL_PROCESS_DIED',
  'SYSTEM_SERVICE_EXCEPTION',
  'DRIVER_IRQL_NOT_LESS_OR_EQUAL',
  'KERNEL_DATA_INPAGE_ERROR',
  'MEMORY_MANAGEMENT',
  'PAGE_FAULT_IN_NONPAGED_AREA',
];

const BSOD: Record<
  Language,
  { sad: string[]; progress: string; info: string[]; stop: string; classic: string }
> = {
  en: {
    sad: [
      'Your PC ran into a problem and needs to restart. We’re just collecting some error info, and then we’ll restart for you.',
      'Your PC ran into a problem that it couldn’t handle, and now it needs to restart.',
    ],
    progress: '{p}% complete',
    info: [
      'For more information about this issue and possible fixes, call Windows Support:',
      'If you call a support person, give them this info:',
    ],
    stop: 'Stop code: {stop}',
    classic: 'A problem has been detected and Windows has been shut down to prevent damage to your computer.',
  },
  fr: {
    sad: [
      'Votre ordinateur a rencontré un problème et doit redémarrer. Nous collectons simplement des informations relatives aux erreurs, puis nous allons redémarrer.',
    ],
    progress: '{p} % effectué',
    info: [
      'Pour plus d’informations sur ce problème et les solutions possibles, appelez le support Windows :',
      'Si vous appelez le support technique, donnez-leur ces informations :',
    ],
    stop: 'Code d’arrêt : {stop}',
    classic: 'Un problème a été détecté et Windows a été arrêté afin d’éviter d’endommager votre ordinateur.',
  },
  de: {
    sad: [
      'Auf Ihrem PC ist ein Problem aufgetreten. Er muss neu gestartet werden. Wir sammeln nur einige Fehlerinformationen, und dann wird der Neustart für Sie ausgeführt.',
    ],
    progress: '{p} % abgeschlossen',
    info: [
      'Weitere Informationen zu diesem Problem und mögliche Korrekturen erhalten Sie beim Windows-Support:',
      'Wenn Sie sich an den Support wenden, geben Sie diese Infos an:',
    ],
    stop: 'Stoppcode: {stop}',
    classic:
      'Es wurde ein Problem festgestellt. Windows wurde heruntergefahren, um eine Beschädigung des Computers zu verhindern.',
  },
  es: {
    sad: [
      'Tu PC ha tenido un problema y necesita reiniciarse. Solo estamos recopilando información sobre el error y, a continuación, se reiniciará automáticamente.',
    ],
    progress: '{p} % completado',
    info: [
      'Para obtener más información sobre este problema y posibles soluciones, llame al soporte de Windows:',
      'Si llama a un técnico de soporte, proporciónele esta información:',
    ],
    stop: 'Código de detención: {stop}',
    classic: 'Se ha detectado un problema y Windows se ha apagado para evitar daños en su equipo.',
  },
  ja: {
    sad: [
      'PC に問題が発生したため、再起動する必要があります。エラー情報を収集しています。自動的に再起動します。',
    ],
    progress: '{p}% 完了',
    info: [
      'この問題と可能な解決方法の詳細については、Windows サポートにお電話ください：',
      'サポート担当者に連絡する場合は、この情報を伝えてください：',
    ],
    stop: '停止コード：{stop}',
    classic: '問題が検出されたため、コンピューターへの損傷を防ぐために Windows はシャットダウンされました。',
  },
};

function qrBlock(rng: Rng): string {
  const cells: string[] = [];
  for (let y = 0; y < 11; y++) {
    for (let x = 0; x < 11; x++) {
      if (rng.chance(0.5)) cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
    }
  }
  return `<svg width="96" height="96" viewBox="0 0 11 11" aria-hidden="true" style="background:#fff"><g fill="#000">${cells.join('')}</g></svg>`;
}

/** Fake blue screens: the modern ":(" screen or the classic text screen, with a number to call. */
export const bsodFamily: FamilyTemplate = {
  family: 'scam/bsod',
  label: 'scam',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const text = BSOD[language];
    const phrases = SCAM_PHRASES[language];
    const values = scamValues(rng, language);
    const stop = rng.pick(STOP_CODES);
    const call = phraseHtml(rng.pick(phrases.call), 'Windows', values);
    const modern = rng.chance(0.7);
    const blue = modern
      ? rng.pick(['#0078d7', '#1170cf', '#0a5fb4', '#2067b0'])
      : rng.pick(['#0000aa', '#000082', '#0a0a9c']);
    const font = modern ? fontStack(rng, language) : monoStack(rng);
    const extra = rng
      .sample([...phrases.doNotRestart, ...phrases.blocked], rng.range(1, 2))
      .map((p) => phraseHtml(p, 'Windows', values));
    const body = modern
      ? `<div class="bsod"><div class="sad">:(</div><p class="big">${escapeHtml(rng.pick(text.sad))}</p><p class="big">${escapeHtml(text.progress.replace('{p}', String(rng.range(0, 99))))}</p>
<div class="row">${qrBlock(rng)}<div><p>${escapeHtml(rng.pick(text.info))}</p><p class="phone">${call}</p>${extra.map((p) => `<p>${p}</p>`).join('')}<p>${escapeHtml(text.stop.replace('{stop}', stop))}</p></div></div></div>`
      : `<div class="bsod"><p>${escapeHtml(text.classic)}</p><p>${stop}</p>${extra.map((p) => `<p>${p}</p>`).join('')}<p>${escapeHtml(rng.pick(text.info))}</p><p class="phone">${call}</p><p>*** STOP: ${escapeHtml(values.code)} (0x${digits(rng, 8)}, 0x${digits(rng, 8)})</p></div>`;
    const css = `html,body{margin:0;height:100%}
body{background:${blue};color:#fff;font-family:${font};cursor:${rng.pick(['none', 'default'])}}
.bsod{padding:${rng.range(6, 12)}vh ${rng.range(6, 14)}vw;font-size:${modern ? rng.range(16, 20) : rng.range(14, 16)}px}
.sad{font-size:${rng.range(90, 140)}px;line-height:1}
.big{font-size:${rng.range(20, 28)}px;max-width:760px}
.row{display:flex;gap:20px;align-items:flex-start}
.phone{font-size:${rng.range(20, 28)}px;font-weight:700}`;
    const alerts = rng.chance(0.6) ? [phraseText(rng.pick(phrases.alert), 'Windows', values)] : [];
    const title = rng.pick([
      'Windows',
      'System Error',
      'Critical Error',
      'Windows Error',
      'Blue Screen Error',
    ]);
    const html = htmlDocument({
      language,
      title,
      css,
      body,
      script: scamScript(rng, { language, title, alerts }, false),
    });
    return { title, html };
  },
};

const INVOICE: Partial<
  Record<
    Language,
    {
      title: string[];
      heading: string[];
      intro: string[];
      item: string[];
      columns: [string, string, string, string];
      total: string;
      cancel: string[];
      thanks: string;
      invoiceNo: string;
      date: string;
    }
  >
> = {
  en: {
    title: ['Geek Squad Order Confirmation', 'Your Geek Squad Invoice', 'Best Buy Geek Squad - Auto Renewal'],
    heading: [
      'Thank you for renewing your Geek Squad protection',
      'Your subscription has been renewed',
      'Order confirmation',
    ],
    intro: [
      'Your Geek Squad Total Tech Support plan has been renewed automatically and the amount below will be charged to your account within 24 hours.',
      'This is a confirmation that your annual membership was renewed today.',
    ],
    item: [
      'Geek Squad Total Tech Support (2 years)',
      'Geek Squad Protection Plan – Computer & Devices',
      'Annual Membership – Premium Support',
    ],
    columns: ['Description', 'Qty', 'Price', 'Amount'],
    total: 'Total charged',
    cancel: [
      'If you did not authorize this charge, call our billing department at {phone} within 24 hours to cancel and receive a full refund.',
      'To cancel your subscription or request a refund, please call {phone}. Refunds are only processed by phone.',
      'Didn’t make this purchase? Contact us immediately at {phone} (toll free).',
    ],
    thanks: 'Thank you for choosing Geek Squad.',
    invoiceNo: 'Invoice number',
    date: 'Date',
  },
  es: {
    title: ['Confirmación de pedido de Geek Squad', 'Su factura de Geek Squad'],
    heading: ['Gracias por renovar su protección Geek Squad', 'Su suscripción ha sido renovada'],
    intro: [
      'Su plan Geek Squad Total Tech Support se ha renovado automáticamente y el importe indicado se cargará en su cuenta en las próximas 24 horas.',
      'Le confirmamos que su membresía anual se ha renovado hoy.',
    ],
    item: [
      'Geek Squad Total Tech Support (2 años)',
      'Plan de protección Geek Squad – Computadora y dispositivos',
    ],
    columns: ['Descripción', 'Cant.', 'Precio', 'Importe'],
    total: 'Total cargado',
    cancel: [
      'Si usted no autorizó este cargo, llame a nuestro departamento de facturación al {phone} en las próximas 24 horas para cancelar y recibir el reembolso completo.',
      'Para cancelar su suscripción o solicitar un reembolso, llame al {phone}. Los reembolsos solo se tramitan por teléfono.',
    ],
    thanks: 'Gracias por elegir Geek Squad.',
    invoiceNo: 'Número de factura',
    date: 'Fecha',
  },
};

/** Fake Geek Squad / Best Buy renewal invoices that ask the victim to call to "cancel". */
export const geekSquadFamily: FamilyTemplate = {
  family: 'scam/geek-squad',
  label: 'scam',
  languages: ['en', 'es'],
  make(rng, language) {
    const text = INVOICE[language]!;
    // Invoices in Spanish target US Hispanic customers: dollar amounts and US numbers.
    const values = scamValues(rng, 'en');
    const amount = rng.pick([299.99, 349.99, 399.99, 449.0, 499.99, 389.0]);
    const price = money(amount, 'en');
    const orange = rng.pick(['#f26722', '#f47b20', '#e8601c']);
    const title = rng.pick(text.title);
    const rows = `<tr><td>${escapeHtml(rng.pick(text.item))}</td><td>1</td><td>${price}</td><td>${price}</td></tr>`;
    const cancel = phraseHtml(rng.pick(text.cancel), 'Geek Squad', values);
    const body = `<div class="invoice">
<div class="head">${badgeLogo(rng.range(64, 90), orange)}<div><div class="brand">Geek Squad</div><div>Best Buy</div></div></div>
<h1>${escapeHtml(rng.pick(text.heading))}</h1>
<p>${escapeHtml(rng.pick(text.intro))}</p>
<p>${escapeHtml(text.invoiceNo)}: GS-${digits(rng, 8)}<br>${escapeHtml(text.date)}: ${escapeHtml(localDate(rng, 'en'))}</p>
<table><thead><tr>${text.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody>
<tfoot><tr><td colspan="3"><strong>${escapeHtml(text.total)}</strong></td><td><strong>${price}</strong></td></tr></tfoot></table>
<p class="cancel">${cancel}</p>
<p>${escapeHtml(text.thanks)}</p>
</div>`;
    const css = `body{margin:0;background:${rng.pick(['#eee', '#f4f4f4', '#fff'])};font-family:${fontStack(rng, language)};color:#222}
.invoice{max-width:${rng.range(620, 760)}px;margin:${rng.range(10, 40)}px auto;background:#fff;padding:28px;border:1px solid #ccc}
.head{display:flex;gap:14px;align-items:center;border-bottom:3px solid ${orange};padding-bottom:10px}
.brand{font-size:24px;font-weight:800}
table{width:100%;border-collapse:collapse;margin:14px 0}td,th{border:1px solid #ccc;padding:6px 8px;text-align:left}
.cancel{background:#fff6e5;border-left:4px solid ${orange};padding:10px 12px;font-size:${rng.range(15, 18)}px}`;
    const html = htmlDocument({ language, title, css, body });
    return { title, html };
  },
};
