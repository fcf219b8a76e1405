/**
 * One server and one headless Chromium per browser test file (issue #15). Chromium is Debian's /usr/bin/chromium;
 * when it is missing the suite fails with a clear message — it never skips.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Harness, startHarness, TestUser } from '../../support/harness';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the main pages, at 1280 and 390 px wide (README, "In the browser"). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Web {
  h: Harness;
  base: string;
  browser: Browser;
  /** A fresh browser context (own cookies) signed in as this user. */
  signIn: (user: TestUser) => Promise<{ context: BrowserContext; page: Page }>;
  close: () => Promise<void>;
}

export async function startWeb(opts: { javaScript: boolean }): Promise<Web> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it (Debian: apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH; the browser tests do not skip.`);
  const h = await startHarness({}, { sqlite: true });
  await h.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
  // launch() starts Chromium with a fresh temporary --user-data-dir of its own, removed on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const signIn = async (user: TestUser) => {
    // bypassCSP only so that axe-core can be injected; the pages themselves run no script.
    const context = await browser.newContext({ baseURL: base, javaScriptEnabled: opts.javaScript, bypassCSP: opts.javaScript, acceptDownloads: true, locale: 'nl-NL' });
    context.setDefaultTimeout(8000);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Token').fill(user.token);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForLoadState();
    return { context, page };
  };
  return {
    h,
    base,
    browser,
    signIn,
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await h.close();
    },
  };
}

/** Run axe-core on the page; fail on any serious or critical violation, naming them. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`axe on ${page.url()}: ${JSON.stringify(bad, null, 1)}`);
}

/** Full-page screenshots at 1280 and 390 px wide. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  // The top of the page as one sees it first (the README's picture is one of these).
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-1280-boven.png`) });
}
