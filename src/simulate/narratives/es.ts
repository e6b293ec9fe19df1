import { groupThousands, type Phrasebook } from './phrasebook.js';

/** Spanish phrasing (Spain, Mexico, Spanish speakers in the US). */
export const es: Phrasebook = {
  language: 'es',
  joiner: ' ',
  opening: {
    popup: [
      (f) =>
        `Me apareció una ventana en el ordenador diciendo que estaba bloqueado por ${f.brand}${f.errorCode ? ` (error ${f.errorCode})` : ''}${f.phone ? ` y que llamara urgentemente al ${f.phone}` : ''}.`,
      (f) =>
        `La pantalla se puso azul con una alarma y un mensaje de ${f.brand} de que tenía virus${f.phone ? `. Número de soporte: ${f.phone}` : ''}.`,
      (f) =>
        `Salió un aviso de seguridad de ${f.brand} que no se podía cerrar${f.url ? ` en ${f.url}` : ''}${f.phone ? `, llame al ${f.phone}` : ''}.`,
    ],
    search_ad: [
      (f) =>
        `Busqué en Google el soporte de ${f.brand} y entré en el primer anuncio${f.url ? ` (${f.url})` : ''}${f.phone ? ` que daba el teléfono ${f.phone}` : ''}.`,
    ],
    inbound_call: [
      (f) => `Llamé al ${f.phone ?? 'número'} pensando que era el servicio técnico de ${f.brand}.`,
    ],
    outbound_call: [
      (f) =>
        `Me llamó un hombre diciendo que era de ${f.brand} y que me habían hackeado el ordenador${f.phone ? `. El número que salía era ${f.phone}` : ''}.`,
      (f) =>
        `Llamada de un supuesto técnico de ${f.brand} por un reembolso${f.phone ? ` (${f.phone})` : ''}.`,
    ],
    email: [
      (f) =>
        `Recibí un correo con una factura de ${f.brand} por una renovación que nunca pedí${f.phone ? `, para cancelar había que llamar al ${f.phone}` : ''}.`,
    ],
    sms: [
      (f) =>
        `Me llegó un SMS diciendo que mi cuenta de ${f.brand} estaba comprometida${f.phone ? ` y que llamara al ${f.phone}` : ''}.`,
    ],
    social: [
      (f) =>
        `Por Facebook me escribió "Soporte ${f.brand}" diciendo que iban a borrar mi cuenta${f.phone ? `, llamar al ${f.phone}` : ''}.`,
    ],
    other: [
      (f) =>
        `Mi hija dice que fue una estafa. Empezó con algo de ${f.brand}${f.phone ? ` y el número ${f.phone}` : ''}.`,
    ],
  },
  phone: [(f) => `El número era ${f.phone}.`, (f) => `Teléfono: ${f.phone}`],
  url: [(f) => `La página era ${f.url}`, (f) => `Enlace: ${f.url}`],
  agent: [
    (f) => `El hombre dijo que se llamaba ${f.agent}.`,
    (f) => `Me atendió un "técnico" llamado ${f.agent}.`,
  ],
  company: [
    (f) => `Dijo que trabajaba para la empresa ${f.company}.`,
    (f) => `La factura era de ${f.company}.`,
  ],
  email: [(f) => `Me mandaron un recibo desde ${f.email}.`],
  tool: [
    (f) =>
      `Me pidió que descargara ${f.tool}${f.toolSite ? ` de ${f.toolSite}` : ''} y le diera el código, y tomó el control de mi ordenador.`,
    (f) => `Se conectaron a mi ordenador con ${f.tool}.`,
  ],
  pay: {
    gift_card: [
      (p) => `Me hizo comprar tarjetas ${p.giftBrand ?? 'regalo'} por ${p.amount} y leerle los códigos.`,
    ],
    credit_card: [
      (p) =>
        `Pagué ${p.amount} con tarjeta de crédito${p.merchant ? `; en el extracto aparece ${p.merchant}` : ''}.`,
    ],
    bank_transfer: [
      (p) =>
        `Hice una transferencia de ${p.amount}${p.iban ? ` al IBAN ${p.iban}` : p.account ? ` a la cuenta ${p.account}` : ''}${p.recipient ? ` a nombre de ${p.recipient}` : ''}.`,
    ],
    crypto: [
      (p) =>
        `Tuve que meter ${p.amount} en un cajero de bitcoin${p.wallet ? ` a la dirección ${p.wallet}` : ''}.`,
    ],
    p2p: [(p) => `Envié ${p.amount} por Bizum${p.handle ? ` a ${p.handle}` : ''}.`],
    cash: [(p) => `Envié ${p.amount} en efectivo por mensajería.`],
    check: [(p) => `Mandé un cheque de ${p.amount}.`],
    other: [(p) => `Pagué ${p.amount}.`],
  },
  noPay: [
    'No pagué nada y colgué.',
    'Cuando me pidieron tarjetas regalo me di cuenta de que era una estafa.',
  ],
  realSite: [
    (f) => `Después miré en ${f.realSite} y dicen que nunca ponen números de teléfono en los errores.`,
  ],
  realPhone: [(f) => `Llamé al número real de ${f.brand} ${f.realPhone} y me dijeron que era una estafa.`],
  closing: [
    'Tengo miedo de que sigan teniendo acceso a mi ordenador.',
    'Tengo 76 años y ahora me da miedo usar el ordenador.',
    'El banco me ha bloqueado la tarjeta.',
    '',
  ],
  otherScam: {
    romance: [
      (f) =>
        `Conocí a ${f.name} en una web de contactos. Me pidió ${f.amount} para la aduana. Compré tarjetas ${f.giftBrand} y luego envié bitcoin a ${f.wallet}.`,
    ],
    investment: [
      (f) =>
        `Invertí ${f.amount} en la plataforma ${f.url} por un anuncio con un famoso. No puedo retirar nada. Cartera: ${f.wallet}`,
    ],
    delivery: [
      (f) => `SMS del ${f.phone}: su paquete está retenido, pague en ${f.url}. Me cobraron ${f.amount}.`,
    ],
  },
  noise: [
    'prueba',
    '¿Cómo actualizo Windows?',
    'Mi impresora no funciona.',
    'hola',
    'Por favor borren mis datos.',
  ],
  money: (amount, currency) =>
    currency === 'EUR'
      ? `${groupThousands(amount, '.')} €`
      : currency === 'MXN'
        ? `$${groupThousands(amount, ',')} pesos`
        : `${groupThousands(amount, '.')} dólares`,
  names: {
    given: [
      'María',
      'José',
      'Carmen',
      'Antonio',
      'Dolores',
      'Manuel',
      'Pilar',
      'Francisco',
      'Isabel',
      'Juan',
    ],
    family: [
      'García',
      'Fernández',
      'González',
      'Rodríguez',
      'López',
      'Martínez',
      'Sánchez',
      'Pérez',
      'Gómez',
      'Martín',
    ],
    familyFirst: false,
  },
};
