import type { BenchmarkConfig } from '@aiperf/config';
import { createEndpointTypeRegistry, endpointForRun } from '../endpoints/registry.js';
import type { EndpointType } from '../endpoints/types.js';
import { createTimingStrategyRegistry, getTimingStrategy } from '../timing/strategies.js';
import type { TimingStrategy } from '../timing/timing-strategy.js';

/**
 * A worker thread's endpoint type and timing strategy: the built-ins plus those of the plugin modules the main
 * thread loaded (functions cannot cross a thread boundary, module URLs can).
 */
export async function resolveIssuerParts(
  config: BenchmarkConfig,
  pluginModules: readonly string[],
): Promise<{ endpoint: EndpointType; strategy: TimingStrategy }> {
  const endpoints = createEndpointTypeRegistry();
  const strategies = createTimingStrategyRegistry();
  for (const url of pluginModules) {
    const module = (await import(url)) as { default?: unknown };
    const plugin = (module.default ?? module) as { name?: string; endpointTypes?: EndpointType[]; timingStrategies?: TimingStrategy[] };
    for (const endpoint of plugin.endpointTypes ?? []) endpoints.register(endpoint, plugin.name);
    for (const strategy of plugin.timingStrategies ?? []) strategies.register(strategy, plugin.name);
  }
  return { endpoint: endpointForRun(config, endpoints), strategy: getTimingStrategy(config.load.mode, strategies) };
}
