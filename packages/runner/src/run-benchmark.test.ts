import { IssuerThreadPool, createTimingStrategyRegistry } from '@aiperf/loadgen';
import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run-benchmark.js';
import { testConfig } from '@aiperf/recipes/testing';
import { capture, fakeProfile, recordingHooks, tmp } from './test-fakes.js';

describe('runBenchmark: single run', () => {
  it('runs the profile once and fires the hooks against its artifact dir on success', async () => {
    const dir = await tmp();
    const { calls, runProfile } = fakeProfile();
    const { seen, hooks } = recordingHooks();
    const code = await runBenchmark(testConfig({ artifactDir: dir }), capture().io, { runProfile, hooks, sidecars: () => [] });
    expect(code).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options.artifactDir).toBeUndefined();
    expect(seen.map((o) => [o.kind, o.artifactDir, o.exitCode])).toEqual([['single', dir, 0]]);
  });

  it('hands the engine registries and plugin module URLs to every run of a sweep', async () => {
    const { calls, runProfile } = fakeProfile();
    const engine = { timingStrategies: createTimingStrategyRegistry() };
    const config = testConfig({ artifactDir: await tmp(), sweep: { parameters: { concurrency: [1, 2] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    await runBenchmark(config, capture().io, { runProfile, sidecars: () => [], engine, pluginModules: ['file:///p.mjs'] });
    expect(calls.map((c) => [c.options.registries, c.options.pluginModules])).toEqual([[engine, ['file:///p.mjs']], [engine, ['file:///p.mjs']]]);
  });

  it('hands every run of a sweep the same issuing-thread pool, and closes it when the benchmark is done', async () => {
    const { calls, runProfile } = fakeProfile();
    const config = testConfig({ artifactDir: await tmp(), sweep: { parameters: { concurrency: [1, 2, 4] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    await runBenchmark(config, capture().io, { runProfile, sidecars: () => [] });
    const pools = new Set(calls.map((c) => c.options.issuerThreads));
    expect(calls).toHaveLength(3);
    expect(pools.size).toBe(1);
    const [pool] = [...pools];
    expect(pool).toBeInstanceOf(IssuerThreadPool);
    expect(() => pool!.take(1)).toThrow('this issuer thread pool is closed');
  });

  it('skips the hooks when the run fails and returns its exit code', async () => {
    const dir = await tmp();
    const { runProfile } = fakeProfile([1]);
    const { seen, hooks } = recordingHooks();
    expect(await runBenchmark(testConfig({ artifactDir: dir }), capture().io, { runProfile, hooks, sidecars: () => [] })).toBe(1);
    expect(seen).toHaveLength(0);
  });

  it('returns 2 and lists the known recipes for an unknown recipe name', async () => {
    const out = capture();
    const config = testConfig({ artifactDir: await tmp(), recipe: { name: 'nope', params: {} } });
    expect(await runBenchmark(config, out.io, { runProfile: fakeProfile().runProfile })).toBe(2);
    expect(out.err()).toBe("Error: --recipe: unknown recipe 'nope'; known recipes: concurrency-ramp, decode-itl-curve, max-concurrency-under-sla, max-goodput-under-slo, max-throughput-under-itl-sla, max-throughput-under-ttft-sla, pareto-sweep, prefill-ttft-curve\n");
  });
});
