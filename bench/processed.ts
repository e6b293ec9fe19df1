/** One page of the triage queue over every processed report: its (capped) total and whether a row is there. */
async function triagePage(
  address: string,
  token: string,
  offset: number,
): Promise<{ total: number; totalCapped: boolean; rows: number }> {
  const res = await fetch(`${address}/api/triage?status=all&limit=1&offset=${offset}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET /api/triage: ${res.status} ${(await res.text()).slice(0, 200)}`);
  const page = (await res.json()) as { total: number; totalCapped: boolean; reports: unknown[] };
  return { total: page.total, totalCapped: page.totalCapped, rows: page.reports.length };
}

/**
 * Reports the worker has read (extractions saved), through the API, for benches whose store belongs to a
 * running server. Exact beyond the lists' 10,000 cap: past it, the last offset of the triage queue that
 * still holds a report is found by doubling, then bisection (a few dozen light requests).
 */
export async function processedReports(address: string, token: string): Promise<number> {
  const first = await triagePage(address, token, 0);
  if (!first.totalCapped) return first.total;
  const holds = async (offset: number) => (await triagePage(address, token, offset)).rows > 0;
  let lo = first.total; // a report at offset `lo` (the count is above the cap)
  let hi = lo * 2;
  while (await holds(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await holds(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}
