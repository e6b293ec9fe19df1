import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evenSample, neutraliseReferences, readDebianDocs, truncateHtml } from './debian-docs.js';
import { visibleText } from './visible-text.js';

const root = mkdtempSync(join(tmpdir(), 'dragnet-docs-'));
const filler = '<p>Lorem ipsum documentation text. </p>'.repeat(30);
mkdirSync(join(root, 'pkg-b', 'html'), { recursive: true });
mkdirSync(join(root, 'pkg-a'), { recursive: true });
writeFileSync(
  join(root, 'pkg-b', 'html', 'index.html'),
  `<html><head><title>B manual</title><link rel="stylesheet" href="style.css"></head><body><a href="https://example.org/x">site</a><img src="logo.png">${filler}</body></html>`,
);
writeFileSync(
  join(root, 'pkg-a', 'guide.html'),
  `<html><head><title>A guide</title></head><body>${filler}</body></html>`,
);
writeFileSync(join(root, 'pkg-a', 'tiny.html'), '<p>too small</p>');
writeFileSync(join(root, 'pkg-a', 'README.txt'), filler);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readDebianDocs', () => {
  it('reads HTML files in path order as legit/debian-doc test pages, skipping tiny and non-HTML files', () => {
    const pages = readDebianDocs({ limit: 10, root });
    expect(pages.map((p) => p.id)).toEqual([
      'legit/debian-doc/pkg-a/guide.html',
      'legit/debian-doc/pkg-b/html/index.html',
    ]);
    for (const page of pages) {
      expect(page).toMatchObject({
        family: 'legit/debian-doc',
        label: 'legitimate',
        language: 'en',
        split: 'test',
      });
    }
    expect(visibleText(pages[1]!.html).title).toBe('B manual');
  });

  it('removes everything that would fetch: stylesheets, images, link targets', () => {
    const [, page] = readDebianDocs({ limit: 10, root });
    expect(page!.html).not.toMatch(/https?:|style\.css|logo\.png|<img|<link/);
    expect(page!.html).toContain('<a href="#">site</a>');
    expect(neutraliseReferences('<div style="background:url(\'//x/y.png\')">')).toBe(
      '<div style="background:none">',
    );
  });

  it('truncates at a tag boundary and samples evenly', () => {
    expect(truncateHtml('<p>abc</p><p>defgh</p>', 11)).toBe('<p>abc</p>\n</body></html>\n');
    expect(evenSample([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([1, 3, 5, 7]);
    expect(readDebianDocs({ limit: 1, root, maxBytes: 200 })[0]!.html.length).toBeLessThan(260);
  });

  it('returns nothing for a missing directory', () => {
    expect(readDebianDocs({ limit: 5, root: join(root, 'missing') })).toEqual([]);
  });

  it('is deterministic on the real documentation tree (empty when there is none)', () => {
    const first = readDebianDocs({ limit: 20 });
    expect(readDebianDocs({ limit: 20 })).toEqual(first);
    expect(first.length).toBeLessThanOrEqual(20);
    for (const page of first) expect(page.html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
  });
});
