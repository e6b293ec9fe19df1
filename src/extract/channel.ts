import type { Channel } from '../core/report-input.js';

// First-contact cues; the earliest one in the narrative is usually how it began.
const CUES: Array<[Channel, RegExp]> = [
  [
    'popup',
    /pop[\s-]?ups?|pop[\s-]?up window|(?:screen|computer|browser|laptop) (?:froze|locked|was locked|went blue)|blue screen|warning (?:came up|appeared|on my screen)|message (?:came up|appeared|popped)|alarm(?:ing)? sound|fenêtre|écran (?:bloqué|bleu)|écran s'est (?:bloqué|figé)|message d'alerte|bildschirm (?:war )?(?:gesperrt|blockiert)|warnmeldung|fenster|ventana emergente|pantalla (?:bloqueada|azul)|pantalla se (?:bloqueó|congeló)|mensaje de alerta|ポップアップ|警告画面|警告音|画面が/i,
  ],
  [
    'search_ad',
    /search(?:ed)? (?:for|on google|online)|googled|sponsored|(?:an|the) ad(?:vert)?\b|first result|recherch[ée] sur|gesucht|anzeige|busqué|anuncio|検索/i,
  ],
  [
    'email',
    /(?:got|received|an|the) (?:e-?mail|invoice)|e-?mail (?:said|saying|from)|invoice (?:for|from|saying)|courriel|reçu un (?:mail|e-mail)|e-?mail erhalten|rechnung|correo|recibí un (?:correo|email)|メールが届|メールを受/i,
  ],
  [
    'sms',
    /text message|\bsms\b|texted me|got a text|received a text|textos?\b|mensaje de texto|ショートメッセージ|SMSが/i,
  ],
  [
    'social',
    /facebook messenger|whatsapp|instagram|telegram|messenger|tiktok|linkedin|social media|réseaux sociaux|redes sociales/i,
  ],
  [
    'outbound_call',
    /(?:called|rang|phoned) me|cold call|(?:got|received) a (?:phone )?call|(?:i|we) (?:got|received) (?:a )?(?:phone )?call|unsolicited call|m'a appelé|m’a appelé|m'ont appelé|reçu un appel|hat mich angerufen|rief mich an|anruf (?:von|bekommen|erhalten)|me llamó|me llamaron|recibí una llamada|電話がかかって|電話があ/i,
  ],
  [
    'inbound_call',
    /i called|i rang|i phoned|i dialed|i dialled|j'ai appelé|j’ai appelé|ich rief|ich habe .{0,20}angerufen|llamé al|llamé a|電話をかけ|電話した/i,
  ],
];

/** The contact channel: the structured field when given, else the earliest cue in the narrative. */
export function findChannel(text: string, given?: Channel): Channel | null {
  if (given) return given;
  let best: { at: number; channel: Channel } | null = null;
  for (const [channel, re] of CUES) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, channel };
  }
  return best?.channel ?? null;
}
