// The plot configuration, kept in the YAML's snake_case so it round-trips unchanged.

/** The built-in plot types; plugins add more, so a preset's `type` is any registered name. */
export const PLOT_TYPES = [
  'scatter',
  'scatter_with_percentiles',
  'request_timeline',
  'histogram',
  'timeslice',
  'percentile_bands',
  'area',
  'dual_axis',
  'pareto',
  'scatter_line',
  'latency_throughput_uncertainty',
] as const;
/** A plot type's name, checked against the run's plot-type registry when the plots are built. */
export type PlotType = string;

export const DATA_SOURCES = ['requests', 'timeslices', 'gpu_telemetry', 'aggregated', 'server_metrics', 'server_metrics_aggregated'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/** `name`, `name_<stat>` or `{metric, stat?, source?}`. */
export type MetricRef = string | { metric: string; stat?: string; source?: DataSource };

export interface SeriesStyle {
  mode?: 'lines' | 'markers' | 'lines+markers';
  line_shape?: 'linear' | 'hv' | 'spline' | null;
  fill?: 'tozeroy' | 'tonexty' | null;
  line_width?: number;
  marker_size?: number;
  marker_opacity?: number;
  fill_opacity?: number;
}

export interface PlotPreset {
  type: PlotType;
  x?: MetricRef;
  y?: MetricRef;
  y2?: MetricRef;
  stat?: string;
  source?: DataSource;
  title?: string;
  description?: string;
  x_label?: string;
  y_label?: string;
  labels?: string[];
  groups?: string[];
  primary_style?: SeriesStyle;
  secondary_style?: SeriesStyle;
  supplementary_col?: string;
  autoscale?: 'none' | 'x' | 'y' | 'both';
  ci_level?: number;
  use_slice_duration?: boolean;
}

export interface ExperimentClassification {
  baselines: string[];
  treatments: string[];
  default: 'baseline' | 'treatment';
  group_extraction_pattern?: string;
  group_display_names?: Record<string, string>;
}

export interface PlotConfig {
  visualization: {
    multi_run_defaults: string[];
    single_run_defaults: string[];
    multi_run_plots: Record<string, PlotPreset>;
    single_run_plots: Record<string, PlotPreset>;
  };
  settings?: {
    server_metrics_downsampling?: {
      enabled?: boolean;
      window_size_seconds?: number;
      aggregation_method?: 'mean' | 'max' | 'min' | 'median';
    };
  };
  experiment_classification?: ExperimentClassification;
}

export const KNOWN_STATS = ['p50', 'avg', 'p90', 'p95', 'p99', 'min', 'max', 'std', 'p1', 'p5', 'p10', 'p25', 'p75'];
