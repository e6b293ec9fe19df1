import type { Capture, Fingerprint, PhoneFound } from '../../src/crawl/types.js';

/** A capture as the crawler would store it of a fake Defender page showing these phones and fingerprints. */
export function fakeCapture(url: string, phones: string[], fingerprints: Fingerprint[], at: Date): Capture {
  const found: PhoneFound[] = phones.map((e164) => ({ e164, raw: e164, source: 'text' }));
  return {
    url,
    profile: 'windows-chrome',
    startedAt: at.toISOString(),
    finishedAt: at.toISOString(),
    finalUrl: url,
    redirectChain: [url],
    status: 200,
    title: 'Windows Defender Security Warning',
    text: `Call Microsoft Support ${phones.join(' ')}`,
    dialogs: [],
    authRealms: [],
    behaviours: ['fullscreen'],
    phones: found,
    fingerprints,
    responses: [],
    blocked: [],
    blobs: { html: null, screenshotBefore: null, screenshotAfter: null },
    phash: null,
    ocrText: null,
    error: null,
  };
}
