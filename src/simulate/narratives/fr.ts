import { groupThousands, type Phrasebook } from './phrasebook.js';

/** French phrasing (France, Belgium, Switzerland, Quebec). */
export const fr: Phrasebook = {
  language: 'fr',
  joiner: ' ',
  opening: {
    popup: [
      (f) =>
        `Une fenêtre s'est ouverte sur mon ordinateur disant qu'il était bloqué par ${f.brand}${f.errorCode ? ` (erreur ${f.errorCode})` : ''}${f.phone ? ` et qu'il fallait appeler immédiatement le ${f.phone}` : ''}.`,
      (f) =>
        `Mon écran est devenu bleu avec une voix qui disait que mon ordinateur était infecté, message de ${f.brand}${f.phone ? `, numéro à appeler : ${f.phone}` : ''}.`,
      (f) =>
        `Alerte de sécurité ${f.brand} en plein écran, impossible de fermer la page${f.url ? ` ${f.url}` : ''}${f.phone ? `. Appelez le support au ${f.phone}` : ''}.`,
    ],
    search_ad: [
      (f) =>
        `J'ai cherché l'assistance ${f.brand} sur Google et j'ai cliqué sur le premier lien${f.url ? ` (${f.url})` : ''}${f.phone ? ` qui donnait le ${f.phone}` : ''}.`,
    ],
    inbound_call: [
      (f) => `J'ai appelé le ${f.phone ?? 'numéro'} que je croyais être le service technique de ${f.brand}.`,
      (f) =>
        `J'ai téléphoné à ce que je pensais être le support ${f.brand}${f.phone ? ` au ${f.phone}` : ''}.`,
    ],
    outbound_call: [
      (f) =>
        `Un homme avec un fort accent m'a appelée en disant qu'il travaillait pour ${f.brand} et que mon ordinateur avait été piraté${f.phone ? `. Le numéro affiché était le ${f.phone}` : ''}.`,
      (f) =>
        `Appel d'un soi-disant technicien ${f.brand} au sujet d'un remboursement${f.phone ? ` (${f.phone})` : ''}.`,
    ],
    email: [
      (f) =>
        `J'ai reçu un courriel de ${f.brand} avec une facture de renouvellement que je n'ai jamais commandée${f.phone ? `, avec un numéro pour annuler : ${f.phone}` : ''}.`,
    ],
    sms: [
      (f) =>
        `J'ai reçu un SMS disant que mon compte ${f.brand} était piraté${f.phone ? ` et qu'il fallait appeler le ${f.phone}` : ''}.`,
    ],
    social: [
      (f) =>
        `Un message Facebook du « support ${f.brand} » m'a dit que mon compte allait être supprimé${f.phone ? `, appeler le ${f.phone}` : ''}.`,
    ],
    other: [
      (f) =>
        `Mon fils pense que c'est une arnaque. Ça a commencé avec ${f.brand}${f.phone ? ` et le numéro ${f.phone}` : ''}.`,
    ],
  },
  phone: [
    (f) => `Le numéro était le ${f.phone}.`,
    (f) => `Numéro de téléphone : ${f.phone}`,
    (f) => `Ils m'ont rappelée depuis le ${f.phone}.`,
  ],
  url: [(f) => `Le site : ${f.url}`, (f) => `La page venait de ${f.url}.`],
  agent: [
    (f) => `L'homme a dit s'appeler ${f.agent}.`,
    (f) => `Un « technicien certifié » nommé ${f.agent} a pris le relais.`,
  ],
  company: [
    (f) => `Il a dit travailler pour la société ${f.company}.`,
    (f) => `La facture venait de ${f.company}.`,
  ],
  email: [(f) => `Ils m'ont envoyé un reçu depuis ${f.email}.`],
  tool: [
    (f) =>
      `Il m'a demandé de télécharger ${f.tool}${f.toolSite ? ` sur ${f.toolSite}` : ''} et de lui donner le code, puis il a pris le contrôle de ma souris.`,
    (f) => `Ils se sont connectés à mon ordinateur avec ${f.tool}.`,
  ],
  pay: {
    gift_card: [
      (p) =>
        `Il m'a fait acheter des cartes ${p.giftBrand ?? 'cadeaux'} au bureau de tabac pour ${p.amount} et lui lire les codes.`,
      (p) => `J'ai payé ${p.amount} en coupons ${p.giftBrand ?? ''}.`,
    ],
    credit_card: [
      (p) =>
        `J'ai payé ${p.amount} par carte bancaire pour un « contrat de maintenance à vie »${p.merchant ? `. Sur mon relevé : ${p.merchant}` : ''}.`,
    ],
    bank_transfer: [
      (p) =>
        `Ils m'ont fait faire un virement de ${p.amount}${p.iban ? ` vers l'IBAN ${p.iban}` : p.account ? ` sur le compte ${p.account}` : ''}${p.recipient ? ` au nom de ${p.recipient}` : ''}.`,
    ],
    crypto: [
      (p) =>
        `J'ai dû acheter du bitcoin pour ${p.amount}${p.wallet ? ` et l'envoyer à l'adresse ${p.wallet}` : ''}.`,
    ],
    p2p: [(p) => `J'ai envoyé ${p.amount} via PayPal${p.handle ? ` à ${p.handle}` : ''}.`],
    cash: [(p) => `J'ai envoyé ${p.amount} en espèces par la poste.`],
    check: [
      (p) => `J'ai envoyé un chèque de ${p.amount}${p.recipient ? ` à l'ordre de ${p.recipient}` : ''}.`,
    ],
    other: [(p) => `J'ai payé ${p.amount}.`],
  },
  noPay: [
    "Je n'ai rien payé et j'ai raccroché.",
    "Quand ils ont demandé des coupons PCS j'ai compris que c'était une arnaque.",
  ],
  realSite: [
    (f) => `Ensuite j'ai vérifié sur ${f.realSite} : ils n'affichent jamais de numéro de téléphone.`,
  ],
  realPhone: [(f) => `J'ai appelé le vrai numéro de ${f.brand} (${f.realPhone}) qui m'a confirmé l'arnaque.`],
  closing: [
    "J'ai peur qu'ils aient encore accès à mon ordinateur.",
    "J'ai 81 ans et je n'ose plus allumer mon ordinateur.",
    'Ma banque a fait opposition sur ma carte.',
    '',
  ],
  otherScam: {
    romance: [
      (f) =>
        `J'ai rencontré ${f.name} sur un site de rencontre. Il m'a demandé ${f.amount} pour des frais de douane. J'ai acheté des cartes ${f.giftBrand} puis envoyé des bitcoins à ${f.wallet}.`,
    ],
    investment: [
      (f) =>
        `J'ai investi ${f.amount} sur la plateforme ${f.url} après une publicité avec une célébrité. Impossible de retirer mon argent. Portefeuille de dépôt : ${f.wallet}`,
    ],
    delivery: [
      (f) =>
        `SMS du ${f.phone} : votre colis est en attente, payez les frais sur ${f.url}. Ils ont prélevé ${f.amount}.`,
    ],
  },
  noise: [
    'test',
    'Comment mettre à jour Windows ? Mon ordinateur est très lent.',
    "Je reçois des appels publicitaires pour l'isolation à 1 euro.",
    'bonjour',
    'Mon imprimante ne marche plus.',
  ],
  money: (amount, currency) =>
    currency === 'EUR'
      ? `${groupThousands(amount, '\u202f')} €`
      : currency === 'CHF'
        ? `${groupThousands(amount, '\u202f')} CHF`
        : `${groupThousands(amount, '\u202f')} $`,
  names: {
    given: [
      'Jacqueline',
      'Michel',
      'Monique',
      'Jean',
      'Françoise',
      'Pierre',
      'Nicole',
      'André',
      'Danielle',
      'Bernard',
    ],
    family: [
      'Martin',
      'Bernard',
      'Dubois',
      'Thomas',
      'Robert',
      'Richard',
      'Petit',
      'Durand',
      'Leroy',
      'Moreau',
    ],
    familyFirst: false,
  },
};
