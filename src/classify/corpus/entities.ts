/** Named character references of HTML: Latin-1 in code-point order from U+00A0, then the common others. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );

const OTHER_NAMES: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  fnof: 402,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  minus: 8722,
  le: 8804,
  ge: 8805,
  ne: 8800,
  check: 10003,
  cross: 10007,
};

const NAMED = new Map<string, string>();
LATIN1_NAMES.forEach((name, i) => {
  NAMED.set(name, String.fromCodePoint(0xa0 + i));
});
for (const [name, code] of Object.entries(OTHER_NAMES)) NAMED.set(name, String.fromCodePoint(code));

/** Windows-1252 meanings of numeric references in 0x80–0x9F, as browsers apply them. */
const C1_REMAP: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  132: 0x201e,
  133: 0x2026,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  150: 0x2013,
  151: 0x2014,
  153: 0x2122,
};

/** Decodes HTML character references: named (common set), decimal and hexadecimal. Unknown ones stay. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      let code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      code = C1_REMAP[code] ?? code;
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return '\ufffd';
      }
      return String.fromCodePoint(code);
    }
    const named = NAMED.get(ref);
    if (named === undefined) return whole;
    return whole.endsWith(';') || ['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg'].includes(ref)
      ? named
      : whole;
  });
}
