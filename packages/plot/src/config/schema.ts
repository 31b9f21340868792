import { type TSchema, Type } from '@sinclair/typebox';
import { DATA_SOURCES, KNOWN_STATS, PLOT_TYPES } from './types.js';

// The plot config as a typebox schema: the source of the JSON Schema editors use for completion in
// `~/.aiperf/plot_config.yaml`. Validation with readable messages lives in parse.ts / *-rules.ts.

const literals = (values: readonly string[], description: string): TSchema =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

const MetricRef = Type.Union(
  [
    Type.String({ description: "A metric tag, optionally with a stat suffix: 'request_latency_p50'" }),
    Type.Object(
      {
        metric: Type.String({ description: 'Metric tag, e.g. time_to_first_token' }),
        stat: Type.Optional(literals([...KNOWN_STATS, 'value'], 'Statistic')),
        source: Type.Optional(literals(DATA_SOURCES, 'Force the data source')),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'A metric for this axis' },
);

const OneColumn = Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 1 })]);

const SeriesStyle = Type.Object(
  {
    mode: Type.Optional(literals(['lines', 'markers', 'lines+markers'], 'How the series is drawn')),
    line_shape: Type.Optional(Type.Union([literals(['linear', 'hv', 'spline'], 'Line shape'), Type.Null()])),
    fill: Type.Optional(Type.Union([literals(['tozeroy', 'tonexty'], 'Fill'), Type.Null()])),
    line_width: Type.Optional(Type.Number()),
    marker_size: Type.Optional(Type.Number()),
    marker_opacity: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    fill_opacity: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);

const PlotPreset = Type.Object(
  {
    type: Type.String({ minLength: 1, description: `Plot type: ${PLOT_TYPES.join(', ')}, or one a plugin registers`, examples: [...PLOT_TYPES] }),
    x: Type.Optional(MetricRef),
    y: Type.Optional(MetricRef),
    y2: Type.Optional(MetricRef),
    stat: Type.Optional(Type.String({ description: "Statistic for y (timeslice presets use 'avg')" })),
    source: Type.Optional(literals(DATA_SOURCES, 'Force the data source of x and y')),
    title: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    x_label: Type.Optional(Type.String()),
    y_label: Type.Optional(Type.String()),
    labels: Type.Optional({ ...OneColumn, description: 'Column drawn as text on each point (multi-run), e.g. concurrency' }),
    groups: Type.Optional({ ...OneColumn, description: 'Column that makes the series: model, run_name, experiment_group, …' }),
    primary_style: Type.Optional(SeriesStyle),
    secondary_style: Type.Optional(SeriesStyle),
    supplementary_col: Type.Optional(Type.String()),
    autoscale: Type.Optional(literals(['none', 'x', 'y', 'both'], 'Axes that fit the data; the others start at zero (default: every axis fits the data except counts)')),
    ci_level: Type.Optional(Type.Number({ description: 'Confidence level of the uncertainty plot: 0.90, 0.95 or 0.99' })),
    use_slice_duration: Type.Optional(Type.Boolean({ description: 'Timeslice x axis in seconds' })),
  },
  { additionalProperties: false },
);

const Presets = Type.Record(Type.String(), PlotPreset);
const Names = (description: string) => Type.Array(Type.String(), { description });

export const PlotConfigSchema: TSchema = Type.Object(
  {
    visualization: Type.Object(
      {
        multi_run_defaults: Type.Optional(Names('Multi-run presets to draw')),
        single_run_defaults: Type.Optional(Names('Single-run presets to draw')),
        multi_run_plots: Type.Optional(Presets),
        single_run_plots: Type.Optional(Presets),
      },
      { additionalProperties: false },
    ),
    settings: Type.Optional(
      Type.Object(
        {
          server_metrics_downsampling: Type.Optional(
            Type.Object(
              {
                enabled: Type.Optional(Type.Boolean()),
                window_size_seconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
                aggregation_method: Type.Optional(literals(['mean', 'max', 'min', 'median'], 'Aggregation per window')),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    experiment_classification: Type.Optional(
      Type.Object(
        {
          baselines: Type.Optional(Names('Glob patterns of baseline runs (case-sensitive, first match wins)')),
          treatments: Type.Optional(Names('Glob patterns of treatment runs')),
          default: Type.Optional(literals(['baseline', 'treatment'], 'Type of runs no pattern matches')),
          group_extraction_pattern: Type.Optional(Type.String({ description: 'Regex; its first capture group is the group' })),
          group_display_names: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Legend text per group' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'aiperf plot configuration' },
);

/** The JSON Schema of a plot config file (plain JSON, for editors and tools). */
export function plotConfigJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(PlotConfigSchema));
}
