/** The reference a victim writes down: the report id's last 8 characters, upper-case, in two groups. */
export function referenceOf(id: string): string {
  const tail = id
    .replace(/[^0-9a-z]/gi, '')
    .slice(-8)
    .toUpperCase();
  return tail.length > 4 ? `${tail.slice(0, 4)}-${tail.slice(4)}` : tail;
}
