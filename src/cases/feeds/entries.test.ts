import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import type { SharedIndicator, SharedOperation } from '../types.js';
import { feedEntries } from './entries.js';

const DAY = 86_400_000;
const now = new Date('2026-11-21T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

const seen = (
  kind: string,
  value: string,
  reportCount: number,
  lastSeenDaysAgo: number,
): SharedIndicator => ({
  kind,
  value,
  reportCount,
  firstSeen: daysAgo(lastSeenDaysAgo + 5),
  lastSeen: daysAgo(lastSeenDaysAgo),
  expiresAt: daysAgo(lastSeenDaysAgo - 1),
  decay: 0.5,
});

const operation = (id: string, indicators: SharedIndicator[], over: Partial<SharedOperation> = {}) =>
  sampleOperation({ id, indicators, ...over });

describe('blocklist feed entries', () => {
  it('lists the sample operation’s fresh phone, popup host and URL', () => {
    const op = sampleOperation();
    expect(feedEntries([op], 'phone', { now }).map((e) => e.value)).toEqual(['+18885550142']);
    expect(feedEntries([op], 'domain', { now }).map((e) => e.value)).toEqual([
      'win-alert-0x8024.azurewebsites.net',
    ]);
    const [url] = feedEntries([op], 'url', { now });
    expect(url).toMatchObject({
      value: 'https://win-alert-0x8024.azurewebsites.net/?err=DT00X02',
      kind: 'url',
      operationId: 'op-7f3a9c',
      operationIds: ['op-7f3a9c'],
      reportCount: 6,
      lastSeen: '2026-11-19T08:00:00.000Z',
      tlp: 'amber',
    });
    expect(url!.score).toBeGreaterThan(0);
    expect(url!.score).toBeLessThanOrEqual(100);
  });

  it('drops a phone seen 20 days ago but keeps a domain seen 20 days ago (decay lifetimes 10 and 45 days)', () => {
    const op = operation('op-a', [
      seen('phone', '+18885550142', 9, 20),
      seen('domain', 'pc-locked-alert.com', 9, 20),
    ]);
    expect(feedEntries([op], 'phone', { now })).toEqual([]);
    const [domain] = feedEntries([op], 'domain', { now });
    expect(domain?.value).toBe('pc-locked-alert.com');
    expect(Date.parse(domain!.expiresAt)).toBeGreaterThan(now.getTime());
    // A phone expires when its score falls under 30: about 4.4 days after it was last seen.
    expect(
      feedEntries([operation('op-a', [seen('phone', '+18885550142', 9, 4)])], 'phone', { now }),
    ).toHaveLength(1);
    expect(feedEntries([operation('op-a', [seen('phone', '+18885550142', 9, 5)])], 'phone', { now })).toEqual(
      [],
    );
  });

  it('keeps expired values only when asked, with their decayed score', () => {
    const op = operation('op-a', [seen('phone', '+18885550142', 9, 20)]);
    const [phone] = feedEntries([op], 'phone', { now, includeExpired: true });
    expect(phone?.score).toBe(0);
    expect(Date.parse(phone!.expiresAt)).toBeLessThanOrEqual(now.getTime());
  });

  it('never lists a common value, whether the list says block or inform', () => {
    const op = operation('op-a', [
      seen('phone', '+18006427676', 40, 1), // Microsoft's real support line
      seen('phone', '+1 800 275 2273', 40, 1), // Apple's, as typed by a victim
      seen('domain', 'microsoft.com', 40, 1),
      seen('domain', 'support.microsoft.com', 40, 1),
      seen('domain', 'anydesk.com', 40, 1),
      seen('domain', 'gmail.com', 40, 1), // inform
      seen('url', 'https://get.teamviewer.com/s/abc', 40, 1),
      seen('url', 'https://bit.ly/3xYzAbc', 40, 1), // inform: a shortener
    ]);
    for (const kind of ['phone', 'domain', 'url'] as const)
      expect(feedEntries([op], kind, { now })).toEqual([]);
  });

  it('never lists a hosting suffix itself, only full hostnames on it', () => {
    const op = operation('op-a', [
      seen('domain', 'azurewebsites.net', 40, 1),
      seen('domain', 'pages.dev', 40, 1),
      seen('domain', 'web.core.windows.net', 40, 1),
      seen('domain', 'co.uk', 40, 1),
      seen('domain', 'fix-your-pc.pages.dev', 40, 1),
      seen('url', 'https://azurewebsites.net/?err=1', 40, 1),
      seen('url', 'https://err-0x80.web.core.windows.net/index.html', 40, 1),
    ]);
    expect(feedEntries([op], 'domain', { now }).map((e) => e.value)).toEqual(['fix-your-pc.pages.dev']);
    expect(feedEntries([op], 'url', { now }).map((e) => e.value)).toEqual([
      'https://err-0x80.web.core.windows.net/index.html',
    ]);
  });

  it('leaves out values seen in fewer reports than the minimum (default 2)', () => {
    const op = operation('op-a', [seen('phone', '+18885550142', 1, 1), seen('phone', '+18445550199', 2, 1)]);
    expect(feedEntries([op], 'phone', { now }).map((e) => e.value)).toEqual(['+18445550199']);
    expect(feedEntries([op], 'phone', { now, minReports: 1 })).toHaveLength(2);
    expect(feedEntries([op], 'phone', { now, minReports: 3 })).toEqual([]);
  });

  it('lists a value once however many operations carry it, under the one with most reports', () => {
    const a = operation('op-a', [seen('phone', '+1 (888) 555-0142', 3, 1)], { tlp: 'green' });
    const b = operation('op-b', [seen('phone', '+18885550142', 7, 2)], { tlp: 'amber' });
    const entries = feedEntries([a, b], 'phone', { now });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      value: '+18885550142',
      operationId: 'op-b',
      operationIds: ['op-b', 'op-a'],
      reportCount: 7,
      firstSeen: daysAgo(7),
      lastSeen: daysAgo(1),
      tlp: 'amber',
    });
  });

  it('sorts by score, then value, whatever order the operations come in', () => {
    const a = operation('op-a', [
      seen('domain', 'b-alert.com', 5, 3),
      seen('domain', 'a-alert.com', 5, 3),
      seen('domain', 'fresh-alert.com', 2, 0),
    ]);
    const b = operation('op-b', [
      seen('domain', 'old-alert.com', 9, 15),
      seen('domain', 'c-alert.com', 2, 3),
    ]);
    const order = ['fresh-alert.com', 'a-alert.com', 'b-alert.com', 'c-alert.com', 'old-alert.com'];
    expect(feedEntries([a, b], 'domain', { now }).map((e) => e.value)).toEqual(order);
    const reversed = [b, a].map((op) => ({ ...op, indicators: [...op.indicators].reverse() }));
    expect(feedEntries(reversed, 'domain', { now })).toEqual(feedEntries([a, b], 'domain', { now }));
  });
});
