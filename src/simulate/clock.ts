/** "YYYY-MM-DD" of a day number since 1970-01-01 (Hinnant's civil-from-days; no Date allocation). */
export function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * ISO 8601 timestamps for simulated seconds, without a Date per call: the date part is computed
 * arithmetically and reused while consecutive calls fall on the same day.
 */
export class IsoClock {
  private dayStartMs = Number.NaN;
  private dayPrefix = '';

  /** A clock for a period starting at `startMs` (epoch milliseconds). */
  constructor(private readonly startMs: number) {}

  /** "2025-03-14T09:26:53Z" for `t` seconds after the period start (fractions dropped). */
  dateTime(t: number): string {
    const ms = this.startMs + Math.floor(t) * 1000;
    const day = Math.floor(ms / 86_400_000) * 86_400_000;
    if (day !== this.dayStartMs) {
      this.dayStartMs = day;
      this.dayPrefix = `${civilDate(day / 86_400_000)}T`;
    }
    const s = (ms - day) / 1000;
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    return `${this.dayPrefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}Z`;
  }

  /** "2025-03-14": the calendar day (UTC) of `t`. */
  date(t: number): string {
    return this.dateTime(t).slice(0, 10);
  }
}
