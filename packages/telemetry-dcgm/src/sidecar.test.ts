import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunClock } from '@aiperf/stats';
import { createGpuTelemetrySidecar } from './sidecar.js';
import { closedPortUrl, startFixtureExporter, startGarbageEndpoint, type TestServer } from './testing/exposition-server.js';
import { makeTempDir, stepFakeClock } from '@aiperf/test-kit';

// The scrape grid and the run clock on vitest's fake clock, the HTTP and file I/O real: tests step the clock one
// interval at a time and wait for each scrape to land, so the window holds an exact number of readings.
const useFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'hrtime', 'Date'] });
let artifactDir = '';
const servers: TestServer[] = [];
beforeEach(async () => {
  artifactDir = await makeTempDir('dcgm-sidecar-');
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await rm(artifactDir, { recursive: true, force: true });
});

interface JsonlLine {
  timestamp_ns: number;
  dcgm_url: string;
  gpu_index: number;
  gpu_uuid: string;
  telemetry_data: Record<string, number>;
}

/** Parses the export, keeping timestamp_ns exact as a bigint next to each line. */
async function readExport(): Promise<Array<{ line: JsonlLine; timestampNs: bigint }>> {
  const text = await readFile(join(artifactDir, 'gpu_telemetry_export.jsonl'), 'utf8');
  return text.trimEnd().split('\n').map((raw) => ({
    line: JSON.parse(raw) as JsonlLine,
    timestampNs: BigInt(/^\{"timestamp_ns":(\d+),/.exec(raw)?.[1] ?? 'x'),
  }));
}

describe('createGpuTelemetrySidecar', () => {
  it('with one good, one down and one malformed endpoint: warns, exports JSONL, summary, console and GPU count', async () => {
    const exporter = await startFixtureExporter();
    const garbage = await startGarbageEndpoint();
    servers.push(exporter, garbage);
    const down = await closedPortUrl();
    const warnings: string[] = [];
    useFakeClock();
    const sidecar = createGpuTelemetrySidecar({
      urls: [exporter.url, down, garbage.url], intervalMs: 40, includeDefaultUrls: false, showConsole: true,
      warn: (line) => warnings.push(line),
    });
    const clock = createRunClock();
    await sidecar.start({ clock, artifactDir });
    // Each scrape raises GPU 0's power by 1 W: scrape n (the baseline is 1) reads 300 + n.
    const scraped = (scrapes: number) => sidecar.live().gpus[0]?.powerW === 300 + scrapes;
    const power = () => `GPU 0 at ${sidecar.live().gpus[0]?.powerW} W`;
    await stepFakeClock(3, 40, (tick) => scraped(1 + tick), power); // warmup: scrapes before the window still go to the JSONL
    const startEpochNs = clock.nowEpochNs();
    await stepFakeClock(10, 40, (tick) => scraped(4 + tick), power);
    const endEpochNs = clock.nowEpochNs();
    // The live feed: the newest reading of each GPU (the fixture's GPU 0 power is 300 + the scrape number).
    const live = sidecar.live().gpus;
    expect(live.map((gpu) => gpu.gpuIndex)).toEqual([0, 1]);
    expect(live[0]).toEqual({
      url: exporter.url, gpuIndex: 0, modelName: 'NVIDIA H100 80GB HBM3', utilizationPercent: expect.any(Number),
      memoryUsedGb: expect.closeTo(92.809, 3), powerW: expect.any(Number), temperatureC: 39,
    });
    expect(live[0]?.powerW).toBe(300 + exporter.hits());
    const result = await sidecar.stop({ startEpochNs, endEpochNs });

    expect(warnings).toHaveLength(4);
    expect(warnings.filter((line) => line.includes(down))).toHaveLength(2);
    expect(warnings.filter((line) => line.includes(garbage.url))).toHaveLength(2);
    expect(result.gpuCount).toBe(2);
    expect(result.files).toEqual([join(artifactDir, 'gpu_telemetry_export.jsonl')]);
    expect(result.labeledFiles).toEqual([{ label: 'GPU Telemetry Export', path: join(artifactDir, 'gpu_telemetry_export.jsonl') }]);

    const lines = await readExport();
    expect(lines.length / 2).toBe(exporter.hits());
    expect(new Set(lines.map(({ line }) => line.dcgm_url))).toEqual(new Set([exporter.url]));
    expect(lines.some(({ timestampNs }) => timestampNs < startEpochNs)).toBe(true);

    const telemetry = result.summaryJson?.telemetry_data;
    expect(telemetry?.summary.endpoints_configured).toEqual([exporter.url, down, garbage.url]);
    expect(telemetry?.summary.endpoints_successful).toEqual([exporter.url]);
    expect(telemetry?.error_summary?.map((entry) => entry.error_details.type)).toEqual(['TelemetryEndpointUnreachable', 'MalformedTelemetry']);
    const key = exporter.url.replace('http://', '').replace('/metrics', '');
    const gpu0 = telemetry?.endpoints[key]?.gpus.gpu_0;
    expect(gpu0).toMatchObject({ gpu_index: 0, gpu_name: 'NVIDIA H100 80GB HBM3', gpu_uuid: 'GPU-9b3c1f2e-5d4a-4c61-8f0e-2a7d13c9e401', hostname: 'dgx-h100-07' });

    // The summary is exactly the in-window part of the JSONL.
    const inWindow = lines.filter(({ line, timestampNs }) => line.gpu_index === 0 && timestampNs >= startEpochNs && timestampNs <= endEpochNs);
    const powers = inWindow.map(({ line }) => line.telemetry_data.gpu_power_usage as number);
    expect(powers).toEqual(Array.from({ length: 11 }, (_, i) => 304 + i)); // stamped at 120, 160, …, 520 ms
    expect(gpu0?.metrics.gpu_power_usage).toMatchObject({
      unit: 'W', count: powers.length, min: Math.min(...powers), max: Math.max(...powers),
      avg: expect.closeTo(powers.reduce((a, b) => a + b, 0) / powers.length, 9),
    });
    expect(gpu0?.metrics.gpu_memory_used).toMatchObject({ unit: 'GB', avg: expect.closeTo(92.809, 3), std: expect.closeTo(0, 9) });
    // The fixture's counter does not move: full stats of one constant reading, no increase.
    expect(gpu0?.metrics.energy_consumption).toMatchObject({ unit: 'MJ', std: 0, delta: 0 });
    expect(gpu0?.metrics.energy_consumption?.min).toBe(gpu0?.metrics.energy_consumption?.max);

    expect(result.consoleText).toContain('1/3 telemetry sources reachable');
    expect(result.consoleText).toContain(`  ✔ ${exporter.url}`);
    expect(result.consoleText).toMatch(new RegExp(`  ✘ ${down} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:`));
    expect(result.consoleText).toContain(`${key} | GPU 1 | NVIDIA H100 80GB HBM3`);
    expect(result.consoleText).toMatch(/│\s+GPU Memory Used \(GB\) │\s+92\.81 │/);
  });

  it('reports nothing (no file, no summary, no warning) when only unreachable defaults were configured', async () => {
    const warnings: string[] = [];
    const sidecar = createGpuTelemetrySidecar({ urls: [], defaultUrls: [await closedPortUrl()], warn: (line) => warnings.push(line) });
    const clock = createRunClock();
    await sidecar.start({ clock, artifactDir });
    // Nothing left to scrape: the run may issue its requests from the main loop.
    expect(sidecar.busyDuringRun()).toBe(false);
    const startEpochNs = clock.nowEpochNs();
    expect(await sidecar.stop({ startEpochNs, endEpochNs: clock.nowEpochNs() })).toEqual({});
    expect(warnings).toEqual([]);
    expect(await readdir(artifactDir)).toEqual([]);
  });

  it('scrapes a reachable default silently, without console text unless asked, under a custom file name', async () => {
    const exporter = await startFixtureExporter();
    servers.push(exporter);
    const sidecar = createGpuTelemetrySidecar({ urls: [], defaultUrls: [exporter.url.replace('http://', '').replace('/metrics', '')], intervalMs: 50, exportFileName: 'foo_gpu_telemetry.jsonl' });
    useFakeClock();
    const clock = createRunClock();
    const startEpochNs = clock.nowEpochNs();
    await sidecar.start({ clock, artifactDir });
    expect(sidecar.busyDuringRun()).toBe(true);
    await stepFakeClock(3, 50, (tick) => exporter.hits() === 1 + tick, () => `${exporter.hits()} scrapes`);
    const result = await sidecar.stop({ startEpochNs, endEpochNs: clock.nowEpochNs() });
    expect(result.consoleText).toBeUndefined();
    expect(result.files).toEqual([join(artifactDir, 'foo_gpu_telemetry.jsonl')]);
    expect(result.summaryJson?.telemetry_data.summary.endpoints_successful).toEqual([exporter.url]);
  });

  it('names the flag for a bad URL before anything starts', () => {
    expect(() => createGpuTelemetrySidecar({ urls: ['gpu node:9400'] })).toThrow('--gpu-telemetry: "gpu node:9400" is not a DCGM exporter URL');
  });
});

describe('createGpuTelemetrySidecar with --gpu-telemetry but no URLs', () => {
  it('lists the unreachable defaults in the console and says so at the end', async () => {
    const warnings: string[] = [];
    const defaults = [await closedPortUrl(), await closedPortUrl()];
    const sidecar = createGpuTelemetrySidecar({ urls: [], defaultUrls: defaults, showConsole: true, warn: (line) => warnings.push(line) });
    const clock = createRunClock();
    await sidecar.start({ clock, artifactDir });
    const startEpochNs = clock.nowEpochNs();
    const result = await sidecar.stop({ startEpochNs, endEpochNs: clock.nowEpochNs() });
    expect(warnings).toEqual([
      `GPU telemetry: --gpu-telemetry was given but no DCGM exporter answered at the default URLs (${defaults.join(', ')}); pass the exporter URL(s) after --gpu-telemetry`,
    ]);
    expect(result.consoleText).toMatch(new RegExp(`^\\nAIPerf \\| GPU Telemetry Summary\\n0/2 telemetry sources reachable\\n  ✘ ${defaults[0]} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:`));
    expect(result.summaryJson?.telemetry_data.summary.endpoints_configured).toEqual([]);
    expect(result.gpuCount).toBeUndefined();
    expect(result.files).toBeUndefined();
  });
});
