import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type LocalServer } from '../../cli/commands/serve';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { CsvRecords, MAY_2024_KEYS } from '../support/fixtures';
import { HistoryFixture } from '../support/history';

/**
 * The web view in a real browser: Debian's Chromium, headless, driven by playwright-core, against `serve` after the
 * demo's pipeline. Without Chromium the suite is skipped with one line, except under CI=true, where it fails.
 */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: the browser test must run in CI (.ci/run installs it with apt-get install -y chromium)`);
  process.stderr.write(`web view browser test skipped: no ${CHROMIUM}; enable it with \`apt-get install -y chromium\`\n`);
}

jest.setTimeout(90_000);

(available ? describe : describe.skip)('the web view in headless Chromium', () => {
  let fx: HistoryFixture;
  let server: LocalServer;
  let browser: Browser;
  let page: Page;
  const elsewhere: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    fx = await HistoryFixture.afterDemo();
    server = await startServer({ history: fx.history }, 0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ locale: 'ja-JP' });
    page.on('request', (request) => {
      if (!request.url().startsWith(`${server.url}/`)) elsewhere.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fx?.close();
  });

  it('shows the 12 designations of the latest version, and opens an entry with its timeline', async () => {
    await page.goto(`${server.url}/`);
    const designations = page.locator('section.version[data-version="2"] article.change[data-type="designated"]');
    await designations.nth(11).waitFor();
    expect(await designations.count()).toBe(12);
    expect((await designations.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-key')))).sort()).toEqual(MAY_2024_KEYS);
    await page.getByText('資産凍結等対象者一覧の履歴').first().waitFor();

    await page.locator('article.change[data-key="029-000729"] a.entry-link').click();
    const item = page.locator('ol.timeline > li[data-type="designated"][data-version="2"]');
    await item.waitFor();
    expect(await page.locator('h1').textContent()).toContain('ウラジーミル・ミヘイチク / Vladimir Mikheychik');
    expect(await item.textContent()).toContain('shisantouketsu20260828-excerpt.csv');
    expect(await page.locator('table.entry').textContent()).toContain('1970-05-16');
  });

  it('finds an entry by name or key', async () => {
    for (const q of ['Mikheichik', '029-000729']) {
      await page.goto(`${server.url}/`);
      await page.fill('#q', q);
      await page.press('#q', 'Enter');
      await page.locator('ul.results a.entry-link[data-key="029-000729"]').waitFor();
      expect(await page.locator('ul.results li').count()).toBe(1);
    }
  });

  it('shows an amendment field by field, with the changed words marked', async () => {
    const amended = CsvRecords.excerpt().map((row, at) =>
      row[at('番号')] === '029-000729' ? ((row[at('役職（英語）')] = 'General Director of Joint Stock Company State Airline 224th Flight Detachment'), row) : null,
    );
    await fx.check(amended);
    await page.goto(`${server.url}/#/entry/029-000729`);
    const amendment = page.locator('ol.timeline > li[data-type="amended"][data-version="3"]');
    await amendment.waitFor();
    const row = amendment.locator('tr[data-field="positions.en"]');
    // Only the word that went is marked; the rest of the position reads as before.
    expect((await row.locator('td.before del').allTextContents()).map((t) => t.trim())).toEqual(['Open']);
    expect(await row.locator('td.after').textContent()).toBe('General Director of Joint Stock Company State Airline 224th Flight Detachment');
    expect(await row.locator('td.after ins').count()).toBe(0);
    expect(await page.locator('ol.timeline > li').count()).toBe(2);
  });

  it('says in the status line when re-screening of customers is stopped, and stops saying it once it works again', async () => {
    const log = new DynamoDbScreeningLog({ client: fx.dynamo.client, tableName: fx.dynamo.tableName });
    const reason = 's3://archive/screening/customers.csv row 7, column dob: not a date';
    await log.saveState({ screenedVersion: 2, customerFileSha256: null, customerRuns: 0, problem: { reason, since: '2026-12-02T01:00:00.000Z', alertedAt: '2026-12-02T01:00:00.000Z' } });
    await page.goto(`${server.url}/`);
    const stopped = page.locator('#status span.stale', { hasText: 're-screening stopped' });
    await stopped.waitFor();
    expect(await stopped.textContent()).toContain(reason);
    await log.recordProblem(null);
    await page.goto(`${server.url}/`);
    // The status line, drawn afresh: it names the committed version, and no longer the stop.
    await page.locator('#status', { hasText: 'Committed version' }).waitFor();
    expect(await page.locator('#status').textContent()).not.toContain('re-screening');
  });

  it('made no request anywhere but this server, and raised no error', () => {
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  });
});
