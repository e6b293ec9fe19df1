import { escapeHtml, type FamilyTemplate, type Language, localDate, paragraphs } from './kit.js';
import { siteFooter, sitePage } from './legit-layout.js';

interface NewsText {
  sites: readonly string[];
  sections: readonly string[];
  headlines: readonly string[];
  sentences: readonly string[];
  byline: string;
  more: string;
}

const NEWS: Record<Language, NewsText> = {
  en: {
    sites: ['The Riverside Herald', 'Northern Daily', 'Metro Gazette', 'The Valley Courier'],
    sections: ['World', 'Politics', 'Business', 'Technology', 'Sport', 'Culture', 'Weather'],
    headlines: [
      'City council approves new bike lanes after heated debate',
      'Heatwave expected to continue through the weekend',
      'Local bakery wins national award for sourdough',
      'Central bank holds interest rates steady',
      'School budget vote set for next Tuesday',
      'Rail services disrupted by overnight storm',
      'Museum reopens after two-year renovation',
      'Home team clinches playoff spot with late goal',
      'New library branch to open in the east end',
      'Farmers warn of poor harvest after dry spring',
    ],
    sentences: [
      'The decision was welcomed by residents, although some business owners raised concerns about parking.',
      'Officials said the work would be completed before the end of the year.',
      'Forecasters expect temperatures to drop slightly early next week.',
      'The proposal passed by seven votes to four after a debate that lasted more than three hours.',
      'Ticket prices will remain unchanged for the rest of the season.',
      'A spokesperson declined to comment on the timeline.',
      'Analysts had widely expected the announcement.',
      'Volunteers spent the weekend clearing fallen branches from the park.',
      'The exhibition runs until the end of March and admission is free for children.',
      'Commuters are advised to check timetables before travelling.',
    ],
    byline: 'By {name} · {date}',
    more: 'Most read',
  },
  fr: {
    sites: ['Le Courrier de la Vallée', 'La Dépêche du Centre', 'Ouest Matin', 'Le Journal des Alpes'],
    sections: ['International', 'Politique', 'Économie', 'Tech', 'Sport', 'Culture', 'Météo'],
    headlines: [
      'Le conseil municipal adopte le nouveau plan vélo',
      'La vague de chaleur devrait se prolonger ce week-end',
      'Une boulangerie locale primée pour son pain au levain',
      'La BCE maintient ses taux directeurs',
      'Le musée rouvre après deux ans de travaux',
      'Trafic ferroviaire perturbé après les orages de la nuit',
      'Une nouvelle médiathèque ouvrira à la rentrée',
    ],
    sentences: [
      'La décision a été saluée par les habitants, même si certains commerçants s’inquiètent du stationnement.',
      'Selon la mairie, les travaux seront terminés avant la fin de l’année.',
      'Les prévisionnistes annoncent une légère baisse des températures en début de semaine prochaine.',
      'Le projet a été adopté par sept voix contre quatre après plus de trois heures de débat.',
      'L’exposition est visible jusqu’à fin mars et l’entrée est gratuite pour les enfants.',
      'Les voyageurs sont invités à consulter les horaires avant de se déplacer.',
      'Un porte-parole n’a pas souhaité commenter le calendrier.',
    ],
    byline: 'Par {name} · {date}',
    more: 'Les plus lus',
  },
  de: {
    sites: ['Rheinische Rundschau', 'Nordkurier am Morgen', 'Stadtanzeiger', 'Allgäuer Tagblatt'],
    sections: ['Politik', 'Wirtschaft', 'Digital', 'Sport', 'Kultur', 'Wetter', 'Region'],
    headlines: [
      'Stadtrat beschließt neue Radwege nach langer Debatte',
      'Hitzewelle hält auch am Wochenende an',
      'Bäckerei aus der Altstadt gewinnt Preis für Sauerteigbrot',
      'EZB lässt Leitzins unverändert',
      'Museum öffnet nach zweijähriger Sanierung wieder',
      'Unwetter legt Bahnverkehr in der Nacht lahm',
      'Neue Stadtteilbibliothek eröffnet im Herbst',
    ],
    sentences: [
      'Die Anwohner begrüßten die Entscheidung, einige Geschäftsleute sorgen sich jedoch um Parkplätze.',
      'Nach Angaben der Stadt sollen die Arbeiten bis Jahresende abgeschlossen sein.',
      'Die Meteorologen erwarten Anfang nächster Woche etwas niedrigere Temperaturen.',
      'Der Antrag wurde nach mehr als dreistündiger Debatte mit sieben zu vier Stimmen angenommen.',
      'Die Ausstellung ist bis Ende März zu sehen, Kinder haben freien Eintritt.',
      'Reisende sollten vor der Fahrt die Fahrpläne prüfen.',
      'Ein Sprecher wollte sich zum Zeitplan nicht äußern.',
    ],
    byline: 'Von {name} · {date}',
    more: 'Meistgelesen',
  },
  es: {
    sites: ['El Diario del Sur', 'La Voz de la Costa', 'Heraldo Metropolitano', 'El Correo del Valle'],
    sections: ['Internacional', 'Política', 'Economía', 'Tecnología', 'Deportes', 'Cultura', 'Tiempo'],
    headlines: [
      'El ayuntamiento aprueba los nuevos carriles bici',
      'La ola de calor continuará durante el fin de semana',
      'Una panadería local gana un premio nacional',
      'El BCE mantiene los tipos de interés',
      'El museo reabre tras dos años de obras',
      'Las tormentas alteran el servicio de trenes',
      'Una nueva biblioteca abrirá en septiembre',
    ],
    sentences: [
      'Los vecinos celebraron la decisión, aunque algunos comerciantes temen por el aparcamiento.',
      'Según el ayuntamiento, las obras terminarán antes de final de año.',
      'Los meteorólogos prevén un ligero descenso de las temperaturas a principios de la próxima semana.',
      'La propuesta se aprobó por siete votos a cuatro tras un debate de más de tres horas.',
      'La exposición podrá visitarse hasta finales de marzo y la entrada es gratuita para los niños.',
      'Se recomienda a los viajeros consultar los horarios antes de desplazarse.',
      'Un portavoz declinó hacer comentarios sobre los plazos.',
    ],
    byline: 'Por {name} · {date}',
    more: 'Lo más leído',
  },
  ja: {
    sites: ['みなと新聞', '北日本タイムズ', '中央日報デジタル', '湘南ニュース'],
    sections: ['国際', '政治', '経済', 'テクノロジー', 'スポーツ', '文化', '天気'],
    headlines: [
      '市議会、新たな自転車レーン整備を可決',
      '猛暑、週末も続く見通し',
      '地元のパン店が全国コンテストで受賞',
      '日銀、政策金利を据え置き',
      '美術館が2年ぶりにリニューアルオープン',
      '夜間の大雨で鉄道ダイヤが乱れる',
      '新しい市立図書館、秋に開館へ',
    ],
    sentences: [
      '住民からは歓迎の声が上がる一方、商店主からは駐車場を心配する声も聞かれた。',
      '市によると、工事は年内に完了する予定だという。',
      '気象台は来週初めに気温がやや下がると予想している。',
      '議案は3時間以上の審議の末、賛成7、反対4で可決された。',
      '展覧会は3月末まで開催され、子どもは入場無料。',
      '利用者には出発前に運行情報を確認するよう呼びかけている。',
      '広報担当者はスケジュールについてのコメントを控えた。',
    ],
    byline: '{name}記者　{date}',
    more: 'よく読まれている記事',
  },
};

const REPORTERS: Record<Language, readonly string[]> = {
  en: ['Sarah Mitchell', 'James O’Connor', 'Priya Patel', 'Daniel Brooks'],
  fr: ['Claire Dubois', 'Julien Moreau', 'Sophie Laurent', 'Karim Benali'],
  de: ['Anna Schneider', 'Thomas Weber', 'Leonie Fischer', 'Murat Yılmaz'],
  es: ['Lucía Fernández', 'Javier Ruiz', 'Marta Gómez', 'Diego Navarro'],
  ja: ['佐藤美咲', '田中健太', '鈴木花子', '高橋翔'],
};

/** News sites: an article with byline, a "most read" sidebar. */
export const newsFamily: FamilyTemplate = {
  family: 'legit/news',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const text = NEWS[language];
    const site = rng.pick(text.sites);
    const headline = rng.pick(text.headlines);
    const byline = text.byline
      .replace('{name}', rng.pick(REPORTERS[language]))
      .replace('{date}', localDate(rng, language));
    const body = rng.sample(text.sentences, rng.range(4, text.sentences.length));
    const grouped: string[] = [];
    for (let i = 0; i < body.length; i += 2)
      grouped.push(body.slice(i, i + 2).join(language === 'ja' ? '' : ' '));
    const others = rng.sample(
      text.headlines.filter((h) => h !== headline),
      4,
    );
    const main = `<article><p><small>${escapeHtml(rng.pick(text.sections))}</small></p><h1>${escapeHtml(headline)}</h1><p><em>${escapeHtml(byline)}</em></p>${paragraphs(grouped.map(escapeHtml))}</article>`;
    const side = `<h2>${escapeHtml(text.more)}</h2><ol>${others.map((h) => `<li><a href="#">${escapeHtml(h)}</a></li>`).join('')}</ol>`;
    const footer = siteFooter(rng, language, site);
    const title = `${headline} - ${site}`;
    const html = sitePage(rng, {
      language,
      title,
      siteName: site,
      nav: rng.sample(text.sections, rng.range(4, 6)),
      main,
      side: rng.chance(0.7) ? side : undefined,
      footerLinks: footer.links,
      footerNote: footer.note,
      hue: rng.range(0, 359),
      serif: rng.chance(0.5),
    });
    return { title, html };
  },
};
