import { type Browser, type BrowserServer, chromium } from 'playwright-core';

/** Where Debian installs Chromium; `DRAGNET_CHROMIUM` overrides it. */
export const CHROMIUM_PATH = process.env.DRAGNET_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags for a Chromium that talks to nothing but `proxyUrl`: Chromium's own traffic (updates, autofill,
 * sign-in) kept off the wire, QUIC and WebRTC's UDP disabled, and loopback sent through the proxy too
 * (Chromium otherwise talks to loopback directly, around the guard).
 */
export function chromiumArgs(proxyUrl: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-client-side-phishing-detection',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-breakpad',
    '--no-default-browser-check',
    '--no-pings',
    '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,PrivacySandboxSettings4',
    '--disable-dev-shm-usage',
    '--mute-audio',
    `--proxy-server=${proxyUrl}`,
    '--proxy-bypass-list=<-loopback>',
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  ];
}

/**
 * One Chromium for a crawler process, all its traffic through Dragnet's egress proxy (so the URL guard
 * sees every request, loopback included). Launched as a server so it can always be killed: whatever a
 * page did, `kill()` ends the process tree. Recycled after `maxVisits` visits to bound its memory.
 */
export class CrawlerBrowser {
  private server: BrowserServer | undefined;
  private browser: Browser | undefined;
  private visits = 0;

  constructor(
    private readonly proxyUrl: string,
    private readonly maxVisits = 50,
  ) {}

  /** The running browser, launched or relaunched as needed. */
  async get(): Promise<Browser> {
    if (this.browser?.isConnected() && this.visits < this.maxVisits) {
      this.visits++;
      return this.browser;
    }
    await this.kill();
    this.server = await chromium.launchServer({
      executablePath: CHROMIUM_PATH,
      headless: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...chromiumArgs(this.proxyUrl), '--autoplay-policy=no-user-gesture-required'],
    });
    this.browser = await chromium.connect(this.server.wsEndpoint());
    this.visits = 1;
    return this.browser;
  }

  /** The browser's process id while it runs (for monitoring, and for tests that prove it ends). */
  get pid(): number | undefined {
    return this.server?.process().pid;
  }

  /** Ends the browser process tree at once (after a hung page, and at shutdown). */
  async kill(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.browser = undefined;
    if (server) await server.kill().catch(() => undefined);
  }

  /** Closes politely, killing when that takes more than a few seconds. */
  async close(): Promise<void> {
    const browser = this.browser;
    if (browser) await Promise.race([browser.close().catch(() => undefined), sleep(3000)]);
    await this.kill();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
