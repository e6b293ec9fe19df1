import { describe, expect, it } from 'vitest';
import { assetFingerprints, trackingIds } from './fingerprints.js';
import type { ResponseSeen } from './types.js';

const values = (html: string, urls: readonly string[] = []) => trackingIds(html, urls).map((f) => f.value);

// The head of a fake "Windows Defender" page as kits ship it: gtag, GTM, the pixel, tawk.to and CallRail.
const SCAM_PAGE = `<!DOCTYPE html><html lang="en"><head>
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>Security Alert - Windows Defender</title>
<!-- Global site tag (gtag.js) - Google Analytics -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-7QK2M9XW4T"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-7QK2M9XW4T');
  gtag('config', 'AW-10987654321');
  gtag('event', 'conversion', {'send_to': 'AW-10987654321/Xy_AbCdEfGhIj'});
</script>
<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-W8KQ3ZP');</script>
<script>
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;
n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '884512367701234');
fbq('track', 'PageView');
</script>
<script type="text/javascript" src="//cdn.callrail.com/companies/482913375/9f2c1a7be03d4e51aa20/12/swap.js"></script>
</head><body>
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-W8KQ3ZP" height="0" width="0"></iframe></noscript>
<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=884512367701234&amp;ev=PageView&amp;noscript=1"/></noscript>
<div class="alert">Windows Defender - Security Warning ** ACCESS TO THIS PC HAS BEEN BLOCKED **</div>
<!--Start of Tawk.to Script-->
<script type="text/javascript">
var Tawk_API=Tawk_API||{}, Tawk_LoadStart=new Date();
(function(){
var s1=document.createElement("script"),s0=document.getElementsByTagName("script")[0];
s1.async=true;
s1.src='https://embed.tawk.to/64a1f3c2cc26a871b0263f1e/1h4ml2qpa';
s1.charset='UTF-8';
s1.setAttribute('crossorigin','*');
s0.parentNode.insertBefore(s1,s0);
})();
</script>
<!--End of Tawk.to Script-->
</body></html>`;

describe('trackingIds', () => {
  it('reads GA4, Google Ads, GTM, the Facebook pixel, tawk.to and CallRail from a kit page, each once', () => {
    expect(values(SCAM_PAGE).sort()).toEqual(
      [
        'callrail:482913375',
        'fbpixel:884512367701234',
        'gads:AW-10987654321',
        'ga:G-7QK2M9XW4T',
        'gtm:GTM-W8KQ3ZP',
        'tawk:64a1f3c2cc26a871b0263f1e/1h4ml2qpa',
      ].sort(),
    );
    expect(trackingIds(SCAM_PAGE, []).every((f) => f.kind === 'tracking_id' && f.source === 'html')).toBe(
      true,
    );
  });

  it('names the script URL as the source when the id is in one, even if the HTML has it too', () => {
    const gtag = 'https://www.googletagmanager.com/gtag/js?id=G-7QK2M9XW4T';
    const found = trackingIds(SCAM_PAGE, [gtag]);
    expect(found.find((f) => f.value === 'ga:G-7QK2M9XW4T')?.source).toBe(gtag);
    expect(found.find((f) => f.value === 'gtm:GTM-W8KQ3ZP')?.source).toBe('html');
  });

  it('keeps the Universal Analytics account, not the view number', () => {
    const html = `<script>
  (function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){
  (i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),
  m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)
  })(window,document,'script','https://www.google-analytics.com/analytics.js','ga');
  ga('create', 'UA-87123456-3', 'auto');
  ga('send', 'pageview');
</script><script>var _gaq=[['_setAccount','UA-87123456-1']];</script>`;
    expect(values(html)).toEqual(['ga:UA-87123456']);
  });

  it('reads ids from script URLs the browser loaded', () => {
    const urls = [
      'https://code.tidio.co/k3v9x2mq8w7lzp4rt6yb1nd5hc0jsaeu.js',
      'https://code.jivosite.com/widget/Ab3dE5fG7h',
      'https://static.zdassets.com/ekr/snippet.js?key=3f9a2b1c-7d4e-4a5b-9c6d-0e1f2a3b4c5d',
      'https://widget.intercom.io/widget/q8z3k1m2',
      'https://static.hotjar.com/c/hotjar-3456789.js?sv=6',
      'https://www.clarity.ms/tag/k9x2m4q7pz',
      'https://mc.yandex.ru/watch/91234567',
      'https://solutions.invocacdn.com/js/networks/1779/2203451/tag-live.js',
      'https://512345.tctm.co/t.js',
      'https://b-js.ringba.com/CA7d3e9f01b2c44a6f8e5d2c1b0a9f8e7d',
      'https://www.googleadservices.com/pagead/conversion/10987654321/?label=abc',
      'https://www.googletagmanager.com/gtag/js?id=G-7QK2M9XW4T&l=dataLayer',
    ];
    expect(values('', urls)).toEqual([
      'tidio:k3v9x2mq8w7lzp4rt6yb1nd5hc0jsaeu',
      'jivo:Ab3dE5fG7h',
      'zendesk:3f9a2b1c-7d4e-4a5b-9c6d-0e1f2a3b4c5d',
      'intercom:q8z3k1m2',
      'hotjar:3456789',
      'clarity:k9x2m4q7pz',
      'ym:91234567',
      'invoca:1779/2203451',
      'ctm:512345',
      'ringba:CA7d3e9f01b2c44a6f8e5d2c1b0a9f8e7d',
      'gads:AW-10987654321',
      'ga:G-7QK2M9XW4T',
    ]);
    expect(trackingIds('', urls)[0]?.source).toBe(urls[0]);
  });

  it('reads chat-widget and analytics snippets written inline', () => {
    const html = `<script>
window.__lc = window.__lc || {};
window.__lc.license = 15234987;
;(function(n,t,c){function i(n){return e._h?e._h.apply(null,n):e._q.push(n)}})(window,document,[].slice);
</script>
<script type="text/javascript">window.$crisp=[];window.CRISP_WEBSITE_ID="7b1e4c2a-93f0-4d8e-a1b2-5c6d7e8f9a0b";</script>
<script>var _smartsupp = _smartsupp || {};
_smartsupp.key = '0f3e8a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f';</script>
<script>window.intercomSettings = { api_base: "https://api-iam.intercom.io", app_id: "x7k2p9qa" };</script>
<script>olark.identify('6384-921-10-4521');</script>
<script>(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
h._hjSettings={hjid:2987654,hjsv:6};})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>
<script>(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};
})(window, document, "clarity", "script", "m3n8q2w5zt");</script>
<script>ym(93456712, "init", { clickmap:true, trackLinks:true });</script>
<script>Retreaver.Campaign({ campaign_key: '3b8f2e1d9c7a6b5e4d3c2b1a0f9e8d7c' });</script>`;
    expect(values(html)).toEqual([
      'clarity:m3n8q2w5zt',
      'hotjar:2987654',
      'ym:93456712',
      'retreaver:3b8f2e1d9c7a6b5e4d3c2b1a0f9e8d7c',
      'livechat:15234987',
      'crisp:7b1e4c2a-93f0-4d8e-a1b2-5c6d7e8f9a0b',
      'intercom:x7k2p9qa',
      'smartsupp:0f3e8a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f',
      'olark:6384-921-10-4521',
    ]);
  });

  it('drops the placeholders of documentation and templates', () => {
    const html = `<script>
gtag('config', 'G-XXXXXXXXXX');
ga('create', 'UA-XXXXX-Y', 'auto');
ga('create', 'UA-123456-1', 'auto');
})(window,document,'script','dataLayer','GTM-XXXX');
})(window,document,'script','dataLayer','GTM-XXXXXXX');
fbq('init', '000000000000000');
</script>`;
    expect(values(html)).toEqual([]);
  });

  it('does not read an id glued inside a longer token or a class name', () => {
    const html = `<div class="G-HEADERBAR"></div><script>
var build = "LOG-G-7QK2M9XW4T";
var sku = 'XGTM-W8KQ3ZP';
var ref = "PUA-87123456-1";
</script>`;
    expect(values(html)).toEqual([]);
  });

  it('ignores ids printed in the visible prose of the page', () => {
    const html = `<body><p>Our analytics property is G-7QK2M9XW4T and our container is GTM-W8KQ3ZP.</p>
<p>Reference UA-87123456-1 when you call.</p></body>`;
    expect(values(html)).toEqual([]);
  });

  it('reads an id from an HTML-escaped attribute (a JSON config in a data attribute)', () => {
    const html = `<div data-config="{&quot;measurementId&quot;:&quot;G-4HF8K2LQ9Z&quot;}"></div>`;
    expect(values(html)).toEqual(['ga:G-4HF8K2LQ9Z']);
  });

  it('reads a script whose closing tag was cut off by the capture limit', () => {
    expect(values(`<script>gtag('config', 'G-4HF8K2LQ9Z'); var x =`)).toEqual(['ga:G-4HF8K2LQ9Z']);
  });
});

describe('assetFingerprints', () => {
  const hash = (c: string) => c.repeat(64);
  const seen = (over: Partial<ResponseSeen>): ResponseSeen => ({
    url: 'https://support-win-alert.azurewebsites.net/assets/alarm.mp3',
    status: 200,
    contentType: 'audio/mpeg',
    sha256: hash('a'),
    size: 48_213,
    ...over,
  });

  it('hashes scripts, images, audio, video and fonts', () => {
    const found = assetFingerprints([
      seen({}),
      seen({
        url: 'https://x.test/js/lock.js',
        contentType: 'application/javascript; charset=utf-8',
        sha256: hash('b'),
      }),
      seen({ url: 'https://x.test/img/defender.png', contentType: 'image/png', sha256: hash('c') }),
      seen({ url: 'https://x.test/f/segoe.woff2', contentType: 'font/woff2', sha256: hash('d') }),
      seen({ url: 'https://x.test/v/bsod.mp4', contentType: 'video/mp4', sha256: hash('e') }),
    ]);
    expect(found).toEqual([
      {
        kind: 'asset_hash',
        value: `sha256:${hash('a')}`,
        source: 'https://support-win-alert.azurewebsites.net/assets/alarm.mp3',
      },
      { kind: 'asset_hash', value: `sha256:${hash('b')}`, source: 'https://x.test/js/lock.js' },
      { kind: 'asset_hash', value: `sha256:${hash('c')}`, source: 'https://x.test/img/defender.png' },
      { kind: 'asset_hash', value: `sha256:${hash('d')}`, source: 'https://x.test/f/segoe.woff2' },
      { kind: 'asset_hash', value: `sha256:${hash('e')}`, source: 'https://x.test/v/bsod.mp4' },
    ]);
  });

  it('skips documents, data, tiny bodies, failed responses and bodies that were not hashed', () => {
    expect(
      assetFingerprints([
        seen({ url: 'https://x.test/', contentType: 'text/html; charset=utf-8' }),
        seen({ url: 'https://x.test/n.json', contentType: 'application/json' }),
        seen({ url: 'https://x.test/n.xml', contentType: 'text/xml' }),
        seen({ url: 'https://x.test/s.css', contentType: 'text/css' }),
        seen({ url: 'https://x.test/px.gif', contentType: 'image/gif', size: 43 }),
        seen({ url: 'https://x.test/gone.png', status: 404 }),
        seen({ url: 'https://x.test/r.js', status: 302 }),
        seen({ url: 'https://x.test/big.js', sha256: undefined }),
        seen({ url: 'https://x.test/nosize.js', size: undefined }),
      ]),
    ).toEqual([]);
  });

  it('falls back on the file name when the host sends a generic type, and keeps one entry per hash', () => {
    const found = assetFingerprints([
      seen({ url: 'https://a.test/sound/warning.mp3?v=2', contentType: 'application/octet-stream' }),
      seen({ url: 'https://b.test/sound/warning.mp3', contentType: 'audio/mpeg' }),
      seen({ url: 'https://a.test/blob', contentType: 'application/octet-stream', sha256: hash('f') }),
      seen({ url: 'https://a.test/readme.txt', contentType: 'text/plain', sha256: hash('9') }),
      seen({ url: 'https://a.test/app.js', contentType: 'text/plain', sha256: hash('8') }),
    ]);
    expect(found.map((f) => [f.value.slice(0, 9), f.source])).toEqual([
      ['sha256:aa', 'https://a.test/sound/warning.mp3?v=2'],
      ['sha256:88', 'https://a.test/app.js'],
    ]);
  });
});
