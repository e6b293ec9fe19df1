import { normaliseHostname } from '../../core/indicator-kinds.js';
import type { SharedCapture, SharedOperation } from '../types.js';
import { dragnetId } from './ids.js';
import type { ObjectSet } from './object-set.js';
import { observableOf } from './observables.js';
import { type ExportContext, earliest, latest, present, relationship, sdo, stixTime } from './sdo.js';
import type { StixObject } from './types.js';

function hostOf(url: string): string | null {
  try {
    return normaliseHostname(new URL(url).hostname);
  } catch {
    return null;
  }
}

/**
 * A screenshot as a `file` with its hash. Not an `artifact`: the schema wants an artifact's bytes or a URL
 * that serves them, and the bytes travel in the referral package, not in the bundle.
 */
function screenshot(c: SharedCapture): StixObject | null {
  const sha256 = c.screenshotSha256?.toLowerCase();
  if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256)) return null;
  const file = observableOf('asset_hash', sha256);
  if (!file) return null;
  return {
    ...file,
    ...present({
      mime_type: 'image/png',
      x_dragnet_capture_id: c.id,
      x_dragnet_captured_at: stixTime(c.capturedAt),
      x_dragnet_page_url: c.url,
      x_dragnet_final_url: c.finalUrl !== c.url ? c.finalUrl : undefined,
      x_dragnet_page_title: c.title,
      x_dragnet_verdict: c.verdict,
      x_dragnet_scam_probability: c.scamProbability,
    }),
  };
}

/**
 * The popup sites an operation was crawled on: an `infrastructure` (phishing) per host that the intrusion
 * set `uses`, which `consists-of` the host's domain and the crawled URLs, related to the screenshots.
 */
export function addCaptures(ctx: ExportContext, set: ObjectSet, op: SharedOperation): void {
  const setId = dragnetId('intrusion-set', op.id);
  const byHost = new Map<string, SharedCapture[]>();
  const sorted = [...op.captures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of sorted) {
    const host = hostOf(c.url) ?? '';
    byHost.set(host, [...(byHost.get(host) ?? []), c]);
  }
  for (const [host, captures] of byHost) {
    const times = captures.map((c) => stixTime(c.capturedAt));
    const since = earliest(...times);
    let parentId = setId;
    if (host) {
      const infrastructure = sdo(ctx, 'infrastructure', dragnetId('infrastructure', op.id, host), since, {
        name: host,
        description: `Pages on ${host} showing fake security warnings (tech support scam popups), as Dragnet crawled them.`,
        infrastructure_types: ['phishing'],
        first_seen: since,
        last_seen: latest(...times),
      });
      set.add(infrastructure, op.tlp);
      set.add(relationship(ctx, 'uses', setId, infrastructure.id, { since }), op.tlp);
      parentId = infrastructure.id;
      const parts = [observableOf('domain', host), ...captures.map((c) => observableOf('url', c.url))];
      for (const part of parts) {
        if (!part) continue;
        set.add(part, op.tlp);
        set.add(relationship(ctx, 'consists-of', infrastructure.id, part.id, { since }), op.tlp);
      }
    }
    for (const c of captures) {
      const file = screenshot(c);
      if (!file) continue;
      set.add(file, op.tlp);
      set.add(relationship(ctx, 'related-to', parentId, file.id, { since: stixTime(c.capturedAt) }), op.tlp);
    }
  }
}
