import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLOT_CONFIG_YAML } from './default-config.js';
import { parsePlotConfig } from './parse.js';
import { serializePlotConfig } from './resolve.js';

const minimal = (extra: Record<string, unknown> = {}) => ({
  visualization: {
    multi_run_defaults: ['ttft_vs_throughput'],
    multi_run_plots: { ttft_vs_throughput: { type: 'scatter_line', x: 'time_to_first_token_p50', y: 'request_throughput', labels: 'concurrency' } },
  },
  ...extra,
});

describe('parsePlotConfig', () => {
  it('accepts the shipped default with every single-run plot enabled', () => {
    const { config, errors } = parsePlotConfig(yaml.load(DEFAULT_PLOT_CONFIG_YAML), 'default');
    expect(errors).toEqual([]);
    expect(config!.visualization.single_run_defaults).toEqual(
      expect.arrayContaining([
        'ttft_over_time',
        'itl_over_time',
        'latency_over_time',
        'dispersed_throughput_over_time',
        'ttft_timeline',
        'timeslices_ttft',
        'timeslices_itl',
        'timeslices_throughput',
        'timeslices_latency',
        'gpu_utilization_and_throughput_over_time',
      ]),
    );
    expect(config!.experiment_classification).toBeUndefined();
  });

  it('normalises labels/groups to one-element lists', () => {
    const { config } = parsePlotConfig(minimal(), 'cfg.yaml');
    expect(config!.visualization.multi_run_plots.ttft_vs_throughput!.labels).toEqual(['concurrency']);
  });

  it('collects every error with the source and YAML path', () => {
    const { config, errors } = parsePlotConfig(
      {
        visualization: {
          multi_run_defaults: ['ttft_vs_throughpt', 'pareto'],
          multi_run_plots: {
            ttft_vs_throughput: { type: 'scatter_line', x: 'time_to_first_token_p67', y: 'request_throughput' },
            pareto: { x: 'a', groups: ['model', 'concurrency'] },
          },
        },
        experiment_classification: { baselines: '*base*', default: 'control', group_extraction_pattern: '(' },
        colour: 'green',
      },
      '/home/u/.aiperf/plot_config.yaml',
    );
    expect(config).toBeNull();
    expect(errors.map((e) => e.replace('/home/u/.aiperf/plot_config.yaml: ', ''))).toMatchInlineSnapshot(`
      [
        "colour: unknown key; allowed: visualization, settings, experiment_classification",
        "visualization.multi_run_plots.ttft_vs_throughput.x: unknown stat 'p67' in 'time_to_first_token_p67'; valid stats: p50, avg, p90, p95, p99, min, max, std, p1, p5, p10, p25, p75 (closest: p75, p50, p90)",
        "visualization.multi_run_plots.pareto.type: Missing 'type' field in preset 'pareto'",
        "visualization.multi_run_plots.pareto.groups: Multi-column grouping is not supported (got ["model","concurrency"])",
        "visualization.multi_run_defaults: plot 'ttft_vs_throughpt' listed in multi_run_defaults but not defined in multi_run_plots. Defined: ['ttft_vs_throughput', 'pareto']. Did you mean 'ttft_vs_throughput'?",
        "experiment_classification.baselines: "*base*" is not a list of glob patterns",
        "experiment_classification.default: "control" is not allowed; allowed: baseline, treatment",
        "experiment_classification.group_extraction_pattern: "(" is not a valid regular expression (Invalid regular expression: /(/: Unterminated group)",
      ]
    `);
    expect(errors.every((e) => e.startsWith('/home/u/.aiperf/plot_config.yaml: '))).toBe(true);
  });

  it('requires the visualization key (plot: {} is invalid)', () => {
    expect(parsePlotConfig({}, 'plot').errors).toEqual(["plot: Invalid YAML config: missing 'visualization' top-level key"]);
    expect(parsePlotConfig('x', 'plot').errors).toEqual(['plot: Invalid YAML config: expected a mapping, got "x"']);
  });

  it('round-trips through the materialised YAML unchanged', () => {
    const { config } = parsePlotConfig(minimal({ experiment_classification: { baselines: ['*base*'], treatments: [], default: 'treatment' } }), 'x');
    const again = parsePlotConfig(yaml.load(serializePlotConfig(config!)), 'y');
    expect(again.config).toEqual(config);
    expect(serializePlotConfig(config!)).toContain('multi_run_defaults:\n    - ttft_vs_throughput');
  });
});
