/**
 * `claimbook agree --report FILE.html` opened in the headless Chromium the integration tests use
 * (/usr/bin/chromium through playwright-core): the page loads with no request beyond its own
 * file, draws the chart and the strips, and every number it shows is the JSON report's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { run } from '../../src/cli/run';
import type { AgreementReport } from '../../src/core';
import { CHROMIUM } from '../provision';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const EU = 'articles/2026-01-06-eu-ready-to-commit-to-binding-guarantees';

function valueAt(report: unknown, dotted: string): unknown {
  let at: unknown = report;
  // Label ids hold no dots (lower-kebab-case), so the path splits cleanly.
  for (const key of dotted.split('.')) at = (at as Record<string, unknown>)[key];
  return at;
}

describe('claimbook agree --report (headless Chromium)', function () {
  this.timeout(60_000);
  let tmp: string;
  let browser: Browser;
  let report: AgreementReport;
  let html: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-report-'));
    for (const who of ['alice', 'bob']) fs.cpSync(SAMPLES, path.join(tmp, who), { recursive: true });
    const sidecar = path.join(tmp, 'bob', `${EU}.claims.yaml`);
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('stance: conditional', 'stance: pledge').replace('commitment: security-guarantee', 'commitment: military-support'));
    let stdout = '';
    html = path.join(tmp, 'agreement.html');
    const code = await run(['agree', 'alice', 'bob', '--format', 'json', '--report', html], { cwd: tmp, stdout: (t) => (stdout += t), stderr: () => {} });
    assert.equal(code, 0);
    report = JSON.parse(stdout) as AgreementReport;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is self-contained, and its numbers are the JSON report\'s', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${html}`);
    assert.deepEqual(requests, [`file://${html}`], 'no request beyond the page itself');

    const shown = await page.$$eval('[data-measure]', (cells) => cells.map((c) => ({ path: c.getAttribute('data-measure') ?? '', value: c.getAttribute('data-value') ?? '', text: c.textContent ?? '' })));
    // Every overall, label, attribute and article measure is on the page.
    const expected = 1 + 5 + Object.keys(report.labels).length * (3 + report.sources.length) + Object.keys(report.attributes).length * 3 + report.articles_detail.length * 3;
    assert.equal(shown.length, expected);
    for (const cell of shown) {
      const json = valueAt(report, cell.path) as number | null;
      assert.equal(cell.value, json === null ? 'null' : String(json), cell.path);
      const text = json === null ? '—' : Number.isInteger(json) && !cell.path.includes('alpha') && !cell.path.includes('f1') && !cell.path.includes('kappa') && !cell.path.includes('recall') && !cell.path.includes('precision') ? String(json) : json.toFixed(3);
      assert.equal(cell.text, text, cell.path);
    }

    // The chart has a bar pair per label; the strips mark the disputed units of the article.
    assert.equal(await page.locator('#chart .row').count(), Object.keys(report.labels).length);
    const article = page.locator('section.article', { hasText: `${EU}.txt` });
    assert.equal(await article.locator('.strip').count(), 2);
    assert.ok((await article.locator('.strip[data-source="bob"] .unit.dis').count()) >= 1);
    assert.match((await article.locator('.list').textContent()) ?? '', /different label.*alice: security-guarantee/);
    assert.ok((await article.locator('.text mark').count()) >= 1);

    const shot = path.join(tmp, 'agreement.png');
    await page.screenshot({ path: shot, fullPage: false });
    const png = fs.readFileSync(shot);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    if (process.env.CLAIMBOOK_KEEP_SCREENSHOT) fs.copyFileSync(shot, process.env.CLAIMBOOK_KEEP_SCREENSHOT);
    await page.close();
  });
});
