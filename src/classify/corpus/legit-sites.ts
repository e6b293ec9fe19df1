import type { Rng } from '../../simulate/rng.js';
import { escapeHtml, type FamilyTemplate, fill, type Language, localDate, money, paragraphs } from './kit.js';
import { siteFooter, sitePage } from './legit-layout.js';
import { tollFreeNumber } from './phones.js';

/** A legitimate page made from a site frame and a main block. */
function sitePageFrom(
  rng: Rng,
  language: Language,
  site: {
    name: string;
    nav: readonly string[];
    title: string;
    main: string;
    side?: string;
    hue?: number;
    serif?: boolean;
  },
): { title: string; html: string } {
  const footer = siteFooter(rng, language, site.name);
  const html = sitePage(rng, {
    language,
    title: site.title,
    siteName: site.name,
    nav: rng.sample(site.nav, Math.min(site.nav.length, rng.range(3, 6))),
    main: site.main,
    side: site.side,
    footerLinks: footer.links,
    footerNote: footer.note,
    hue: site.hue ?? rng.range(0, 359),
    serif: site.serif,
  });
  return { title: site.title, html };
}

const SHOP: Partial<
  Record<
    Language,
    {
      names: string[];
      nav: string[];
      products: string[];
      add: string;
      stock: string;
      help: string;
      shipping: string[];
    }
  >
> = {
  en: {
    names: ['Oak & Thread', 'Brightside Home', 'Trailhead Outfitters', 'Pixel Corner'],
    nav: ['New in', 'Women', 'Men', 'Home', 'Sale', 'Gift cards'],
    products: [
      'Wool blend scarf',
      'Ceramic coffee mug',
      'Trail running shoes',
      'Linen bed sheets',
      'Wireless keyboard',
      'Cast iron skillet',
      'Rain jacket',
    ],
    add: 'Add to basket',
    stock: 'In stock – usually ships within 2 days',
    help: 'Questions about your order? Call us Monday to Friday, 9am–5pm, on {phone}.',
    shipping: [
      'Free delivery on orders over $50.',
      'Free returns within 30 days.',
      'Sign up to our newsletter and get 10% off your first order.',
    ],
  },
  fr: {
    names: ['Maison Lumière', 'Le Comptoir Vert', 'Atelier Nord', 'Boutique Azur'],
    nav: ['Nouveautés', 'Femme', 'Homme', 'Maison', 'Soldes', 'Cartes cadeaux'],
    products: [
      'Écharpe en laine',
      'Tasse en céramique',
      'Chaussures de trail',
      'Draps en lin',
      'Clavier sans fil',
      'Poêle en fonte',
    ],
    add: 'Ajouter au panier',
    stock: 'En stock – expédié sous 48 h',
    help: 'Une question sur votre commande ? Appelez-nous du lundi au vendredi, de 9 h à 18 h, au {phone}.',
    shipping: [
      'Livraison offerte dès 50 € d’achat.',
      'Retours gratuits sous 30 jours.',
      'Inscrivez-vous à la newsletter et profitez de 10 % de remise.',
    ],
  },
  de: {
    names: ['Hausgemacht', 'Waldläufer Outdoor', 'Kaffeekontor', 'Technikecke'],
    nav: ['Neuheiten', 'Damen', 'Herren', 'Wohnen', 'Sale', 'Gutscheine'],
    products: [
      'Schal aus Wollmischung',
      'Keramikbecher',
      'Trailrunning-Schuhe',
      'Leinen-Bettwäsche',
      'Kabellose Tastatur',
      'Gusseisenpfanne',
    ],
    add: 'In den Warenkorb',
    stock: 'Auf Lager – Lieferung in 2–3 Werktagen',
    help: 'Fragen zu Ihrer Bestellung? Rufen Sie uns montags bis freitags von 9 bis 17 Uhr an: {phone}.',
    shipping: [
      'Kostenloser Versand ab 50 €.',
      '30 Tage kostenlose Rücksendung.',
      'Newsletter abonnieren und 10 % sparen.',
    ],
  },
  es: {
    names: ['Casa Olivo', 'La Tienda del Barrio', 'Sendero Outdoor', 'Rincón Digital'],
    nav: ['Novedades', 'Mujer', 'Hombre', 'Hogar', 'Rebajas', 'Tarjetas regalo'],
    products: [
      'Bufanda de lana',
      'Taza de cerámica',
      'Zapatillas de trail',
      'Sábanas de lino',
      'Teclado inalámbrico',
      'Sartén de hierro',
    ],
    add: 'Añadir a la cesta',
    stock: 'En stock – envío en 24/48 h',
    help: '¿Dudas sobre su pedido? Llámenos de lunes a viernes, de 9:00 a 18:00, al {phone}.',
    shipping: [
      'Envío gratis a partir de 50 €.',
      'Devoluciones gratuitas durante 30 días.',
      'Suscríbase a nuestro boletín y obtenga un 10 % de descuento.',
    ],
  },
};

/** Online shops: product grids with prices, a basket button, and a customer-service number. */
export const shopFamily: FamilyTemplate = {
  family: 'legit/shop',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'es'],
  make(rng, language) {
    const text = SHOP[language]!;
    const name = rng.pick(text.names);
    const items = rng.sample(text.products, rng.range(3, 6));
    const grid = items
      .map(
        (item) =>
          `<div style="display:inline-block;width:200px;margin:8px;vertical-align:top"><div style="height:120px;background:hsl(${rng.range(0, 359)} 30% 85%)"></div><h3>${escapeHtml(item)}</h3><p>${money(rng.range(9, 140) + 0.99, language)}</p><p><small>${escapeHtml(text.stock)}</small></p><button type="button">${escapeHtml(text.add)}</button></div>`,
      )
      .join('\n');
    const help = escapeHtml(fill(text.help, { phone: tollFreeNumber(rng, language).display }));
    const main = `<p>${escapeHtml(rng.pick(text.shipping))}</p><h1>${escapeHtml(rng.pick(text.nav))}</h1><div>${grid}</div><p>${help}</p>`;
    return sitePageFrom(rng, language, {
      name,
      nav: text.nav,
      title: `${name} – ${rng.pick(text.nav)}`,
      main,
    });
  },
};

const BLOG: Partial<
  Record<
    Language,
    { names: string[]; nav: string[]; posts: { title: string; body: string[] }[]; comments: string }
  >
> = {
  en: {
    names: ['Slow Mornings', 'The Weekend Gardener', 'Notes from the Workshop', 'Two Wheels North'],
    nav: ['Home', 'About', 'Archive', 'Recipes', 'Contact'],
    posts: [
      {
        title: 'How I finally got my tomatoes to ripen',
        body: [
          'This year I tried something different: I pinched out the side shoots every week and moved the pots against the south wall.',
          'By mid-August the first fruit had turned red, and the plants kept going well into October.',
          'Next spring I want to try a few heritage varieties from the seed swap.',
        ],
      },
      {
        title: 'A weekend cycling the coast road',
        body: [
          'We left early on Saturday with light bags and a loose plan.',
          'The climb after the harbour was harder than I remembered, but the view from the top was worth it.',
          'If you go, bring a rain jacket: the weather changes fast out there.',
        ],
      },
      {
        title: 'Building a bookshelf from reclaimed wood',
        body: [
          'The boards came from an old fence, so the first job was pulling out nails and sanding.',
          'I used simple dowel joints and a coat of linseed oil.',
          'It is not perfect, but it holds all our cookbooks.',
        ],
      },
    ],
    comments: 'Comments',
  },
  fr: {
    names: ['Carnet de voyage', 'Le Potager de Claire', 'Petites Recettes'],
    nav: ['Accueil', 'À propos', 'Archives', 'Recettes', 'Contact'],
    posts: [
      {
        title: 'Ma recette de tarte aux pommes de grand-mère',
        body: [
          'Le secret, c’est une pâte brisée maison et des pommes un peu acides.',
          'Je laisse reposer la pâte une heure au frais avant de l’étaler.',
          'Servie tiède avec une boule de glace vanille, elle disparaît en quelques minutes.',
        ],
      },
      {
        title: 'Trois jours à vélo le long de la Loire',
        body: [
          'Nous sommes partis d’Orléans avec des sacoches légères.',
          'Les pistes sont bien balisées et les villages se succèdent tous les dix kilomètres.',
          'Prévoyez de la crème solaire : il y a peu d’ombre sur les levées.',
        ],
      },
    ],
    comments: 'Commentaires',
  },
  es: {
    names: ['Cuaderno de viaje', 'La huerta de Marta', 'Recetas de casa'],
    nav: ['Inicio', 'Sobre mí', 'Archivo', 'Recetas', 'Contacto'],
    posts: [
      {
        title: 'Mi receta de tortilla de patatas',
        body: [
          'Lo importante es pochar la patata a fuego lento, sin prisa.',
          'Yo le pongo cebolla, aunque sé que no todo el mundo está de acuerdo.',
          'Dejadla reposar cinco minutos antes de cortarla.',
        ],
      },
      {
        title: 'Un fin de semana en los Picos de Europa',
        body: [
          'Salimos el viernes por la tarde y dormimos en un pequeño refugio.',
          'La ruta del Cares es espectacular, pero hay que llevar agua suficiente.',
          'Volveremos en otoño para ver los colores del bosque.',
        ],
      },
    ],
    comments: 'Comentarios',
  },
  ja: {
    names: ['週末の台所', 'ゆるり旅日記', '庭しごと帖'],
    nav: ['ホーム', 'プロフィール', 'アーカイブ', 'レシピ', 'お問い合わせ'],
    posts: [
      {
        title: '初めての味噌作りに挑戦しました',
        body: [
          '大豆を一晩水に浸して、柔らかくなるまでじっくり煮ました。',
          '麹と塩を混ぜて容器に詰め、あとは半年ほど待つだけです。',
          '秋に食べるのが今から楽しみです。',
        ],
      },
      {
        title: '京都を自転車でめぐる一日',
        body: [
          '朝早くに出発して、鴨川沿いをのんびり走りました。',
          'お昼は小さな定食屋さんで、おばんざいをいただきました。',
          '坂が少ないので、自転車での観光はおすすめです。',
        ],
      },
    ],
    comments: 'コメント',
  },
};

/** Personal blogs: one post, a date, a few comments' worth of everyday text. */
export const blogFamily: FamilyTemplate = {
  family: 'legit/blog',
  label: 'legitimate',
  languages: ['en', 'fr', 'es', 'ja'],
  make(rng, language) {
    const text = BLOG[language]!;
    const name = rng.pick(text.names);
    const post = rng.pick(text.posts);
    const main = `<article><h1>${escapeHtml(post.title)}</h1><p><small>${escapeHtml(localDate(rng, language))}</small></p>${paragraphs(post.body.map(escapeHtml))}</article><h2>${escapeHtml(text.comments)} (${rng.range(0, 24)})</h2>`;
    const side = `<ul>${text.posts.map((p) => `<li><a href="#">${escapeHtml(p.title)}</a></li>`).join('')}</ul>`;
    return sitePageFrom(rng, language, {
      name,
      nav: text.nav,
      title: `${post.title} | ${name}`,
      main,
      side: rng.chance(0.6) ? side : undefined,
      serif: rng.chance(0.5),
    });
  },
};

const DOCS: Partial<
  Record<
    Language,
    {
      products: string[];
      nav: string[];
      pages: { title: string; intro: string; steps: string[]; code: string }[];
      note: string;
    }
  >
> = {
  en: {
    products: ['Quarry', 'Lumen CLI', 'Harbor SDK', 'Fernlight'],
    nav: ['Guide', 'API reference', 'Changelog', 'Community', 'GitHub'],
    pages: [
      {
        title: 'Installation',
        intro: 'This guide walks you through installing the command-line tool on Linux, macOS and Windows.',
        steps: [
          'Download the package for your platform.',
          'Add the install directory to your PATH.',
          'Run the version command to check the installation.',
        ],
        code: '$ lumen --version\nlumen 2.4.1',
      },
      {
        title: 'Configuration',
        intro:
          'Settings are read from a configuration file in your project directory, then from environment variables.',
        steps: [
          'Create a config file at the root of the project.',
          'Set the output directory and the log level.',
          'Restart the server to apply the changes.',
        ],
        code: 'output = "dist"\nlog_level = "info"',
      },
      {
        title: 'Troubleshooting',
        intro:
          'If the build fails with an error code, check the log file first: it usually names the missing dependency.',
        steps: [
          'Error E1042 means the cache is corrupted: delete the cache directory.',
          'A timeout usually means the proxy settings are wrong.',
          'If nothing helps, open an issue with the full log.',
        ],
        code: '$ quarry build --verbose\nerror[E1042]: cache entry is corrupted',
      },
    ],
    note: 'Note',
  },
  de: {
    products: ['Quarry', 'Lumen CLI', 'Harbor SDK'],
    nav: ['Handbuch', 'API-Referenz', 'Änderungen', 'Community'],
    pages: [
      {
        title: 'Installation',
        intro:
          'Diese Anleitung beschreibt die Installation des Kommandozeilenwerkzeugs unter Linux, macOS und Windows.',
        steps: [
          'Laden Sie das Paket für Ihre Plattform herunter.',
          'Fügen Sie das Installationsverzeichnis zum PATH hinzu.',
          'Prüfen Sie die Installation mit dem Versionsbefehl.',
        ],
        code: '$ lumen --version\nlumen 2.4.1',
      },
      {
        title: 'Fehlerbehebung',
        intro: 'Wenn der Build mit einem Fehlercode abbricht, sehen Sie zuerst in die Protokolldatei.',
        steps: [
          'Fehler E1042 bedeutet, dass der Cache beschädigt ist: Löschen Sie das Cache-Verzeichnis.',
          'Eine Zeitüberschreitung deutet meist auf falsche Proxy-Einstellungen hin.',
          'Wenn nichts hilft, eröffnen Sie ein Issue mit dem vollständigen Protokoll.',
        ],
        code: '$ quarry build --verbose\nerror[E1042]: cache entry is corrupted',
      },
    ],
    note: 'Hinweis',
  },
  ja: {
    products: ['Quarry', 'Lumen CLI', 'Harbor SDK'],
    nav: ['ガイド', 'API リファレンス', '変更履歴', 'コミュニティ'],
    pages: [
      {
        title: 'インストール',
        intro:
          'このガイドでは、Linux、macOS、Windows にコマンドライン ツールをインストールする手順を説明します。',
        steps: [
          'お使いのプラットフォーム用のパッケージをダウンロードします。',
          'インストール先ディレクトリを PATH に追加します。',
          'バージョン コマンドを実行して確認します。',
        ],
        code: '$ lumen --version\nlumen 2.4.1',
      },
      {
        title: 'トラブルシューティング',
        intro: 'ビルドがエラー コードで失敗する場合は、まずログ ファイルを確認してください。',
        steps: [
          'エラー E1042 はキャッシュの破損を示します。キャッシュ ディレクトリを削除してください。',
          'タイムアウトは多くの場合、プロキシ設定の誤りが原因です。',
          '解決しない場合は、ログ全体を添えて Issue を作成してください。',
        ],
        code: '$ quarry build --verbose\nerror[E1042]: cache entry is corrupted',
      },
    ],
    note: '注意',
  },
};

/** Software documentation: a manual page with steps, code and a sidebar table of contents. */
export const docsFamily: FamilyTemplate = {
  family: 'legit/docs',
  label: 'legitimate',
  languages: ['en', 'de', 'ja'],
  make(rng, language) {
    const text = DOCS[language]!;
    const product = rng.pick(text.products);
    const page = rng.pick(text.pages);
    const version = `${rng.range(1, 5)}.${rng.range(0, 12)}`;
    const main = `<h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.intro)}</p><ol>${page.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol><pre><code>${escapeHtml(page.code)}</code></pre>`;
    const side = `<p><strong>${escapeHtml(product)} ${version}</strong></p><ul>${text.pages.map((p) => `<li><a href="#">${escapeHtml(p.title)}</a></li>`).join('')}</ul>`;
    return sitePageFrom(rng, language, {
      name: `${product} ${version}`,
      nav: text.nav,
      title: `${page.title} — ${product} ${version} documentation`,
      main,
      side,
    });
  },
};

const FORUM: Partial<
  Record<
    Language,
    {
      names: string[];
      nav: string[];
      titles: string[];
      question: string[];
      answers: string[];
      solved: string;
      replies: string;
    }
  >
> = {
  en: {
    names: ['TechHelp Community', 'PC Rescue Forums', 'Ask the Geeks'],
    nav: ['Forums', 'Latest', 'Unanswered', 'Rules', 'Sign in'],
    titles: [
      'Popup says my computer is infected and to call Microsoft – is this real?',
      'Browser locked with a "Windows Defender" warning and a phone number',
      'Got a scary virus alert with an alarm sound',
    ],
    question: [
      'Hi all, my dad was reading the news yesterday and suddenly the screen went blue with a message saying "Your computer has been blocked, call Microsoft Support at {phone}". There was a loud beeping and he couldn’t close it.',
      'He didn’t call, thankfully. Is this a real warning? Does he need to do anything now?',
      'I’m on Windows 11 with Chrome. The page went full screen and said there were 5 viruses and that I must not restart.',
    ],
    answers: [
      'That is a tech support scam. Microsoft never puts phone numbers in error messages. Do not call.',
      'Press Ctrl+Shift+Esc, end the browser in Task Manager, and when you reopen it do not restore the previous tabs.',
      'Since he didn’t call or let anyone connect, nothing was installed. Clear the browser history and run a normal scan to be safe.',
      'Same happened to my neighbour. They asked her for gift cards. Glad you asked here first.',
    ],
    solved: 'Solved',
    replies: '{n} replies',
  },
  fr: {
    names: ['Forum Entraide Informatique', 'Communauté PC Secours'],
    nav: ['Forums', 'Récents', 'Sans réponse', 'Règles', 'Connexion'],
    titles: [
      'Une fenêtre dit que mon PC est infecté et qu’il faut appeler Microsoft, arnaque ?',
      'Navigateur bloqué avec un message « Windows Defender » et un numéro',
    ],
    question: [
      'Bonjour, hier ma mère a vu apparaître un écran bleu avec « Votre ordinateur a été bloqué, appelez le support Microsoft au {phone} ». Il y avait une alarme et impossible de fermer la page.',
      'Elle n’a pas appelé heureusement. Est-ce que c’est un vrai avertissement ? Faut-il faire quelque chose ?',
    ],
    answers: [
      'C’est une arnaque au faux support technique. Microsoft ne met jamais de numéro de téléphone dans ses messages d’erreur. N’appelez pas.',
      'Faites Ctrl+Maj+Échap, fermez le navigateur dans le gestionnaire des tâches et ne restaurez pas les onglets à la réouverture.',
      'Si elle n’a pas appelé et n’a laissé personne se connecter, rien n’a été installé. Videz l’historique par précaution.',
    ],
    solved: 'Résolu',
    replies: '{n} réponses',
  },
  de: {
    names: ['PC-Hilfe Forum', 'Computerfragen Community'],
    nav: ['Foren', 'Neueste', 'Unbeantwortet', 'Regeln', 'Anmelden'],
    titles: [
      'Pop-up sagt, mein PC sei infiziert und ich soll Microsoft anrufen – echt?',
      'Browser gesperrt mit „Windows Defender“-Warnung und Telefonnummer',
    ],
    question: [
      'Hallo zusammen, bei meinem Vater erschien gestern plötzlich ein blauer Bildschirm: „Ihr Computer wurde gesperrt, rufen Sie den Microsoft-Support unter {phone} an“. Dazu ein lauter Piepton, und die Seite ließ sich nicht schließen.',
      'Er hat zum Glück nicht angerufen. Ist das eine echte Warnung? Muss er jetzt etwas tun?',
    ],
    answers: [
      'Das ist klassischer Tech-Support-Betrug. Microsoft schreibt nie Telefonnummern in Fehlermeldungen. Nicht anrufen.',
      'Strg+Umschalt+Esc drücken, den Browser im Task-Manager beenden und beim Neustart die alten Tabs nicht wiederherstellen.',
      'Solange niemand Fernzugriff bekommen hat, ist nichts installiert worden. Verlauf löschen und sicherheitshalber einen Scan laufen lassen.',
    ],
    solved: 'Gelöst',
    replies: '{n} Antworten',
  },
  ja: {
    names: ['パソコン相談室', 'IT お助け掲示板'],
    nav: ['掲示板', '新着', '未回答', 'ルール', 'ログイン'],
    titles: [
      '「ウイルスに感染しています。電話してください」という画面が出ました。本物ですか？',
      'ブラウザーが「Windows Defender」の警告でロックされました',
    ],
    question: [
      '昨日、母がニュースサイトを見ていたら、突然「お使いのコンピューターはブロックされました。Microsoft サポート {phone} に電話してください」という画面が出て、警告音が鳴り止まなくなりました。',
      '電話はしていません。これは本物の警告でしょうか？何か対処が必要ですか？',
    ],
    answers: [
      'それはサポート詐欺です。Microsoft のエラー メッセージに電話番号が表示されることはありません。絶対に電話しないでください。',
      'Ctrl+Shift+Esc でタスク マネージャーを開き、ブラウザーを終了してください。再起動後はタブを復元しないでください。',
      '電話も遠隔操作もしていなければ、何もインストールされていません。念のため閲覧履歴を削除しておきましょう。',
    ],
    solved: '解決済み',
    replies: '返信 {n} 件',
  },
};

const USERS = [
  'maria_k',
  'techdad72',
  'oldfox',
  'jkl_88',
  'sunnyside',
  'pc_helper',
  'gardenlover',
  'kenji_t',
];

/** Help-forum threads where someone describes a scam popup (its number included) and others explain it. */
export const forumFamily: FamilyTemplate = {
  family: 'legit/forum',
  label: 'legitimate',
  languages: ['en', 'fr', 'de', 'ja'],
  make(rng, language) {
    const text = FORUM[language]!;
    const name = rng.pick(text.names);
    const title = rng.pick(text.titles);
    const phone = tollFreeNumber(rng, language).display;
    const question = text.question.map((q) => escapeHtml(fill(q, { phone: rng.chance(0.7) ? phone : '…' })));
    const users = rng.sample(USERS, 5);
    const post = (user: string, body: string) =>
      `<div class="post" style="border:1px solid rgba(0,0,0,.12);padding:10px 14px;margin:10px 0"><p><strong>${escapeHtml(user)}</strong> · <small>${escapeHtml(localDate(rng, language))}</small></p>${body}</div>`;
    const answers = rng
      .sample(text.answers, rng.range(2, text.answers.length))
      .map((a, i) => post(users[i + 1]!, `<p>${escapeHtml(a)}</p>`));
    const badge = rng.chance(0.5) ? ` <small>[${escapeHtml(text.solved)}]</small>` : '';
    const main = `<h1>${escapeHtml(title)}${badge}</h1><p><small>${escapeHtml(fill(text.replies, { n: String(answers.length) }))}</small></p>${post(users[0]!, paragraphs(question))}${answers.join('\n')}`;
    return sitePageFrom(rng, language, { name, nav: text.nav, title: `${title} - ${name}`, main });
  },
};
