// The soak's mix of traffic, as the people who use Dragnet make it: victims submitting reports on the
// portal and checking numbers, analysts reading operations and building cases, a partner's scripts pulling
// exports and feeds with an API key, and crawls of popup pages.
import type { PopupFixture } from '../test/helpers/popup-site.js';
import { type Answer, call, every, type Lane, type LoadClock, lane, paced } from './soak-load.js';

const REPORTS_PER_SECOND = Number(process.env.BENCH_SOAK_REPORTS_PER_SECOND ?? 20);
const READS_PER_SECOND = Number(process.env.BENCH_SOAK_READS_PER_SECOND ?? 20);
/** A partner's round (list, STIX, MISP, three feeds) every this many seconds. */
const EXPORT_SECONDS = Number(process.env.BENCH_SOAK_EXPORT_SECONDS ?? 15);
/** A case, a note and a referral package every this many minutes. */
const CASE_MINUTES = Number(process.env.BENCH_SOAK_CASE_MINUTES ?? 5);

/** What the load needs to know about the server and the world around it. */
export interface SoakOptions {
  address: string;
  /** The operator token (analyst and admin calls). */
  token: string;
  /** A partner's API key (`dragnet key add`). */
  partnerKey: string;
  /** performance.now() at which the load stops. */
  deadline: number;
  /** True once the server is gone: the lanes stop early. */
  stopped: () => boolean;
  bodies: Iterator<string>;
  /** The fixture site to crawl a page of every `minutes`; absent: no crawls. */
  crawl?: { origin: string; pages: PopupFixture[]; minutes: number };
}

/** The running load: its lanes, the ids of the reports the server acknowledged, and when it is over. */
export interface SoakLoad {
  lanes: Lane[];
  acknowledged: string[];
  totals(): { requests: number; errors: number; acknowledged: number };
  done: Promise<void>;
}

/** Operation ids and indicator values seen so far, for the reads that need one. */
interface Seen {
  operations: string[];
  values: string[];
}

/** Starts every lane; `done` resolves when the deadline has passed and the last calls have answered. */
export function runLoad(o: SoakOptions): SoakLoad {
  const clock: LoadClock = { start: performance.now() };
  const lanes = {
    portal: lane('portal'),
    reads: lane('reads'),
    partner: lane('partner'),
    cases: lane('cases'),
    crawls: lane('crawls'),
  };
  const acknowledged: string[] = [];
  const seen: Seen = { operations: [], values: [] };
  const operator = { authorization: `Bearer ${o.token}` };
  const json = { 'content-type': 'application/json' };
  const get = (l: Lane, url: string, headers: Record<string, string> = operator) =>
    call(l, clock, `${o.address}${url}`, { headers });
  const post = (l: Lane, url: string, body: unknown, expected: number[], timeoutMs?: number) =>
    call(l, clock, `${o.address}${url}`, {
      method: 'POST',
      headers: { ...operator, ...json },
      body: JSON.stringify(body),
      expected,
      timeoutMs,
    });

  const portal = paced(REPORTS_PER_SECOND, 16, o.deadline, o.stopped, async () => {
    const answer = await call(lanes.portal, clock, `${o.address}/api/reports`, {
      method: 'POST',
      headers: { ...json, 'x-dragnet-intake': 'portal' },
      body: o.bodies.next().value as string,
      expected: [201],
    });
    if (answer?.status === 201) acknowledged.push((JSON.parse(answer.body) as { id: string }).id);
  });

  const reads = paced(READS_PER_SECOND, 4, o.deadline, o.stopped, async (i) => {
    const step = i % READ_STEPS.length;
    const op = seen.operations[Math.floor(i / READ_STEPS.length) % Math.max(1, seen.operations.length)];
    const value = seen.values[i % Math.max(1, seen.values.length)];
    const url = READ_STEPS[step]!(op, value, i);
    if (!url) return;
    const answer = await get(lanes.reads, url, url.startsWith('/api/check') ? {} : operator);
    if (answer?.status === 200) learn(seen, url, answer);
  });

  const partner = every(EXPORT_SECONDS, 1, o.deadline, o.stopped, async () => {
    const key = { authorization: `Bearer ${o.partnerKey}` };
    for (const url of PARTNER_CALLS) await get(lanes.partner, url, key);
  });

  const cases = every(CASE_MINUTES * 60, 30, o.deadline, o.stopped, async (n) => {
    const operationIds = seen.operations.slice(n % 5, (n % 5) + 2);
    if (operationIds.length === 0) return;
    const created = await post(lanes.cases, '/api/cases', { title: `Soak sweep ${n}`, operationIds }, [201]);
    if (created?.status !== 201) return;
    const caseId = (JSON.parse(created.body) as { id: string }).id;
    await post(lanes.cases, `/api/cases/${caseId}/entries`, { kind: 'note', body: `Soak note ${n}` }, [201]);
    await post(lanes.cases, `/api/cases/${caseId}/referrals`, { recipient: 'Soak police' }, [201], 300_000);
    await get(lanes.cases, `/api/cases/${caseId}`);
  });

  const crawl = o.crawl;
  const crawls = crawl
    ? every(crawl.minutes * 60, 20, o.deadline, o.stopped, async (n) => {
        const page = crawl.pages[n % crawl.pages.length]!;
        // A new query each time: the same URL and profile are visited at most once per freshness window.
        const url = new URL(page.path, crawl.origin);
        url.searchParams.set('soak', String(n));
        const profiles = [page.profile ?? 'windows-chrome'];
        await post(lanes.crawls, '/api/crawls', { urls: [url.toString()], profiles }, [202]);
      })
    : Promise.resolve();

  const all = Object.values(lanes);
  return {
    lanes: all,
    acknowledged,
    totals: () => ({
      requests: all.reduce((n, l) => n + l.requests, 0),
      errors: all.reduce((n, l) => n + l.errors, 0),
      acknowledged: acknowledged.length,
    }),
    done: Promise.all([portal, reads, partner, cases, crawls]).then(() => {}),
  };
}

/**
 * An analyst's visit, one call per step: the ranked list (which refreshes the operations known), the six
 * calls of an operation's page, a search and a victim's check of a value seen there, the triage queue.
 */
type ReadStep = (op: string | undefined, value: string | undefined, i: number) => string | undefined;
const READ_STEPS: ReadStep[] = [
  (_op, _value, i) => `/api/operations?limit=50&offset=${(i % 3) * 50}`,
  (op) => op && `/api/operations/${op}`,
  (op) => op && `/api/operations/${op}/indicators?limit=50`,
  (op) => op && `/api/operations/${op}/graph?nodes=60`,
  (op) => op && `/api/operations/${op}/timeline`,
  (op) => op && `/api/operations/${op}/geography`,
  (op) => op && `/api/operations/${op}/reports?limit=50`,
  (_op, value) => value && `/api/search?q=${encodeURIComponent(value)}`,
  (_op, value) => value && `/api/check?q=${encodeURIComponent(value)}`,
  () => '/api/triage?limit=50',
];

/** A partner's scripts: the list within its TLP, both exports, the three feeds. */
const PARTNER_CALLS = [
  '/api/operations?limit=20',
  '/api/export/stix',
  '/api/export/misp',
  '/api/feeds/phones.csv',
  '/api/feeds/domains.txt',
  '/api/feeds/urls.csv',
];

/** Keeps the operation ids of the first list pages and the phones and domains of indicator pages. */
function learn(seen: Seen, url: string, answer: Answer): void {
  if (url.startsWith('/api/operations?') && url.endsWith('offset=0')) {
    const { rows } = JSON.parse(answer.body) as { rows: Array<{ id: string }> };
    if (rows.length > 0) seen.operations = rows.map((r) => r.id);
  } else if (url.includes('/indicators?')) {
    const { indicators } = JSON.parse(answer.body) as { indicators: Array<{ kind: string; value: string }> };
    const values = indicators.filter((x) => x.kind === 'phone' || x.kind === 'domain').map((x) => x.value);
    seen.values = [...values, ...seen.values].slice(0, 200);
  }
}
