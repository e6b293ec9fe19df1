import { groupThousands, type Phrasebook } from './phrasebook.js';

/** Japanese phrasing (Japan: sapport-sagi, warnings while browsing, 0120 and 050 numbers). */
export const ja: Phrasebook = {
  language: 'ja',
  joiner: '',
  opening: {
    popup: [
      (f) =>
        `インターネットを見ていたら突然警告音が鳴り、「${f.brand}のセキュリティ警告」という画面が出ました${f.errorCode ? `（エラーコード ${f.errorCode}）` : ''}。${f.phone ? `画面に表示された${f.phone}に電話しました。` : ''}`,
      (f) =>
        `パソコンの画面が青くなり、ウイルスに感染したと表示されました。${f.brand}サポートと書いてありました。${f.phone ? `電話番号は${f.phone}でした。` : ''}`,
      (f) =>
        `「${f.brand} Defender 警告」という画面が閉じられなくなりました${f.url ? `（${f.url}）` : ''}。${f.phone ? `サポート窓口 ${f.phone} と書いてありました。` : ''}`,
    ],
    search_ad: [
      (f) =>
        `${f.brand}のサポートをGoogleで検索して一番上の広告をクリックしました${f.url ? `（${f.url}）` : ''}。${f.phone ? `そこに${f.phone}と書いてありました。` : ''}`,
    ],
    inbound_call: [(f) => `${f.brand}のサポートだと思って${f.phone ?? 'その番号'}に電話しました。`],
    outbound_call: [
      (f) =>
        `${f.brand}の者だという外国なまりの男性から電話があり、パソコンがハッキングされていると言われました。${f.phone ? `着信番号は${f.phone}でした。` : ''}`,
    ],
    email: [
      (f) =>
        `${f.brand}から身に覚えのない更新料の請求メールが届きました。${f.phone ? `キャンセルは${f.phone}まで、とありました。` : ''}`,
    ],
    sms: [
      (f) =>
        `${f.brand}アカウントが不正アクセスされたというSMSが届きました。${f.phone ? `${f.phone}に電話するように書いてありました。` : ''}`,
    ],
    social: [
      (f) =>
        `SNSで「${f.brand}サポート」からメッセージが来ました。${f.phone ? `${f.phone}に連絡するよう言われました。` : ''}`,
    ],
    other: [
      (f) =>
        `息子に詐欺だと言われました。${f.brand}を名乗っていました。${f.phone ? `番号は${f.phone}です。` : ''}`,
    ],
  },
  phone: [(f) => `電話番号は${f.phone}です。`, (f) => `相手の番号：${f.phone}`],
  url: [(f) => `表示されたサイトは${f.url}です。`, (f) => `URL：${f.url}`],
  agent: [(f) => `対応した男性は${f.agent}と名乗りました。`, (f) => `「${f.agent}」という技術者が出ました。`],
  company: [(f) => `会社名は${f.company}だと言っていました。`, (f) => `請求書は${f.company}からでした。`],
  email: [(f) => `${f.email}から領収書が送られてきました。`],
  tool: [
    (f) =>
      `${f.toolSite ? `${f.toolSite}から` : ''}${f.tool}をインストールするように言われ、番号を伝えると遠隔操作されました。`,
    (f) => `${f.tool}でパソコンを遠隔操作されました。`,
  ],
  pay: {
    gift_card: [
      (p) =>
        `コンビニで${p.giftBrand ?? 'ギフト'}カードを${p.amount}分買って、裏の番号を伝えるように言われました。`,
    ],
    credit_card: [
      (p) =>
        `サポート料金として${p.amount}をクレジットカードで支払いました。${p.merchant ? `明細には${p.merchant}と出ています。` : ''}`,
    ],
    bank_transfer: [
      (p) =>
        `${p.amount}を振り込みました。${p.recipient ? `振込先は${p.recipient}、` : ''}${p.account ? `口座番号${p.account}です。` : p.iban ? `IBAN ${p.iban}です。` : ''}`,
    ],
    crypto: [
      (p) => `${p.amount}分の暗号資産を送金させられました。${p.wallet ? `アドレスは${p.wallet}です。` : ''}`,
    ],
    p2p: [(p) => `PayPayで${p.amount}を送りました。${p.handle ? `送り先は${p.handle}です。` : ''}`],
    cash: [(p) => `現金${p.amount}を郵送しました。`],
    check: [(p) => `${p.amount}の小切手を送りました。`],
    other: [(p) => `${p.amount}を支払いました。`],
  },
  noPay: ['お金は払わずに電話を切りました。', '電子マネーを買うように言われて詐欺だと気づきました。'],
  realSite: [(f) => `後で${f.realSite}を見たら、エラー画面に電話番号が出ることはないと書いてありました。`],
  realPhone: [(f) => `本物の${f.brand}の窓口（${f.realPhone}）に電話したら詐欺だと言われました。`],
  closing: [
    'まだパソコンを操作されているのではないかと心配です。',
    'もうパソコンを使うのが怖いです。',
    'カードは止めてもらいました。',
    '',
  ],
  otherScam: {
    romance: [
      (f) =>
        `マッチングアプリで知り合った${f.name}さんに関税の支払いとして${f.amount}を頼まれ、${f.giftBrand}カードを買い、その後${f.wallet}にビットコインを送りました。`,
    ],
    investment: [
      (f) =>
        `有名人の広告を見て投資サイト${f.url}に${f.amount}を入金しましたが出金できません。入金アドレス：${f.wallet}`,
    ],
    delivery: [
      (f) =>
        `${f.phone}から「お荷物のお届けにあがりましたが不在のため持ち帰りました」というSMSが来て、${f.url}でカード情報を入力し${f.amount}を引き落とされました。`,
    ],
  },
  noise: [
    'テスト',
    'Windowsの更新方法を教えてください。',
    'プリンターが動きません。',
    'こんにちは',
    '迷惑メールが多くて困っています。',
  ],
  money: (amount, currency) =>
    currency === 'JPY' ? `${groupThousands(amount, ',')}円` : `${groupThousands(amount, ',')}ドル`,
  names: {
    given: ['和子', '健一', '幸子', '弘', '洋子', '清', '恵子', '茂', '節子', '勇'],
    family: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'],
    familyFirst: true,
  },
};
