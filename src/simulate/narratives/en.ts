import { groupThousands, type Phrasebook } from './phrasebook.js';

const SYMBOL: Record<string, string> = {
  USD: '$',
  CAD: 'CA$',
  AUD: 'A$',
  GBP: '£',
  EUR: '€',
  MXN: 'MX$',
  CHF: 'CHF ',
};

/** English phrasing (US, UK, Canada, Australia, Ireland). */
export const en: Phrasebook = {
  language: 'en',
  joiner: ' ',
  opening: {
    popup: [
      (f) =>
        `A pop-up came up on my laptop saying my computer was locked by ${f.brand}${f.errorCode ? ` with error ${f.errorCode}` : ''}${f.phone ? ` and I had to call ${f.phone} immediately` : ''}.`,
      (f) =>
        `While I was reading the news my screen went blue and a loud voice said my ${f.brand} license had expired and hackers were stealing my data${f.phone ? `. It said call ${f.phone} toll free` : ''}.`,
      (f) =>
        `I got a warning on my screen "${f.brand} Security Alert - do not restart your computer"${f.url ? ` on the site ${f.url}` : ''}${f.phone ? `, call support at ${f.phone}` : ''}.`,
      (f) =>
        `my computer froze with a message from ${f.brand} defender${f.phone ? ` saying to ring ${f.phone}` : ''}. i could not close it.`,
    ],
    search_ad: [
      (f) =>
        `I searched Google for ${f.brand} support because my email stopped working and clicked the first result${f.url ? ` (${f.url})` : ''}${f.phone ? `, which gave the number ${f.phone}` : ''}.`,
      (f) =>
        `I needed help with my printer and found a ${f.brand} help line online${f.phone ? ` - ${f.phone}` : ''}. It looked official.`,
    ],
    inbound_call: [
      (f) => `I called ${f.phone ?? 'a number'} which I believed was ${f.brand} technical support.`,
      (f) =>
        `I rang what I thought was the ${f.brand} helpline${f.phone ? ` on ${f.phone}` : ''} about a problem with my account.`,
    ],
    outbound_call: [
      (f) =>
        `A man with a strong accent called me saying he was from ${f.brand} and that my IP address had been hacked${f.phone ? `. The caller ID showed ${f.phone}` : ''}.`,
      (f) =>
        `I received a call from "${f.brand} technical department" telling me my computer was sending out viruses${f.phone ? `. He said I could call back on ${f.phone}` : ''}.`,
      (f) =>
        `Cold call from someone claiming to be ${f.brand} about a refund I was owed${f.phone ? ` (${f.phone})` : ''}.`,
    ],
    email: [
      (f) =>
        `I got an email invoice from ${f.brand} for an automatic renewal I never ordered${f.phone ? `, with a number to call to cancel: ${f.phone}` : ''}.`,
      (f) =>
        `Received an email saying my ${f.brand} subscription was renewed and my card would be charged${f.phone ? `. To dispute it call ${f.phone}` : ''}.`,
    ],
    sms: [
      (f) =>
        `I got a text message saying my ${f.brand} account had been compromised${f.phone ? ` and to call ${f.phone}` : ''}.`,
    ],
    social: [
      (f) =>
        `Someone on Facebook Messenger from "${f.brand} Support" told me my account would be deleted${f.phone ? ` unless I called ${f.phone}` : ''}.`,
    ],
    other: [
      (f) =>
        `My grandson says this was a scam. It started with something about ${f.brand}${f.phone ? ` and the number ${f.phone}` : ''}.`,
    ],
  },
  phone: [
    (f) => `The number was ${f.phone}.`,
    (f) => `Phone number they gave: ${f.phone}`,
    (f) => `They called me back later from ${f.phone}.`,
  ],
  url: [
    (f) => `The website was ${f.url}`,
    (f) => `It came from this page: ${f.url}.`,
    (f) => `Link: ${f.url}`,
  ],
  agent: [
    (f) => `The man said his name was ${f.agent}.`,
    (f) => `A "senior technician" called ${f.agent} took over.`,
    (f) => `I spoke to ${f.agent}.`,
  ],
  company: [
    (f) => `He said they were a certified partner called ${f.company}.`,
    (f) => `The invoice was from ${f.company}.`,
    (f) => `Company name: ${f.company}`,
  ],
  email: [(f) => `They sent me a receipt from ${f.email}.`, (f) => `Their email is ${f.email}`],
  tool: [
    (f) =>
      `He asked me to download ${f.tool}${f.toolSite ? ` from ${f.toolSite}` : ''} and read him the code, then he controlled my mouse.`,
    (f) => `They connected to my computer with ${f.tool} and showed me "hackers" in the event viewer.`,
    (f) => `I installed ${f.tool} like he asked.`,
  ],
  pay: {
    gift_card: [
      (p) =>
        `He told me to go to Walgreens and buy ${p.giftBrand ?? 'gift'} cards worth ${p.amount} and read him the numbers on the back.`,
      (p) => `I paid ${p.amount} in ${p.giftBrand ?? ''} gift cards.`,
    ],
    credit_card: [
      (p) =>
        `I paid ${p.amount} by credit card for a "lifetime protection plan"${p.merchant ? `. On my statement it shows as ${p.merchant}` : ''}.`,
      (p) => `They charged my Visa ${p.amount}${p.merchant ? ` (merchant: ${p.merchant})` : ''}.`,
    ],
    bank_transfer: [
      (p) =>
        `They said they refunded me too much by mistake and I had to wire back ${p.amount}${p.iban ? ` to IBAN ${p.iban}` : p.account ? ` to account ${p.account}` : ''}${p.recipient ? ` in the name of ${p.recipient}` : ''}.`,
      (p) =>
        `I did a bank transfer of ${p.amount}${p.recipient ? ` to ${p.recipient}` : ''}${p.iban ? `, IBAN ${p.iban}` : p.account ? `, account no. ${p.account}` : ''}.`,
    ],
    crypto: [
      (p) =>
        `He made me withdraw ${p.amount} and put it in a Bitcoin ATM${p.wallet ? `, scanning a QR code for ${p.wallet}` : ''}.`,
      (p) => `I sent ${p.amount} in crypto${p.wallet ? ` to wallet ${p.wallet}` : ''}.`,
    ],
    p2p: [
      (p) => `I sent ${p.amount} by Zelle${p.handle ? ` to ${p.handle}` : ''}.`,
      (p) => `Paid ${p.amount} through Cash App${p.handle ? ` (${p.handle})` : ''}.`,
    ],
    cash: [(p) => `They had me mail ${p.amount} in cash hidden inside a magazine by FedEx.`],
    check: [(p) => `I mailed a check for ${p.amount}${p.recipient ? ` made out to ${p.recipient}` : ''}.`],
    other: [(p) => `I paid ${p.amount}.`],
  },
  noPay: [
    "I didn't pay anything and hung up.",
    'When they asked for gift cards I realised it was a scam and ended the call.',
    'I did not give them any money.',
  ],
  realSite: [
    (f) => `Afterwards I checked ${f.realSite} and it says they never show phone numbers in error messages.`,
    (f) => `I thought it was real because the page looked like ${f.realSite}.`,
  ],
  realPhone: [
    (f) => `I then called the real ${f.brand} number ${f.realPhone} and they told me it was a scam.`,
  ],
  closing: [
    "I'm worried they still have access to my computer.",
    'Please do something about these people.',
    'I am 78 years old and I am scared to use the computer now.',
    'My bank has frozen my card.',
    'I feel so stupid.',
    '',
  ],
  otherScam: {
    romance: [
      (f) =>
        `I met ${f.name} on a dating site. After two months he said he was stuck on an oil rig and needed ${f.amount} for customs fees. I bought ${f.giftBrand} cards and later sent bitcoin to ${f.wallet}.`,
      (f) =>
        `Man calling himself ${f.name} on Facebook asked me for money for a plane ticket to visit me. I sent ${f.amount}. His number is ${f.phone}.`,
    ],
    investment: [
      (f) =>
        `I invested ${f.amount} on a crypto trading platform ${f.url} after an ad with a celebrity. Now they want a "tax" before I can withdraw. Deposit wallet ${f.wallet}.`,
      (f) =>
        `A WhatsApp group "VIP trading signals" led me to ${f.url}. I deposited ${f.amount} and cannot get it back.`,
    ],
    delivery: [
      (f) =>
        `Text message: your parcel is held, pay a redelivery fee at ${f.url}. I entered my card details and they took ${f.amount}.`,
      (f) => `Got an SMS from ${f.phone} about a package from USPS with link ${f.url}`,
    ],
  },
  noise: [
    'test',
    'How do I update Windows 11? My computer is very slow.',
    'I keep getting calls about my car warranty.',
    'Congratulations you have won a $1000 Walmart gift card click here',
    'my printer wont print anything, please help',
    'Is this the right place to report a lost wallet?',
    'asdfgh',
    'I forgot my Microsoft account password, how do I reset it?',
    'Please remove my email from your list.',
    'Great website, thanks for the advice.',
  ],
  money: (amount, currency) =>
    currency === 'JPY'
      ? `¥${groupThousands(amount, ',')}`
      : `${SYMBOL[currency] ?? `${currency} `}${groupThousands(amount, ',')}`,
  names: {
    given: [
      'Mary',
      'Robert',
      'Linda',
      'James',
      'Patricia',
      'John',
      'Barbara',
      'William',
      'Susan',
      'Richard',
      'Margaret',
      'Donald',
      'Carol',
      'George',
      'Joan',
    ],
    family: [
      'Smith',
      'Johnson',
      'Williams',
      'Brown',
      'Jones',
      'Miller',
      'Davis',
      'Wilson',
      'Taylor',
      'Anderson',
      'Thomas',
      'Moore',
      'Clark',
      'Walker',
      'Hall',
    ],
    familyFirst: false,
  },
};
