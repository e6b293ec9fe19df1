import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import { CSV_HEADER, csvField, toCsv } from './csv.js';
import { type FeedEntry, feedEntries } from './entries.js';

const now = new Date('2026-11-21T12:00:00.000Z');

const entry = (value: string, over: Partial<FeedEntry> = {}): FeedEntry => ({
  value,
  kind: 'url',
  operationId: 'op-7f3a9c',
  operationIds: ['op-7f3a9c'],
  reportCount: 4,
  firstSeen: '2026-11-01T00:00:00.000Z',
  lastSeen: '2026-11-20T00:00:00.000Z',
  expiresAt: '2026-12-05T00:00:00.000Z',
  score: 87,
  tlp: 'green',
  ...over,
});

const rows = (csv: string): string[][] => parse(csv, { relax_column_count: false });

describe('CSV feed', () => {
  it('has the header, then one row per entry, and parses back to the same values', () => {
    const entries = ['phone', 'domain', 'url'].flatMap((kind) =>
      feedEntries([sampleOperation()], kind as 'phone' | 'domain' | 'url', { now }),
    );
    const csv = toCsv(entries);
    expect(csv.startsWith(`${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    const [header, ...body] = rows(csv);
    expect(header).toEqual([...CSV_HEADER]);
    expect(body).toEqual(
      entries.map((e) => [
        e.value,
        e.kind,
        e.operationId,
        String(e.reportCount),
        e.firstSeen,
        e.lastSeen,
        e.expiresAt,
        String(e.score),
        e.tlp,
      ]),
    );
    expect(body.map((r) => r[0])).toContain('+18885550142');
  });

  it('quotes values holding a comma, a quote or a line break (RFC 4180), and reads them back intact', () => {
    const values = [
      'https://alert.example/a,b',
      'https://alert.example/say-"hi"',
      'line\nbreak',
      'carriage\r\nreturn',
      'plain',
      'ünïcödé-😀.example',
    ];
    const csv = toCsv(values.map((v) => entry(v)));
    expect(csv).toContain('"https://alert.example/say-""hi"""');
    expect(
      rows(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(values);
  });

  it('defuses values a spreadsheet would run as a formula', () => {
    const attacks = [
      '=HYPERLINK("http://evil.example","Click")',
      "+1+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '\t=1+1',
      '\r=1+1',
      '+18885550142=1',
      '+',
    ];
    const read = rows(toCsv(attacks.map((v) => entry(v))))
      .slice(1)
      .map((r) => r[0]);
    expect(read).toEqual(attacks.map((v) => `'${v}`));
  });

  it('keeps E.164 phone numbers exact: a plus and digits is a number, never a formula', () => {
    expect(csvField('+18885550142')).toBe('+18885550142');
    expect(csvField('+442038071102')).toBe('+442038071102');
    expect(csvField('+0123')).toBe("'+0123");
    expect(csvField('+1888555014212345')).toBe("'+1888555014212345"); // longer than E.164 allows
  });

  it('is deterministic: the same entries give the same bytes', () => {
    const entries = feedEntries([sampleOperation()], 'url', { now });
    expect(toCsv(entries)).toBe(toCsv(structuredClone(entries)));
    expect(toCsv([])).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });
});
