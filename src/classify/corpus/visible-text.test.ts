import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDebianDocs } from './debian-docs.js';
import { FAMILIES } from './families.js';
import { generateSyntheticCorpus } from './generate.js';
import { visibleText } from './visible-text.js';

describe('visibleText', () => {
  it('drops scripts, styles and the head but returns the title', () => {
    const html = `<!DOCTYPE html><html><head><title>Alert &amp; more</title><style>p{color:red}</style></head>
<body><script>var x = "<p>hidden</p>";</script><noscript>enable js</noscript><template><p>tpl</p></template><p>Shown</p></body></html>`;
    expect(visibleText(html)).toEqual({ title: 'Alert & more', text: 'Shown' });
  });

  it('decodes named, decimal and hexadecimal references', () => {
    expect(visibleText('<p>caf&eacute; &#233; &#xE9; &euro;&nbsp;5 &hellip; &unknown;</p>').text).toBe(
      'café é é € 5 … &unknown;',
    );
  });

  it('breaks lines at blocks and <br>, collapses spaces, keeps <pre> lines', () => {
    const html =
      '<div>One   two</div><span>three</span> <b>four</b><br>five<ul><li>a</li><li>b</li></ul><pre>x\n  y</pre>';
    expect(visibleText(html).text).toBe('One two\nthree four\nfive\na\nb\nx\ny');
  });

  it('skips elements hidden by attribute or inline style, nested tags included', () => {
    const html =
      '<p>seen</p><div hidden><div>not <b>seen</b></div></div><div style="display: none">gone</div><p>also seen</p>';
    expect(visibleText(html).text).toBe('seen\n\nalso seen');
  });
});

/** Word-level overlap of two texts: the share of each side's words found on the other (multisets). */
function overlap(a: string, b: string): { recall: number; precision: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const count = (list: string[]) => {
    const counts = new Map<string, number>();
    for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  };
  const left = count(words(a));
  const right = count(words(b));
  let shared = 0;
  for (const [word, n] of left) shared += Math.min(n, right.get(word) ?? 0);
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((x, y) => x + y, 0);
  return { recall: shared / Math.max(1, total(left)), precision: shared / Math.max(1, total(right)) };
}

describe('visibleText against Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('matches document.body.innerText word for word (≥ 0.95 both ways) on pages of every family and real Debian docs', async () => {
    const generated = generateSyntheticCorpus({ seed: 11, perFamily: 2 });
    expect(new Set(generated.map((p) => p.family)).size).toBe(FAMILIES.length);
    // Real HTML too, when Debian's documentation is there.
    const pages = [...generated, ...readDebianDocs({ limit: 6 })];
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    for (const page of pages) {
      await tab.setContent(page.html);
      const innerText = await tab.evaluate<string>('document.body.innerText');
      const title = await tab.title();
      const ours = visibleText(page.html);
      const { recall, precision } = overlap(innerText, ours.text);
      expect(recall, `${page.id} recall\n${innerText}\n---\n${ours.text}`).toBeGreaterThanOrEqual(0.95);
      expect(precision, `${page.id} precision\n${innerText}\n---\n${ours.text}`).toBeGreaterThanOrEqual(0.95);
      expect(ours.title).toBe(title.trim());
    }
    await context.close();
  });
});
