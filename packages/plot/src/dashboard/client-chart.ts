// Browser code (plain ES2020, served as text): turns a payload plot back into a live chart.js configuration.
// JSON dropped the functions of `toChartConfiguration`; this puts back the tick labels, the legend filter and
// order, hover tooltips and the drawing plugins (backgrounds, point labels, error bars, ellipses, footnotes).
// Kept free of template literals so it can live in a TypeScript string. `CLIENT_CHART_JS` defines
// `aiperfChartConfig(plot, colors, logScale, compact)`; tests evaluate it in Node and render the result with chart.js.
export const CLIENT_CHART_JS = String.raw`
function aiperfFormatTick(value) {
  var v = Number(value);
  if (Math.abs(v) >= 1000 || Number.isInteger(v)) return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return String(+v.toPrecision(4));
}

function aiperfBar(ctx, x1, y1, x2, y2, cap, vertical) {
  ctx.beginPath();
  ctx.moveTo(x1, y1); ctx.lineTo(x2, y2);
  if (vertical) { ctx.moveTo(x1 - cap, y1); ctx.lineTo(x1 + cap, y1); ctx.moveTo(x2 - cap, y2); ctx.lineTo(x2 + cap, y2); }
  else { ctx.moveTo(x1, y1 - cap); ctx.lineTo(x1, y1 + cap); ctx.moveTo(x2, y2 - cap); ctx.lineTo(x2, y2 + cap); }
  ctx.stroke();
}

function aiperfDrawAnnotations(chart, colors) {
  var ctx = chart.ctx, xs = chart.scales.x;
  chart.data.datasets.forEach(function (dataset, index) {
    var a = dataset.aiperfAnnotations;
    if (!a || !chart.isDatasetVisible(index)) return;
    var ys = chart.scales[a.axis === 'y2' ? 'y2' : 'y'];
    var px = function (v) { return xs.getPixelForValue(v); }, py = function (v) { return ys.getPixelForValue(v); };
    ctx.save();
    ctx.strokeStyle = a.color; ctx.lineWidth = 1.5;
    (a.polygons || []).forEach(function (polygon) {
      ctx.beginPath();
      polygon.x.forEach(function (x, i) { if (i === 0) ctx.moveTo(px(x), py(polygon.y[i])); else ctx.lineTo(px(x), py(polygon.y[i])); });
      ctx.closePath();
      ctx.fillStyle = a.fillColor || a.color;
      ctx.setLineDash(polygon.dashed ? [4, 3] : []);
      ctx.fill(); ctx.stroke();
    });
    ctx.setLineDash([]);
    a.x.forEach(function (x, i) {
      var y = a.y[i];
      if (y === null || y === undefined) return;
      var error = a.errorY && a.errorY[i];
      if (error) aiperfBar(ctx, px(x), py(y - error), px(x), py(y + error), 4, true);
      var b = a.errorBounds;
      if (b) {
        aiperfBar(ctx, px(x), py(b.yLow[i]), px(x), py(b.yHigh[i]), 4, true);
        aiperfBar(ctx, px(b.xLow[i]), py(y), px(b.xHigh[i]), py(y), 4, false);
      }
      var label = a.pointLabels && a.pointLabels[i];
      if (label) {
        ctx.fillStyle = colors.text; ctx.font = 'bold 11px Arial, sans-serif';
        ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
        ctx.fillText(label, px(x), py(y) - a.markerSize / 2 - 4);
      }
    });
    ctx.restore();
  });
}

function aiperfPlugins(plot, colors) {
  return [
    { id: 'aiperfBackground', beforeDraw: function (chart) {
      var ctx = chart.ctx, area = chart.chartArea;
      ctx.save();
      ctx.fillStyle = colors.paper; ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.fillStyle = colors.plotBackground; ctx.fillRect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.restore();
    } },
    { id: 'aiperfAnnotations', afterDatasetsDraw: function (chart) { aiperfDrawAnnotations(chart, colors); } },
    { id: 'aiperfFootnotes', afterDraw: function (chart) {
      if (!plot.footnotes.length) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = colors.secondary === '#999999' ? '#666666' : colors.secondary;
      ctx.font = '12px Arial, sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
      plot.footnotes.forEach(function (text, i) { ctx.fillText(text, chart.width / 2, chart.height - 8 - (plot.footnotes.length - 1 - i) * 18); });
      ctx.restore();
    } },
  ];
}

function aiperfAxis(scale, axis, logScale) {
  var ticks = axis.ticks;
  scale.ticks = scale.ticks || {};
  scale.ticks.callback = function (value) {
    if (!ticks) return aiperfFormatTick(value);
    var tick = ticks.find(function (t) { return t.value === value; });
    return tick ? tick.label : '';
  };
  if (ticks) scale.afterBuildTicks = function (s) { s.ticks = ticks.map(function (t) { return { value: t.value }; }); };
  if (logScale) { scale.type = 'logarithmic'; delete scale.beginAtZero; delete scale.grace; delete scale.min; delete scale.suggestedMin; }
}

/** logScale: 'none' | 'x' | 'y' | 'both' (y covers both y axes); compact: a half-width card (legend on top). */
function aiperfChartConfig(plot, colors, logScale, compact) {
  var config = JSON.parse(JSON.stringify(plot.chart));
  var options = config.options;
  options.responsive = true; options.maintainAspectRatio = false; options.animation = false;
  delete options.devicePixelRatio;
  var datasets = config.data.datasets;
  ['x', 'y', 'y2'].forEach(function (key) {
    if (options.scales[key]) aiperfAxis(options.scales[key], plot.axes[key], logScale === 'both' || logScale === (key === 'x' ? 'x' : 'y'));
  });
  var legendOrder = function (index) { return (datasets[index].aiperfLegendRank || 0) * 1000 + index; };
  if (compact) {
    // Fonts and legend sized for a 1600 px PNG crowd a half-width card.
    if (options.plugins.legend.position === 'right') { options.plugins.legend.position = 'top'; options.plugins.legend.align = 'center'; }
    options.plugins.title.font.size = 16;
    Object.keys(options.scales).forEach(function (key) { options.scales[key].title.font.size = 12; });
  }
  options.plugins.legend.labels.filter = function (item, data) { return data.datasets[item.datasetIndex].aiperfLegend === true; };
  options.plugins.legend.labels.sort = function (a, b) { return legendOrder(a.datasetIndex) - legendOrder(b.datasetIndex); };
  var digits = plot.type === 'timeslice' || plot.type === 'histogram' ? 2 : 1;
  options.interaction = { mode: 'nearest', intersect: false, axis: 'xy' };
  options.plugins.tooltip = {
    enabled: true,
    filter: function (item) { return item.dataset.borderColor !== 'rgba(0,0,0,0)' || item.dataset.aiperfLegend; },
    callbacks: {
      label: function (item) {
        var a = item.dataset.aiperfAnnotations, tag = a && a.pointLabels ? a.pointLabels[item.dataIndex] : null;
        var text = item.dataset.label + ': (' + Number(item.parsed.x).toFixed(digits) + ', ' + Number(item.parsed.y).toFixed(digits) + ')';
        return tag ? text + ' [' + tag + ']' : text;
      },
    },
  };
  config.plugins = aiperfPlugins(plot, colors);
  return config;
}
`;
