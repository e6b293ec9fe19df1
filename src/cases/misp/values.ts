/** MISP keeps a value in a TEXT column (64 KiB); 8 192 characters stay under it in any encoding. */
export const MAX_VALUE_LENGTH = 8192;

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_RUNS = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * The value as it can go into MISP exactly, or null. Values are attacker-controlled: one that is not
 * well-formed Unicode, holds control characters or is too long is dropped, never altered — an altered
 * indicator would point at something nobody reported.
 */
export function exactValue(value: string): string | null {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) return null;
  if (!value.isWellFormed() || CONTROL.test(value) || value.trim() !== value) return null;
  return value;
}

/** Free text we write around values (comments, summaries, the event's title): well-formed, one line, capped. */
export function freeText(text: string, max = 4000): string {
  const clean = text.toWellFormed().replace(CONTROL_RUNS, ' ').trim();
  if (clean.length <= max) return clean;
  // Never cut between the two halves of a surrogate pair (an emoji): that would leave a lone surrogate.
  const cut = clean.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
