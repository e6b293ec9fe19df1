import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import { type FeedEntry, feedEntries } from './entries.js';
import { isTextFeedValue, toText } from './text.js';

const now = new Date('2026-11-21T12:00:00.000Z');

const entry = (value: string, over: Partial<FeedEntry> = {}): FeedEntry => ({
  value,
  kind: 'domain',
  operationId: 'op-1',
  operationIds: ['op-1'],
  reportCount: 3,
  firstSeen: '2026-11-01T00:00:00.000Z',
  lastSeen: '2026-11-20T00:00:00.000Z',
  expiresAt: '2026-12-05T00:00:00.000Z',
  score: 90,
  tlp: 'clear',
  ...over,
});

describe('plain-text feed', () => {
  it('has a comment header (name, time, count, marking, expiry), then one value per line', () => {
    const entries = feedEntries([sampleOperation()], 'phone', { now });
    const text = toText(entries, { now, kind: 'phone' });
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    const header = lines.filter((l) => l.startsWith('#'));
    expect(header[0]).toBe('# Dragnet tech support scam blocklist: phone numbers (E.164)');
    expect(header).toContain('# Generated: 2026-11-21T12:00:00.000Z');
    expect(header).toContain('# Entries: 1');
    expect(header).toContain('# TLP: AMBER');
    expect(header.some((l) => /^# Expiry: .*4\.4 days/.test(l))).toBe(true);
    expect(lines.filter((l) => l && !l.startsWith('#'))).toEqual(['+18885550142']);
  });

  it('states each kind’s expiry from its decay model', () => {
    expect(toText([], { now, kind: 'domain' })).toMatch(/about 22\.0 days/);
    expect(toText([], { now, kind: 'url' })).toMatch(/about 14\.7 days/);
    expect(toText([], { now, kind: 'url' })).toContain('# Entries: 0\n');
  });

  it('drops values that could not stand on one line, and counts only what it lists', () => {
    const unsafe = [
      'evil.example\nsecond-line.example',
      'cr.example\r',
      'nel\u0085.example',
      'ls\u2028.example',
      'nul\u0000.example',
      '#commented.example',
      'lone-\ud800.example',
      '',
    ];
    const text = toText(
      [...unsafe, 'ok.example', 'xn--bcher-hilfe-thb.de'].map((v) => entry(v)),
      {
        now,
        kind: 'domain',
      },
    );
    expect(text).toContain('# Entries: 2\n');
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'ok.example',
      'xn--bcher-hilfe-thb.de',
    ]);
    for (const v of unsafe) expect(isTextFeedValue(v)).toBe(false);
  });

  it('keeps the producer’s name on the header line', () => {
    const text = toText([entry('a.example')], { now, kind: 'domain', producer: 'Evil\nProducer' });
    expect(text.split('\n')[0]).toBe(
      '# Evil Producer tech support scam blocklist: hostnames (exact hosts: a listed host does not cover its parent domain)',
    );
  });
});
