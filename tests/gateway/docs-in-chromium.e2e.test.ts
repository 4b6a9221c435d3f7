/**
 * /docs/catalog renders offline in a real headless Chromium (Debian's package, installed by
 * scripts/ensure-chromium.sh when missing) and shows every operation of the contract.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevProject, startDevProject } from '../support/dev-project.ts';

let dev: DevProject;
let browser: BrowserContext;
const profile = mkdtempSync(join(tmpdir(), 'charter-chromium-'));

beforeAll(async () => {
  if (!existsSync('/usr/bin/chromium'))
    execFileSync(resolve('scripts/ensure-chromium.sh'), { stdio: 'inherit' });
  dev = await startDevProject('docs');
  // A fresh profile each run: launchPersistentContext takes it as the --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  rmSync(profile, { recursive: true, force: true });
});

describe('docs in a browser', () => {
  it('renders the catalog reference with every operation, without any request leaving loopback', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      // Redoc's logo is an <img> from its CDN and may fail; what renders the page must be local.
      const essential = ['document', 'script', 'stylesheet', 'fetch', 'xhr'].includes(request.resourceType());
      if (
        essential &&
        !['127.0.0.1', 'localhost'].includes(url.hostname) &&
        url.protocol.startsWith('http')
      ) {
        external.push(request.url());
      }
    });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    const response = await page.goto(`${dev.url}/docs/catalog`, { waitUntil: 'load', timeout: 90_000 });
    expect(response?.status()).toBe(200);
    // What a reader sees, laid out: innerText, unlike textContent, skips hidden nodes.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered, visible text is what is under test.
    const text = () => page.locator('body').innerText();
    await expect.poll(text, { timeout: 30_000 }).toContain('Catalog API');
    for (const operation of [
      /GET\s*\/products\n/,
      /POST\s*\/products\n/,
      /GET\s*\/products\/\{productId\}/,
      /PATCH\s*\/products\/\{productId\}/,
    ]) {
      await expect.poll(text, { timeout: 30_000 }).toMatch(operation);
    }
    await page.getByText('GET/products/{productId}').first().click();
    await expect.poll(text, { timeout: 30_000 }).toContain('Get a product');
    expect(await page.title()).toContain('catalog');
    expect(external).toEqual([]);
  }, 120_000);
});
