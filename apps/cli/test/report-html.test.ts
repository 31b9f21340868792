/// <reference lib="dom" />
// The self-contained HTML report, opened in headless Chromium: renders, charts draw, no console error, no network.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickProfileArgs, readJson, runAiperf, tempDir } from './auto-plot-cli.js';
import { hasChromium, openAndWatch, openBrowser } from './chromium.js';

let server: MockServer;
let root: string;
let browser: Awaited<ReturnType<typeof openBrowser>> | null = null;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 3, itlMs: 1, ttftJitterMs: 2, errorRate: 0.25, errorStatus: 503, seed: 7 });
  root = await tempDir('aiperf-report-html-');
  if (hasChromium) browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Canvases the charts drew on, with how many of their pixels are painted. */
const paintedPixels = (page: Page) =>
  page.$$eval('canvas[data-chart]', (canvases) =>
    canvases.map((canvas) => {
      const { data } = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
      return { id: canvas.getAttribute('data-chart'), painted };
    }),
  );

/**
 * The two runs under `root` (a single run with its HTML report, a concurrency sweep), each made once by whichever
 * test needs it first: each test stands alone, in any order.
 */
const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};
const singleRun = once(() => runAiperf(quickProfileArgs(server.url, join(root, 'single'), ['--request-count', '24', '--concurrency', '2', '--report', 'html'])));
const sweepRun = once(() => runAiperf(quickProfileArgs(server.url, join(root, 'sweep'), ['--concurrency', '1,2', '--no-auto-plot'])));

describe.skipIf(!hasChromium)('HTML report in headless Chromium', () => {
  it('profile --report html: tables, three drawn charts, errors, config; no console error and no request', async () => {
    const dir = join(root, 'single');
    const run = await singleRun();
    expect(run.code, run.stderr).toBe(0);
    const file = join(dir, 'report.html');
    expect(run.stdout).toContain(`HTML Report: ${file}`);
    const url = pathToFileURL(file).href;
    const { page, log } = await openAndWatch(browser!.context, url);
    await page.waitForSelector('body[data-charts-drawn]');
    expect(await page.getAttribute('body', 'data-charts-drawn')).toBe('3');
    const canvases = await paintedPixels(page);
    expect(canvases.map((c) => c.id)).toEqual(['time_to_first_token-over-time', 'inter_token_latency-over-time', 'request_latency-over-time']);
    for (const canvas of canvases) expect(canvas.painted, canvas.id!).toBeGreaterThan(2000);

    const summary = await readJson(join(dir, 'profile_export_aiperf.json'));
    const text = await page.innerText('main');
    expect(text).toContain('time_to_first_token (ms)');
    expect(text).toContain(summary.time_to_first_token.avg.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    const errors = summary.error_summary as Array<{ count: number }>;
    expect(errors.length).toBeGreaterThan(0);
    expect(text).toContain('Error summary');
    expect(text).toMatch(/503\s+\S+/);
    expect(await page.innerText('#config')).toContain('"mock-model"');
    expect(log.errors).toEqual([]);
    expect(log.requests).toEqual([url]); // the page itself, nothing else: no CDN, no fonts, no beacons
    await page.close();
    // One file: nothing referenced outside it.
    expect(readFileSync(file, 'utf8')).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  });

  it('aiperf report on a sweep: the sweep table and its charts', async () => {
    const dir = join(root, 'sweep');
    const swept = await sweepRun();
    expect(swept.code, swept.stderr).toBe(0);
    const out = join(root, 'sweep-report.html');
    const run = await runAiperf(['report', dir, '--output', out]);
    expect(run.code, run.stderr).toBe(0);
    const { page, log } = await openAndWatch(browser!.context, pathToFileURL(out).href);
    await page.waitForSelector('body[data-charts-drawn]');
    expect((await paintedPixels(page)).map((c) => c.id)).toEqual(['sweep-latency', 'sweep-throughput', 'sweep-trade-off']);
    const rows = await page.$$eval('table tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(rows).toEqual(['concurrency=1', 'concurrency=2']);
    expect(log.errors).toEqual([]);
    expect(log.requests).toHaveLength(1);
    await page.close();
  });

  it('bad input: a directory without results is one line and exit 2', async () => {
    // `root` holds the single run and the sweep, not one run's results.
    for (const made of await Promise.all([singleRun(), sweepRun()])) expect(made.code, made.stderr).toBe(0);
    const run = await runAiperf(['report', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^aiperf report: .*holds 2 runs/);
  });
});
