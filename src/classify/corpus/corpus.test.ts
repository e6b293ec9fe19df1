import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from './corpus.js';
import { DEBIAN_DOC_FAMILY, FAMILIES, TEST_FAMILIES } from './families.js';
import { generateSyntheticCorpus } from './generate.js';
import { LANGUAGES, type Language } from './kit.js';
import { defaultCountry } from './phones.js';
import { visibleText } from './visible-text.js';

const corpus = generateSyntheticCorpus({ seed: 7, perFamily: 12 });

/** Candidate phone numbers in a text: digit runs with the separators numbers are written with. */
function phoneCandidates(text: string): string[] {
  return text.match(/\+?\(?\d[\d\s().-]{5,}\d/g) ?? [];
}

describe('generateCorpus', () => {
  it('gives the same pages for the same seed and different pages for another', () => {
    const again = generateSyntheticCorpus({ seed: 7, perFamily: 12 });
    expect(again).toEqual(corpus);
    const other = generateSyntheticCorpus({ seed: 8, perFamily: 12 });
    expect(other.map((p) => p.html)).not.toEqual(corpus.map((p) => p.html));
    expect(other.map((p) => p.id)).not.toEqual(corpus.map((p) => p.id));
  });

  it('makes perFamily pages of every family, at least ten families a side, with unique ids', () => {
    const counts = new Map<string, number>();
    for (const page of corpus) counts.set(page.family, (counts.get(page.family) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(FAMILIES.map((f) => f.family).sort());
    for (const count of counts.values()) expect(count).toBe(12);
    expect(FAMILIES.filter((f) => f.label === 'scam').length).toBeGreaterThanOrEqual(10);
    expect(FAMILIES.filter((f) => f.label === 'legitimate').length).toBeGreaterThanOrEqual(10);
    expect(new Set(corpus.map((p) => p.id)).size).toBe(corpus.length);
    for (const page of corpus)
      expect(page.label).toBe(page.family.startsWith('scam/') ? 'scam' : 'legitimate');
  });

  it('splits by family: the documented held-out families test, about 30% of each side', () => {
    for (const page of corpus) expect(page.split).toBe(TEST_FAMILIES.has(page.family) ? 'test' : 'train');
    for (const label of ['scam', 'legitimate'] as const) {
      const families = FAMILIES.filter((f) => f.label === label);
      const held = families.filter((f) => TEST_FAMILIES.has(f.family)).length / families.length;
      expect(held).toBeGreaterThanOrEqual(0.25);
      expect(held).toBeLessThanOrEqual(0.4);
    }
    expect(TEST_FAMILIES.has('legit/security-warning')).toBe(false);
    expect(TEST_FAMILIES.has('legit/gov-advice')).toBe(true);
    expect(TEST_FAMILIES.has(DEBIAN_DOC_FAMILY)).toBe(true);
  });

  it('speaks every language across the corpus and in each split, and at least two per family', () => {
    expect(new Set(corpus.map((p) => p.language))).toEqual(new Set(LANGUAGES));
    for (const split of ['train', 'test'] as const) {
      const languages = new Set(corpus.filter((p) => p.split === split).map((p) => p.language));
      expect(languages.size).toBeGreaterThanOrEqual(4);
    }
    for (const family of FAMILIES) {
      expect(family.languages.length).toBeGreaterThanOrEqual(2);
      const seen = new Set(corpus.filter((p) => p.family === family.family).map((p) => p.language));
      expect(seen).toEqual(new Set(family.languages));
      for (const page of corpus.filter((p) => p.family === family.family)) {
        expect(page.html).toContain(`<html lang="${page.language}">`);
      }
    }
  });

  it('references nothing outside the page: no http(s) anywhere, no // in src, href, action or url()', () => {
    for (const page of corpus) {
      expect(page.html, page.id).not.toMatch(/https?:\/\//i);
      expect(page.html, page.id).not.toMatch(/\b(?:src|href|action|srcset|poster)\s*=\s*["']?\s*\/\//i);
      expect(page.html, page.id).not.toMatch(/url\(\s*["']?\s*\/\//i);
      expect(page.html, page.id).not.toMatch(/@import|<link\b|<iframe\b|<img\b/i);
    }
  });

  it('puts a valid toll-free-style phone number on every scam page, never a fictitious 555-01xx', () => {
    for (const page of corpus.filter((p) => p.label === 'scam')) {
      const { text } = visibleText(page.html);
      const countries = [defaultCountry(page.language as Language), 'US', 'GB'] as const;
      const valid = phoneCandidates(text).filter((c) =>
        countries.some((country) => isValidPhoneNumber(c, country)),
      );
      expect(valid.length, `${page.id}: ${text.slice(0, 400)}`).toBeGreaterThan(0);
      expect(text).not.toMatch(/555[-. ]?01\d\d/);
    }
  });

  it('gives every page a title and some visible text', () => {
    for (const page of corpus) {
      const { title, text } = visibleText(page.html);
      expect(title.length, page.id).toBeGreaterThan(0);
      expect(text.length, page.id).toBeGreaterThan(80);
    }
  });

  it('generates a full-size corpus (60 a family, about 1,300 pages) in a few seconds', () => {
    const started = performance.now();
    const pages = generateCorpus({ seed: 1, perFamily: 60 });
    const seconds = (performance.now() - started) / 1000;
    expect(pages.length).toBe(60 * FAMILIES.length);
    expect(seconds).toBeLessThan(5);
  });
});
