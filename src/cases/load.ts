import { type Kysely, sql } from 'kysely';
import type { Tlp } from '../core/tlp.js';
import { evidenceTree } from '../link/explain.js';
import { linkContext } from '../operations/explain.js';
import { operationGeography } from '../operations/geography.js';
import { loadDecisions } from '../operations/load.js';
import { operationDetail, operationIndicators } from '../operations/queries.js';
import { suppressionFor } from '../operations/suppress.js';
import { operationDaily } from '../operations/timeline.js';
import { decayModel, freshness } from '../score/decay.js';
import type { Profile } from '../score/profile.js';
import type { Database } from '../store/schema.js';
import { getCase } from './cases.js';
import { markingsOf, readableBy } from './markings.js';
import type { Dossier, DossierVictim, EvidenceLink, SharedOperation } from './types.js';
import { currentOperationIds, toVictim, victimRows } from './victims.js';

/** An operation's indicators beyond this many (the most reported first) are left out of exports. */
export const MAX_SHARED_INDICATORS = 10_000;
/** Crawled pages per operation in an export (the latest). */
const MAX_CAPTURES = 100;

const EMPTY_PROFILE: Profile = {
  modusOperandi: { channels: [], brands: [], paymentMethods: [], remoteTools: [], languages: [] },
  origin: { phoneCountries: [], bankCountries: [], hosting: [] },
  targets: { victimCountries: [] },
  activePeriod: { first: null, last: null },
  lossesByCurrency: [],
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Operations as every export sees them (no victim's personal data), in the order asked. */
export async function loadSharedOperations(
  db: Kysely<Database>,
  ids: string[],
  now: Date,
): Promise<SharedOperation[]> {
  const marks = await markingsOf(db, ids);
  const out: SharedOperation[] = [];
  for (const id of ids) {
    const op = await operationDetail(db, id);
    const indicators = await operationIndicators(db, id, MAX_SHARED_INDICATORS, 0, now);
    const captures = await db
      .selectFrom('crawlCaptures')
      .select([
        'id',
        'url',
        'finalUrl',
        'title',
        'finishedAt',
        'verdict',
        'scamProbability',
        'screenshotSha256',
      ])
      .where('operationId', '=', id)
      .where('error', 'is', null)
      .orderBy('finishedAt', 'desc')
      .limit(MAX_CAPTURES)
      .execute();
    const profile = (op.summary as { profile?: Profile }).profile ?? EMPTY_PROFILE;
    out.push({
      id,
      tlp: marks.get(id)!,
      priority: op.priority,
      reportCount: op.reportCount,
      firstSeen: iso(op.firstSeen),
      lastSeen: iso(op.lastSeen),
      profile,
      // The last digits of a card are the victim's card, not the operation's: never shared.
      indicators: indicators
        .filter((i) => i.kind !== 'card_last4')
        .map((i) => ({
          kind: i.kind,
          value: i.value,
          reportCount: i.reportCount,
          firstSeen: i.firstSeen.toISOString(),
          lastSeen: i.lastSeen.toISOString(),
          expiresAt: i.expiresAt.toISOString(),
          decay: i.decay,
        })),
      daily: await operationDaily(db, id),
      geography: await operationGeography(db, id),
      captures: captures.map((c) => ({
        id: c.id,
        url: c.url,
        finalUrl: c.finalUrl,
        title: c.title,
        capturedAt: c.finishedAt.toISOString(),
        verdict: c.verdict,
        scamProbability: c.scamProbability,
        screenshotSha256: c.screenshotSha256,
      })),
    });
  }
  return out;
}

/** The operations with the highest priority that a reader with `ceiling` may read. */
export async function topOperationIds(db: Kysely<Database>, limit: number, ceiling: Tlp): Promise<string[]> {
  const rows = await db
    .selectFrom('operations')
    .select('id')
    .where(readableBy(ceiling))
    .orderBy('priority', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The evidence chain of an operation: one explained step per report, from its first report. */
async function evidenceOf(
  db: Kysely<Database>,
  operationId: string,
  maxLinks: number,
  suppress: ReturnType<typeof suppressionFor>,
): Promise<{ links: EvidenceLink[]; linksTruncated: boolean }> {
  const root = await sql<{ id: string }>`
    SELECT r.id FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    WHERE ro.operation_id = ${operationId}
    ORDER BY coalesce(r.submitted_at, r.received_at), r.id LIMIT 1`.execute(db);
  const rootId = root.rows[0]?.id;
  if (!rootId) return { links: [], linksTruncated: false };
  const { reports, facts, threshold } = await linkContext(db, operationId, suppress, [rootId]);
  const tree = evidenceTree(reports, rootId, facts, threshold, maxLinks);
  return { links: tree.steps, linksTruncated: tree.truncated };
}

/**
 * Victims and evidence steps a package carries (the newest victims; the first steps of the tree): the CSVs
 * hold them all up to here, the PDF prints fewer (src/cases/pdf/limits.ts) and says how many it left out.
 */
export const MAX_VICTIMS = 50_000;
export const MAX_LINKS = 50_000;

/** What goes into a referral package, and who it is for. */
export interface DossierOptions {
  recipient: string;
  /** The recipient may see victims' personal data (still only of victims who consented to contact). */
  personalData: boolean;
  now: Date;
  maxVictims?: number;
  maxLinks?: number;
}

/** Everything a case's referral package is made of, read from the store. */
export async function loadDossier(db: Kysely<Database>, caseId: string, o: DossierOptions): Promise<Dossier> {
  const c = await getCase(db, caseId);
  const ids = await currentOperationIds(db, caseId);
  const operations = await loadSharedOperations(db, ids, o.now);
  const suppress = suppressionFor(await loadDecisions(db));
  const evidence = [];
  for (const id of ids)
    evidence.push({ operationId: id, ...(await evidenceOf(db, id, o.maxLinks ?? MAX_LINKS, suppress)) });
  const rows = ids.length ? await victimRows(db, caseId, ids, o.maxVictims ?? MAX_VICTIMS, 0) : [];
  const victims: DossierVictim[] = rows.map((r) => {
    const v = toVictim(r, o.personalData);
    return {
      reportId: v.reportId,
      externalId: v.externalId,
      operationId: v.operationId,
      reportedAt: v.reportedAt.toISOString(),
      country: v.country,
      ageBand: v.ageBand,
      channel: v.channel,
      losses: v.losses,
      paymentMethods: v.paymentMethods,
      narrative: v.narrative,
      name: v.contact?.name ?? null,
      email: v.contact?.email ?? null,
      phone: v.contact?.phone ?? null,
      consent: v.consent,
      declaration: v.declaration
        ? {
            text: v.declaration.text,
            consent: v.declaration.consent,
            takenAt: v.declaration.takenAt.toISOString(),
          }
        : null,
    };
  });
  return {
    case: {
      id: c.id,
      reference: c.reference,
      title: c.title,
      status: c.status,
      tlp: c.tlp as Tlp,
      agency: c.agency,
      jurisdictions: c.jurisdictions,
      assignee: c.assignee?.name ?? null,
      createdAt: c.createdAt.toISOString(),
      summary: c.summary,
      events: c.entries.map((e) => ({
        at: (e.occurredAt ?? e.createdAt).toISOString(),
        kind: e.subtype ? `${e.kind}: ${e.subtype}` : e.kind,
        text: [e.target, e.body, e.quantity !== null ? `×${e.quantity}` : null, e.state]
          .filter(Boolean)
          .join(' — '),
      })),
    },
    generatedAt: o.now.toISOString(),
    recipient: { name: o.recipient, personalData: o.personalData },
    operations,
    evidence,
    victims,
  };
}

/**
 * The operations behind a blocklist feed, light: each with only its values of `kind` last seen within the
 * kind's lifetime (older ones have expired), as written with the operations' summaries, within `ceiling`.
 */
export async function loadFeedOperations(
  db: Kysely<Database>,
  kind: string,
  ceiling: Tlp,
  now: Date,
  minReports: number,
): Promise<SharedOperation[]> {
  const since = new Date(now.getTime() - decayModel(kind).lifetimeDays * 86_400_000);
  const rows = await db
    .selectFrom('operationIndicators as oi')
    .select(['oi.operationId', 'oi.value', 'oi.reportCount', 'oi.firstSeen', 'oi.lastSeen'])
    .where('oi.kind', '=', kind)
    .where('oi.lastSeen', '>', since)
    .where('oi.reportCount', '>=', minReports)
    .where(readableBy(ceiling, 'oi.operation_id'))
    .execute();
  const ids = [...new Set(rows.map((r) => r.operationId))];
  const marks = await markingsOf(db, ids);
  const ops = new Map<string, SharedOperation>();
  for (const r of rows) {
    let op = ops.get(r.operationId);
    if (!op) {
      op = {
        id: r.operationId,
        tlp: marks.get(r.operationId)!,
        priority: 0,
        reportCount: 0,
        firstSeen: null,
        lastSeen: null,
        profile: EMPTY_PROFILE,
        indicators: [],
        daily: [],
        geography: { victims: [], origins: [] },
        captures: [],
      };
      ops.set(r.operationId, op);
    }
    const f = freshness(kind, r.lastSeen.getTime(), now.getTime());
    op.indicators.push({
      kind,
      value: r.value,
      reportCount: r.reportCount,
      firstSeen: r.firstSeen.toISOString(),
      lastSeen: r.lastSeen.toISOString(),
      expiresAt: f.expiresAt.toISOString(),
      decay: f.decay,
    });
  }
  return [...ops.values()];
}
