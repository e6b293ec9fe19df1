import { csvTable } from './feeds/csv.js';
import type { Dossier } from './types.js';

const money = (losses: Array<{ currency: string; value: number }>) =>
  losses.map((l) => `${l.value} ${l.currency}`).join('; ');

/** The referral package's tables: the same facts as the dossier, for the recipient's own tools. */
export function referralTables(d: Dossier): Record<string, string> {
  const byCountry = new Map<string, { victims: number; currency: string; total: number }>();
  for (const v of d.victims) {
    const losses = v.losses.length ? v.losses : [{ currency: '', value: 0 }];
    for (const l of losses) {
      const key = `${v.country ?? ''}\u0000${l.currency}`;
      const row = byCountry.get(key) ?? { victims: 0, currency: l.currency, total: 0 };
      row.victims += 1;
      row.total += l.value;
      byCountry.set(key, row);
    }
  }
  return {
    'operations.csv': csvTable(
      [
        'operation_id',
        'tlp',
        'priority',
        'reports',
        'first_seen',
        'last_seen',
        'channels',
        'brands',
        'payment_methods',
        'remote_tools',
        'victim_countries',
        'phone_countries',
        'losses',
      ],
      d.operations.map((o) => {
        const m = o.profile.modusOperandi;
        const names = (t: Array<{ value: string; count: number }>) =>
          t.map((x) => `${x.value} (${x.count})`).join('; ');
        return [
          o.id,
          o.tlp,
          o.priority.toFixed(1),
          o.reportCount,
          o.firstSeen,
          o.lastSeen,
          names(m.channels),
          names(m.brands),
          names(m.paymentMethods),
          names(m.remoteTools),
          names(o.profile.targets.victimCountries),
          names(o.profile.origin.phoneCountries),
          money(o.profile.lossesByCurrency),
        ];
      }),
    ),
    'indicators.csv': csvTable(
      ['operation_id', 'kind', 'value', 'report_count', 'first_seen', 'last_seen', 'expires_at'],
      d.operations.flatMap((o) =>
        o.indicators.map((i) => [o.id, i.kind, i.value, i.reportCount, i.firstSeen, i.lastSeen, i.expiresAt]),
      ),
    ),
    'evidence.csv': csvTable(
      ['operation_id', 'report', 'linked_to', 'kind', 'value', 'weight', 'reports_with_value', 'weak'],
      d.evidence.flatMap((e) =>
        e.links.flatMap((l) =>
          l.shared.map((s) => [
            e.operationId,
            l.from,
            l.to,
            s.kind,
            s.value,
            s.weight.toFixed(3),
            s.reportCount,
            l.weak,
          ]),
        ),
      ),
    ),
    'timeline.csv': csvTable(
      ['operation_id', 'day', 'reports', 'losses'],
      d.operations.flatMap((o) => o.daily.map((x) => [o.id, x.day, x.reports, money(x.losses)])),
    ),
    'victims.csv': csvTable(
      [
        'report_id',
        'external_id',
        'operation_id',
        'reported_at',
        'country',
        'age_band',
        'channel',
        'losses',
        'payment_methods',
        'consent_law_enforcement',
        'declaration_consent',
        'name',
        'email',
        'phone',
      ],
      d.victims.map((v) => [
        v.reportId,
        v.externalId,
        v.operationId,
        v.reportedAt,
        v.country,
        v.ageBand,
        v.channel,
        money(v.losses),
        v.paymentMethods.join('; '),
        v.consent.lawEnforcementContact,
        v.declaration?.consent,
        v.name,
        v.email,
        v.phone,
      ]),
    ),
    'losses-by-country.csv': csvTable(
      ['country', 'currency', 'victims', 'total'],
      [...byCountry.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, r]) => [key.split('\u0000')[0], r.currency, r.victims, Math.round(r.total * 100) / 100]),
    ),
    'captures.csv': csvTable(
      [
        'operation_id',
        'capture_id',
        'url',
        'final_url',
        'title',
        'captured_at',
        'verdict',
        'scam_probability',
        'screenshot_sha256',
      ],
      d.operations.flatMap((o) =>
        o.captures.map((c) => [
          o.id,
          c.id,
          c.url,
          c.finalUrl,
          c.title,
          c.capturedAt,
          c.verdict,
          c.scamProbability,
          c.screenshotSha256,
        ]),
      ),
    ),
  };
}
