// @ts-check
/** @typedef {import('@aiperf/plot').PlotTypeDefinition} PlotTypeDefinition */

/**
 * One bar per run of a sweep at its concurrency: the preset's `y` metric (default request_throughput), its representative value.
 * Use it from a plot config: `{ type: hello_bars, y: request_throughput }` under multi_run_plots.
 * @type {PlotTypeDefinition}
 */
export const helloBarsPlotType = {
  name: 'hello_bars',
  describe: () => 'One bar per run of a sweep for one metric (the example plugin).',
  buildMultiRun({ name, preset, mode, theme, table }) {
    const metric = typeof preset.y === 'string' ? preset.y : (preset.y?.metric ?? 'request_throughput');
    const rows = table.rows.filter((row) => typeof row[metric] === 'number');
    if (rows.length === 0) return { skip: `no run has ${metric}` };
    const unit = table.units[metric] ?? '';
    return {
      spec: {
        name,
        type: preset.type,
        mode,
        theme: theme.name,
        title: preset.title ?? `${metric} per run`,
        widthPx: 1600,
        heightPx: 800,
        pixelRatio: 1.5,
        legend: 'inside',
        x: { label: 'Concurrency', beginAtZero: true },
        y: { label: unit ? `${metric} (${unit})` : metric, beginAtZero: true },
        series: [
          {
            name: metric,
            showInLegend: true,
            style: 'bars',
            color: '#76b900',
            lineWidth: 1,
            markerSize: 0,
            axis: 'y',
            x: rows.map((row, i) => (typeof row.concurrency === 'number' ? row.concurrency : i + 1)),
            y: rows.map((row) => /** @type {number} */ (row[metric])),
            pointLabels: rows.map((row) => String(row.run_name ?? '')),
          },
        ],
        footnotes: [],
        notes: [`${rows.length} runs`],
      },
    };
  },
};
