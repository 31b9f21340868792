// The shipped plot config, copied to ~/.aiperf/plot_config.yaml on first run. Unlike AIPerf's shipped file,
// every single-run plot is enabled (the union of what the plot and auto-plot tutorials show).
export const DEFAULT_PLOT_CONFIG_YAML = `# AIPerf plot configuration (aiperf plot).
# Changes take effect on the next run. Delete this file to get the shipped defaults back.
#
# ============================== CONFIGURATION GUIDE ==============================
# visualization.multi_run_defaults / single_run_defaults
#   Names of the presets to render (one PNG each, <name>.png). Presets not listed are ignored.
# visualization.multi_run_plots / single_run_plots
#   Presets: type, x, y (y2), title, x_label, y_label, labels, groups, autoscale, ...
#   type: scatter | scatter_with_percentiles | request_timeline | histogram | timeslice | area |
#         dual_axis | percentile_bands | pareto | scatter_line | latency_throughput_uncertainty
#   Server metrics (server_metrics_export.json) are named as the server names them, e.g.
#   vllm:kv_cache_usage_perc or vllm:time_to_first_token_seconds_p99, anywhere a metric goes; plots of
#   server metrics are skipped quietly for runs that have none.
#   x / y: a metric tag, optionally with a stat suffix (request_latency_p50), or {metric, stat}.
#   groups: [model] | [run_name] | [experiment_group] | [concurrency] ... (one column: the series)
#   labels: [concurrency] ... (one column: the text drawn on each point)
#   autoscale: none (both axes start at zero) | x | y | both (these fit the data, the others start at zero);
#     default: every axis fits the data (with padding) except counts, which start at zero
# experiment_classification (multi-run; uncomment to enable)
#   Runs whose name or path matches a baseline glob are drawn in grey and listed first; treatments
#   in NVIDIA green, then other bright colours. Globs are case-sensitive; the first match wins.
#   When enabled, every multi-run plot groups by experiment_group (the parent directory name when it
#   matches a pattern, else the run directory name).
#   group_extraction_pattern: a regex whose first capture group becomes the group
#   (e.g. "^(treatment_\\\\d+)" groups treatment_1_varA and treatment_1_varB as treatment_1).
# ==================================================================================

visualization:
  multi_run_defaults:
    - pareto_curve_throughput_per_gpu_vs_latency
    - pareto_curve_throughput_per_gpu_vs_interactivity
    - ttft_vs_throughput
    - latency_throughput_uncertainty
    - server_kv_cache_vs_throughput
    - server_ttft_vs_throughput

  single_run_defaults:
    - ttft_over_time
    - itl_over_time
    - latency_over_time
    - dispersed_throughput_over_time
    - ttft_timeline
    - timeslices_ttft
    - timeslices_itl
    - timeslices_throughput
    - timeslices_latency
    - gpu_utilization_and_throughput_over_time
    - gpu_memory_and_throughput_over_time
    - gpu_power_and_throughput_over_time
    - server_ttft_percentile_bands
    - server_itl_percentile_bands
    - server_kv_cache_usage_over_time
    - server_running_requests_over_time

  multi_run_plots:
    server_kv_cache_vs_throughput:
      type: scatter_line
      x: {metric: output_token_throughput, stat: avg}
      y: {metric: "vllm:kv_cache_usage_perc", stat: max}
      labels: [concurrency]
      groups: [model]
      title: "Server KV-Cache Usage (max) vs Output Token Throughput"
    server_ttft_vs_throughput:
      type: scatter_line
      x: {metric: request_throughput, stat: avg}
      y: {metric: "vllm:time_to_first_token_seconds", stat: p99}
      labels: [concurrency]
      groups: [model]
      title: "Server-Side TTFT (p99) vs Request Throughput"
    pareto_curve_throughput_per_gpu_vs_latency:
      type: pareto
      x: {metric: request_latency, stat: avg}
      y: {metric: output_token_throughput_per_gpu, stat: avg}
      labels: [concurrency]
      groups: [model]
      title: "Pareto Curve: Token Throughput per GPU vs Latency"
    pareto_curve_throughput_per_gpu_vs_interactivity:
      type: pareto
      x: {metric: output_token_throughput_per_user, stat: avg}
      y: {metric: output_token_throughput_per_gpu, stat: avg}
      labels: [concurrency]
      groups: [model]
      title: "Pareto Curve: Token Throughput per GPU vs Interactivity"
    ttft_vs_throughput:
      type: scatter_line
      x: {metric: time_to_first_token, stat: avg}
      y: {metric: request_throughput, stat: avg}
      labels: [concurrency]
      groups: [model]
      title: "TTFT vs Throughput"
    latency_throughput_uncertainty:
      type: latency_throughput_uncertainty
      x: {metric: request_latency, stat: avg}
      y: {metric: output_token_throughput_per_gpu, stat: avg}
      labels: [concurrency]
      groups: [model]
      ci_level: 0.95
      title: "Latency vs Throughput (Joint Uncertainty)"

  single_run_plots:
    ttft_over_time:
      type: scatter
      x: request_number
      y: time_to_first_token
      title: "TTFT Per Request Over Time"
    itl_over_time:
      type: scatter
      x: request_number
      y: inter_token_latency
      title: "Inter-Token Latency Per Request Over Time"
    latency_over_time:
      type: scatter_with_percentiles
      x: timestamp
      y: request_latency
      title: "Request Latency Over Time with Percentiles"
    dispersed_throughput_over_time:
      type: area
      x: timestamp_s
      y: throughput_tokens_per_sec
      title: "Dispersed Output Token Throughput Over Time"
    ttft_timeline:
      type: request_timeline
      x: request_start_ns
      y: time_to_first_token
      title: "Request Timeline: TTFT Phases Over Time"
    timeslices_ttft:
      type: timeslice
      x: Timeslice
      y: Time to First Token
      stat: avg
      use_slice_duration: true
      title: "Time to First Token Across Time Slices"
    timeslices_itl:
      type: timeslice
      x: Timeslice
      y: Inter Token Latency
      stat: avg
      use_slice_duration: true
      title: "Inter Token Latency Across Time Slices"
    timeslices_throughput:
      type: timeslice
      x: Timeslice
      y: Request Throughput
      stat: avg
      use_slice_duration: true
      title: "Request Throughput Across Time Slices"
    timeslices_latency:
      type: timeslice
      x: Timeslice
      y: Request Latency
      stat: avg
      use_slice_duration: true
      title: "Request Latency Across Time Slices"
    gpu_utilization_and_throughput_over_time:
      type: dual_axis
      x: timestamp_s
      y: throughput_tokens_per_sec
      y2: gpu_utilization
      supplementary_col: active_requests
      title: "Output Token Throughput with GPU Utilization"
    gpu_memory_and_throughput_over_time:
      type: dual_axis
      x: timestamp_s
      y: throughput_tokens_per_sec
      y2: gpu_memory_used
      title: "Output Token Throughput with GPU Memory Used"
    gpu_power_and_throughput_over_time:
      type: dual_axis
      x: timestamp_s
      y: throughput_tokens_per_sec
      y2: gpu_power_usage
      title: "Output Token Throughput with GPU Power Usage"
    server_ttft_percentile_bands:
      type: percentile_bands
      y: "vllm:time_to_first_token_seconds"
    server_itl_percentile_bands:
      type: percentile_bands
      y: "vllm:inter_token_latency_seconds"
    server_kv_cache_usage_over_time:
      type: percentile_bands
      y: "vllm:kv_cache_usage_perc"
    server_running_requests_over_time:
      type: percentile_bands
      y: "vllm:num_requests_running"

settings:
  server_metrics_downsampling:
    enabled: true
    window_size_seconds: 5.0
    aggregation_method: mean

# experiment_classification:
#   baselines:
#     - "*_agg_*"
#     - "*baseline*"
#   treatments:
#     - "*_disagg_*"
#     - "*kvrouter*"
#     - "*treatment*"
#   default: treatment
`;
