import { describe, expect, it } from 'vitest';
import { equalityPattern, patternProblem, simpleComparisons } from './pattern.js';

describe('equalityPattern', () => {
  it('escapes quotes and backslashes, and nothing else', () => {
    expect(equalityPattern('url', 'value', "http://x.example/a'b\\c")).toBe(
      "[url:value = 'http://x.example/a\\'b\\\\c']",
    );
    expect(equalityPattern('email-addr', 'value', 'jöhn@例え.jp')).toBe(
      "[email-addr:value = 'jöhn@例え.jp']",
    );
  });

  it('reads back what it wrote, however odd the value', () => {
    for (const value of ["'", '\\', "\\'", "'] OR [url:value = 'x", '', ' ', '\n', '😀\ud800']) {
      expect(simpleComparisons(equalityPattern('phone-number', 'value', value))).toEqual([
        { type: 'phone-number', property: 'value', value },
      ]);
    }
  });
});

describe('patternProblem', () => {
  it('accepts the grammar of STIX 2.1 patterning', () => {
    for (const pattern of [
      "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
      "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name LIKE 'pdf%']",
      "([ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32'] AND [domain-name:value = 'x.example']) WITHIN 300 SECONDS",
      "[network-traffic:dst_port IN (443, 8443) AND network-traffic:src_ref.value ISSUBSET '198.51.100.0/24']",
      "[file:size > 1024 AND file:name NOT = 'a'] REPEATS 5 TIMES FOLLOWEDBY [x-custom:flag = true]",
      "[artifact:payload_bin = b'aGVsbG8=' OR artifact:x_hex = h'0a0b'] START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00.000Z'",
      '[EXISTS windows-registry-key:values]',
    ])
      expect(patternProblem(pattern), pattern).toBeNull();
  });

  it('says where a pattern breaks', () => {
    expect(patternProblem("[domain-name:value = 'a'")).toBe('expected "]" at the end');
    expect(patternProblem("[domain-name:value = 'a\\x']")).toBe('invalid escape in string at offset 21');
    expect(patternProblem("[domain-name:value = 'a] AND")).toBe('unterminated string at offset 21');
    expect(patternProblem("domain-name:value = 'a'")).toBe('expected "[" or "(" at offset 0');
    expect(patternProblem("[domain-name:value == 'a']")).toBe('expected a value at offset 20');
    expect(patternProblem("[file:created = t'yesterday']")).toBe('invalid timestamp at offset 16');
    expect(patternProblem('')).toBe('expected "[" or "(" at the end');
    expect(patternProblem(`${'('.repeat(100_000)}[a:b = 1]`)).toBe(
      'parentheses nested too deeply at offset 101',
    );
    expect(patternProblem(`[${'('.repeat(100_000)}a:b = 1]`)).toBe(
      'parentheses nested too deeply at offset 102',
    );
  });
});

describe('simpleComparisons', () => {
  it("reads equalities joined by OR, in one observation or several (OpenCTI's shape)", () => {
    expect(
      simpleComparisons(
        "[phone-number:value = '+18772229841' OR phone-number:value = '+18336274511'] OR [url:value = 'http://a.example/']",
      ),
    ).toEqual([
      { type: 'phone-number', property: 'value', value: '+18772229841' },
      { type: 'phone-number', property: 'value', value: '+18336274511' },
      { type: 'url', property: 'value', value: 'http://a.example/' },
    ]);
  });

  it('reads nothing from a pattern that describes behaviour rather than values', () => {
    for (const pattern of [
      "[domain-name:value = 'a.example' AND domain-name:value = 'b.example']",
      "[domain-name:value = 'a.example'] FOLLOWEDBY [url:value = 'http://b.example/']",
      "[domain-name:value = 'a.example'] WITHIN 60 SECONDS",
      "[domain-name:value != 'a.example']",
      "[domain-name:value NOT = 'a.example']",
      "[domain-name:value LIKE '%.example']",
      "[file:hashes.'SHA-256' = 'aa']",
      '[file:size = 12]',
      'not a pattern',
    ])
      expect(simpleComparisons(pattern), pattern).toBeNull();
  });
});
