import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { census, jobsIn } from '../helpers/census.js';
import { type PopupSite, startPopupSite } from '../helpers/popup-site.js';
import { descendantsOf, stillRunning } from '../helpers/processes.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { until } from '../helpers/until.js';

const TOKEN = 'faults-crawl-token';
const PROFILE = 'windows-chrome';
/** Pages of each fixture site to crawl: scam popups and ordinary pages. */
const PAGES = ['/scam/bsod/', '/scam/scan/', '/site/news/2024/city-council-budget/'];

/**
 * SIGKILL of `dragnet serve` while its crawler drives Chromium through queued visits: the browsers do not
 * outlive it, and after the restart every queued visit, the interrupted ones included, ends with one
 * capture per URL (a visit run again within the freshness window reuses a capture already stored).
 */
describe('SIGKILL during a crawl', () => {
  let sites: PopupSite[];
  let dataDir: string;
  let env: Record<string, string>;
  let serve: ServeProcess | undefined;

  beforeAll(async () => {
    // Three sites on three ports are three hosts: the crawler's politeness delay is per host.
    sites = await Promise.all([startPopupSite(), startPopupSite(), startPopupSite()]);
    dataDir = mkdtempSync(path.join(tmpdir(), 'dragnet-faults-crawl-'));
    env = {
      DRAGNET_DATA: dataDir,
      DRAGNET_API_TOKEN: TOKEN,
      DRAGNET_CRAWL_ALLOW_LOOPBACK: sites.map((s) => new URL(s.origin).port).join(','),
      DRAGNET_CRAWL_OCR: '0',
      DRAGNET_CRAWL_CONCURRENCY: '2',
    };
  });
  afterAll(async () => {
    await serve?.kill();
    await Promise.all(sites.map((s) => s.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const capturedTargets = async (address: string) => {
    const res = await fetch(`${address}/api/crawls?limit=200`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { captures } = (await res.json()) as { captures: Array<{ url: string; profile: string }> };
    return new Set(captures.map((c) => c.url));
  };

  it('resumes the interrupted visits after a restart and stores one capture per URL', async () => {
    const urls = sites.flatMap((s) => PAGES.map((p) => `${s.origin}${p}`));
    serve = await startServe(env, 'web,crawler');
    const queued = await fetch(`${serve.address}/api/crawls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ urls, profiles: [PROFILE] }),
    });
    expect(queued.status).toBe(202);

    // Kill once the first capture is stored: the other crawler is in the middle of a visit.
    const first = serve;
    await until('a first capture', async () =>
      (await capturedTargets(first.address)).size > 0 ? true : undefined,
    );
    const browsers = descendantsOf(first.child.pid!);
    expect(browsers.length).toBeGreaterThan(0);
    await first.kill();
    serve = undefined;

    const dead = await census(env);
    const running = jobsIn(dead, 'crawl.visit', 'active');
    const waiting = jobsIn(dead, 'crawl.visit', 'created', 'retry');
    expect(running).toBeGreaterThan(0);
    expect(running + waiting).toBeGreaterThan(0);
    // Chromium notices its pipe to the dead process closing and exits: no browser is left behind.
    const orphanedBrowsers = await until(
      'the browsers of the killed process to exit',
      async () => (stillRunning(browsers).length === 0 ? [] : undefined),
      15_000,
    ).catch(() => stillRunning(browsers));
    expect(orphanedBrowsers).toEqual([]);

    const restartedAt = Date.now();
    serve = await startServe(env, 'web,crawler');
    const second = serve;
    await until(
      'a capture of every URL',
      async () => ((await capturedTargets(second.address)).size === urls.length ? true : undefined),
      150_000,
    );
    const recoverySeconds = (Date.now() - restartedAt) / 1000;
    expect((await second.stop()).code).toBe(0);
    serve = undefined;

    const after = await census(env);
    expect(jobsIn(after, 'crawl.visit', 'created', 'retry', 'active')).toBe(0);
    expect([...after.capturesByTarget.keys()].sort()).toEqual(urls.map((u) => `${u} ${PROFILE}`).sort());
    for (const [target, n] of after.capturesByTarget) expect(n, target).toBe(1);
    console.info(
      `[faults] crawl kill: ${running} visits running and ${waiting} queued at the kill ` +
        `(${dead.capturesByTarget.size} of ${urls.length} pages captured), ${browsers.length} browser processes ` +
        `all gone after it; every page captured once ${recoverySeconds.toFixed(1)} s after the restart ` +
        `(the interrupted visits wait their retry delay)`,
    );
  }, 240_000);
});
