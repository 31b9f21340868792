// Browser code (plain ES2020, served as text): the page's behaviour. Fetches the payload for the current theme
// and run selection, draws one card per plot with chart.js, and keeps the layout (hidden plots, widths, log
// scales, theme, runs) in session storage, reset when the server restarts (its version changes).
export const CLIENT_UI_JS = String.raw`
var script = document.currentScript;
var VERSION = script.dataset.version;
var STORAGE_KEY = 'aiperf-dashboard';
var charts = new Map();
var payload = null;
var state = loadState();
var $ = function (id) { return document.getElementById(id); };

function loadState() {
  try {
    var saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    if (saved && saved.version === VERSION) return saved;
  } catch (e) { /* storage unavailable: start fresh */ }
  return { version: VERSION, theme: script.dataset.theme, hidden: [], wide: [], log: {}, runs: null, stat: null, sidebar: false };
}
function saveState() { try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (e) { /* ignore */ } }

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (key) {
    if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), attrs[key]);
    else if (key === 'text') node.textContent = attrs[key];
    else node.setAttribute(key, attrs[key]);
  });
  (children || []).forEach(function (child) { node.appendChild(child); });
  return node;
}

function toast(message) {
  var note = el('div', { class: 'toast', role: 'status', text: message });
  $('toasts').appendChild(note);
  setTimeout(function () { note.remove(); }, 5000);
}

function refresh() {
  var params = new URLSearchParams({ theme: state.theme });
  if (state.runs) params.set('runs', state.runs.join(','));
  if (state.stat) params.set('stat', state.stat);
  return fetch('/api/dashboard.json?' + params.toString()).then(function (res) {
    return res.json().then(function (body) {
      if (!res.ok) { toast(body.error || 'Failed to load plots'); return; }
      payload = body;
      render();
    });
  }).catch(function (error) { toast('Failed to load plots: ' + error.message); });
}

function download(name, url) {
  var link = el('a', { href: url, download: name });
  document.body.appendChild(link); link.click(); link.remove();
}

function card(plot) {
  var wide = state.wide.indexOf(plot.name) >= 0;
  var scale = state.log[plot.name] || 'none';
  var select = el('select', { title: 'Log scale', 'aria-label': 'Log scale', onchange: function (e) { state.log[plot.name] = e.target.value; saveState(); render(); } },
    ['none', 'x', 'y', 'both'].map(function (v) { return el('option', { value: v, text: v === 'none' ? 'Linear' : 'Log ' + v.toUpperCase() }); }));
  select.value = scale;
  var canvas = el('canvas', { 'aria-label': plot.title, role: 'img' });
  var node = el('section', { class: 'plot-card' + (wide ? ' wide' : ''), 'data-plot': plot.name }, [
    el('div', { class: 'card-head' }, [
      el('span', { class: 'plot-name', text: plot.name }),
      select,
      el('button', { title: wide ? 'Half width' : 'Full width', text: wide ? '\u2194 Half' : '\u2194 Full', onclick: function () {
        state.wide = wide ? state.wide.filter(function (n) { return n !== plot.name; }) : state.wide.concat([plot.name]); saveState(); render();
      } }),
      el('button', { title: 'Download PNG', text: 'PNG', onclick: function () { download(plot.name + '.png', charts.get(plot.name).toBase64Image('image/png', 1)); } }),
      el('button', { title: 'Hide plot', class: 'hide', text: 'Hide', onclick: function () { state.hidden.push(plot.name); saveState(); render(); } }),
    ]),
    el('div', { class: 'canvas-box' }, [canvas]),
  ]);
  return { node: node, canvas: canvas, scale: scale, compact: !wide };
}

function renderRuns() {
  var list = $('runs-list');
  list.textContent = '';
  $('runs-card').hidden = payload.mode !== 'multi_run';
  var selected = payload.runs.filter(function (r) { return r.selected; });
  $('runs-badge').textContent = selected.length + ' selected';
  var groups = new Map();
  payload.runs.forEach(function (run) { if (!groups.has(run.group)) groups.set(run.group, []); groups.get(run.group).push(run); });
  var choose = function (ids, on) {
    var now = new Set(selected.map(function (r) { return r.id; }));
    ids.forEach(function (id) { if (on) now.add(id); else now.delete(id); });
    state.runs = payload.runs.map(function (r) { return r.id; }).filter(function (id) { return now.has(id); });
    saveState(); refresh();
  };
  groups.forEach(function (runs, group) {
    var all = el('input', { type: 'checkbox', title: 'Select all in ' + group, onchange: function (e) { choose(runs.map(function (r) { return r.id; }), e.target.checked); } });
    all.checked = runs.every(function (r) { return r.selected; });
    var items = runs.map(function (run) {
      var box = el('input', { type: 'checkbox', value: run.id, onchange: function (e) { choose([run.id], e.target.checked); } });
      box.checked = run.selected;
      return el('label', { class: 'run', title: run.runName }, [box, document.createTextNode(' ' + run.label)]);
    });
    list.appendChild(el('details', { open: '' }, [el('summary', {}, [all, document.createTextNode(' ' + group + ' (' + runs.length + ')')])].concat(items)));
  });
}

var STAT_NAMES = { p50: 'p50 (Median)', avg: 'Average', min: 'Minimum', max: 'Maximum', std: 'Std Dev' };
function renderStat() {
  var select = $('stat-select');
  $('stat-card').hidden = payload.stats.length === 0;
  if (select.options.length === 0) {
    select.appendChild(el('option', { value: '', text: 'Default (p50, else Average)' }));
    payload.stats.forEach(function (stat) { select.appendChild(el('option', { value: stat, text: STAT_NAMES[stat] || stat })); });
  }
  select.value = payload.stat || '';
}

/** Clicking a multi-run point opens Run Configuration: the run's summary metrics and its config as YAML. */
function showRun(id) {
  return fetch('/api/run?id=' + encodeURIComponent(id)).then(function (res) { return res.json(); }).then(function (run) {
    if (run.error) { toast(run.error); return; }
    $('run-title').textContent = 'Run Configuration: ' + run.label;
    var rows = Object.keys(run.metrics).map(function (tag) {
      var stats = run.metrics[tag];
      return el('tr', {}, [el('th', { text: tag })].concat(['avg', 'p50', 'p90', 'p99'].map(function (s) {
        return el('td', { text: typeof stats[s] === 'number' ? stats[s].toFixed(2) : '' });
      })).concat([el('td', { text: stats.unit || '' })]));
    });
    $('run-summary').textContent = '';
    $('run-summary').appendChild(el('p', { text: run.runName + ' (' + run.dir + ')' }));
    $('run-summary').appendChild(el('table', {}, [el('tr', {}, ['metric', 'avg', 'p50', 'p90', 'p99', 'unit'].map(function (h) { return el('th', { text: h }); }))].concat(rows)));
    $('run-config').textContent = run.configYaml;
    if ($('run-dialog').showModal) $('run-dialog').showModal(); else $('run-dialog').setAttribute('open', '');
  });
}
function onPointClick(event, elements, chart) {
  var hit = elements && elements[0];
  var ids = hit && chart.data.datasets[hit.datasetIndex].aiperfRunIds;
  var runIds = ids && ids[hit.index];
  if (runIds && runIds.length) showRun(runIds[0]);
}

function renderHidden() {
  var list = $('hidden-list');
  list.textContent = '';
  if (state.hidden.length === 0) list.appendChild(el('p', { class: 'muted', text: 'No hidden plots' }));
  state.hidden.forEach(function (name) {
    list.appendChild(el('div', { class: 'hidden-plot' }, [el('span', { text: name }), el('button', { text: 'Show', onclick: function () {
      state.hidden = state.hidden.filter(function (n) { return n !== name; }); saveState(); render();
    } })]));
  });
}

function render() {
  document.body.dataset.theme = payload.theme;
  $('dark-switch').checked = payload.theme === 'dark';
  var runs = payload.runs.length;
  $('mode').textContent = payload.mode === 'multi_run' ? 'Mode: multi-run (' + runs + ' runs)' : 'Mode: single-run';
  $('subtitle').textContent = payload.mode === 'single_run' ? 'Analyzing run: ' + payload.runName
    : 'Comparing ' + payload.runs.filter(function (r) { return r.selected; }).length + ' of ' + runs + ' runs';
  charts.forEach(function (chart) { chart.destroy(); });
  charts.clear();
  var grid = $('grid');
  grid.textContent = '';
  payload.plots.filter(function (p) { return state.hidden.indexOf(p.name) < 0; }).forEach(function (plot) {
    var built = card(plot);
    grid.appendChild(built.node);
    var config = aiperfChartConfig(plot, payload.colors, built.scale, built.compact);
    config.options.onClick = onPointClick;
    charts.set(plot.name, new Chart(built.canvas, config));
  });
  if (payload.plots.length === 0) grid.appendChild(el('p', { class: 'muted', text: 'No plots to show for this selection.' }));
  $('skipped').textContent = payload.skipped.length ? 'Not shown (no data): ' + payload.skipped.map(function (s) { return s.name + ' (' + s.reason + ')'; }).join('; ') : '';
  payload.failed.forEach(function (f) { toast('Failed to generate ' + f.name + ': ' + f.error); });
  renderHidden();
  renderRuns();
  renderStat();
}

function setSidebar(open) { state.sidebar = open; $('sidebar').hidden = !open; saveState(); }

$('menu').addEventListener('click', function () { setSidebar($('sidebar').hidden); });
$('dark-switch').addEventListener('change', function (e) { state.theme = e.target.checked ? 'dark' : 'light'; saveState(); refresh(); });
$('run-close').addEventListener('click', function () { if ($('run-dialog').close) $('run-dialog').close(); else $('run-dialog').removeAttribute('open'); });
$('stat-select').addEventListener('change', function (e) { state.stat = e.target.value || null; saveState(); refresh(); });
$('reset-layout').addEventListener('click', function () { state.hidden = []; state.wide = []; state.log = {}; state.runs = null; state.stat = null; saveState(); refresh(); });
$('export-visible').addEventListener('click', function () {
  var delay = 0;
  charts.forEach(function (chart, name) { setTimeout(function () { download(name + '.png', chart.toBase64Image('image/png', 1)); }, delay); delay += 300; });
});
document.body.dataset.theme = state.theme;
setSidebar(state.sidebar);
refresh();
`;
