import { describe, expect, it } from 'vitest';
import { dialogsOf } from './dialogs.js';
import { generateSyntheticCorpus } from './generate.js';

describe('dialogsOf', () => {
  it('reads the literal texts of alert, confirm, prompt and speech calls in inline scripts', () => {
    const html = `<script>
window.addEventListener('load', function () {
  alert("** WARNING **\\n\\nCall 1-888-555-0199 now");
  if (confirm('Your PC is blocked. Call support?')) {}
  window.alert(\`Third\`);
  var u = new SpeechSynthesisUtterance("Do not close this window");
});
</script>`;
    expect(dialogsOf(html)).toEqual([
      '** WARNING **\n\nCall 1-888-555-0199 now',
      'Your PC is blocked. Call support?',
      'Third',
      'Do not close this window',
    ]);
  });

  it('decodes escapes, joins concatenated literals and skips arguments that are not literals', () => {
    const html = `<script>alert("caf\\u00e9 \\x41 \\u003cb>" + ' and ' + "more"); alert(message); alert("a" + x);</script>`;
    expect(dialogsOf(html)).toEqual(['café A <b> and more']);
  });

  it('reads inline event handlers and ignores data scripts and external scripts', () => {
    const html = `<button onclick="alert(&quot;Call now&quot;)">x</button>
<script type="application/ld+json">{"alert(": "no"}</script><script src="kit.js"></script>`;
    expect(dialogsOf(html)).toEqual(['Call now']);
  });

  it('recovers the alerts the generator put on scam pages', () => {
    const pages = generateSyntheticCorpus({ seed: 3, perFamily: 20 }).filter((p) => p.label === 'scam');
    const withDialogs = pages.filter((p) => dialogsOf(p.html).length > 0);
    expect(withDialogs.length).toBeGreaterThan(pages.length / 3);
    for (const page of withDialogs)
      for (const text of dialogsOf(page.html)) expect(text.length).toBeGreaterThan(10);
  });
});
