/**
 * Reads an amount as people type it in their language: "1,250.50" (en), "1 250,50" (fr), "1.250,50"
 * (de), "¥12,000" (ja). Returns undefined when it is not a number.
 */
export function parseAmount(text: string, locale: string): number | undefined {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let s = text.replace(/[\s\u00a0\u202f'’]/g, '').replace(/[^\d.,-]/g, '');
  if (!/\d/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the later one separates the decimals.
    const dec = lastDot > lastComma ? '.' : ',';
    s = s.split(dec === '.' ? ',' : '.').join('');
    s = s.replace(dec, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const groups = s.split(sep);
    // One separator followed by exactly three digits is a thousands separator unless the language
    // writes decimals with it and only one occurs ("12,500" in en is 12500; "12,50" in fr is 12.5).
    const thousands =
      groups.length > 2 || (groups.at(-1)?.length === 3 && (sep !== decimal || groups.length > 2));
    s = thousands ? groups.join('') : groups.join('.');
  }
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
