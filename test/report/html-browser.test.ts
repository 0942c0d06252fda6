import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estateResult, html } from './html-report-support.js';

// Debian's chromium (`apt-get install chromium`); CI machines without it skip these, visibly.
const CHROMIUM = process.env['WARDEN_CHROMIUM'] ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOT = fileURLToPath(new URL('../../docs/images/html-report.png', import.meta.url));

describe.skipIf(!HAVE_CHROMIUM)(`HTML report in a real browser (${HAVE_CHROMIUM ? CHROMIUM : `skipped: no chromium at ${CHROMIUM}; apt-get install chromium, or set WARDEN_CHROMIUM`})`, () => {
  let dir: string;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const problems: string[] = [];
  let findings = 0;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    dir = mkdtempSync(join(tmpdir(), 'warden-html-'));
    const result = await estateResult();
    findings = result.findings.length;
    writeFileSync(join(dir, 'report.html'), html(result));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleRows = () => page.locator('#findings tbody tr:not([hidden])').count();

  it('renders without console errors or CSP violations, and runs no injected markup', async () => {
    expect(await page.title()).toBe('warden scan report');
    expect(await page.locator('img').count()).toBe(0);
    expect(await visibleRows()).toBe(findings);
    expect(problems).toEqual([]);
  });

  it('filters the findings table by text, severity and verdict', async () => {
    await page.fill('#filter', 'orders');
    const byText = await visibleRows();
    expect(byText).toBeGreaterThan(0);
    expect(byText).toBeLessThan(findings);
    for (const text of await page.locator('#findings tbody tr:not([hidden])').allInnerTexts()) expect(text.toLowerCase()).toContain('orders');
    await page.fill('#filter', '');
    await page.selectOption('#severity-filter', 'critical');
    expect(await visibleRows()).toBe(await page.locator('#findings tbody tr[data-severity="critical"]').count());
    expect(await page.locator('#shown').innerText()).toBe(String(await visibleRows()));
    await page.selectOption('#severity-filter', '');
    expect(await visibleRows()).toBe(findings);
  });

  it('sorts by a column, and back', async () => {
    const severities = () => page.locator('#findings tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-sort-severity'))));
    await page.click('#findings thead button[data-key="severity"]');
    const ascending = await severities();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.click('#findings thead button[data-key="severity"]');
    const descending = await severities();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBe(5);
  });

  it('opens a finding with its exposure path, and the summary makes a screenshot', async () => {
    await page.fill('#filter', 'db-internet-reachable');
    await page.locator('#findings tbody tr:not([hidden]) summary').first().click();
    expect(await page.locator('#findings tbody tr:not([hidden]) svg.path g.hop').count()).toBeGreaterThan(4);
    await page.fill('#filter', '');
    // The picture for docs/audit.md: the top of a report of the estate alone (without the hostile row).
    const clean = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    writeFileSync(join(dir, 'clean.html'), html({ ...(await estateResult()), findings: (await estateResult()).findings.slice(0, -1) }));
    await clean.goto(pathToFileURL(join(dir, 'clean.html')).href);
    const shot = await clean.screenshot({ fullPage: false });
    await clean.close();
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(shot.length).toBeGreaterThan(20_000);
    // `WARDEN_WRITE_SCREENSHOT=1 npm run test:browser` refreshes the picture in docs/audit.md.
    if (process.env['WARDEN_WRITE_SCREENSHOT'] === '1') {
      mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
      writeFileSync(SCREENSHOT, shot);
    }
    expect(problems).toEqual([]);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('svg');
  });
});
