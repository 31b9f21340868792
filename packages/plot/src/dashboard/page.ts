import type { PlotTheme } from '../index.js';

// The dashboard's HTML shell (pure): header with the Dark switch and the ☰ sidebar toggle, a sidebar with
// export / statistic / layout / runs cards, the plot grid and two dialogs. No inline script or style (a strict
// Content-Security-Policy allows it): the bundle `/assets/dashboard.js` fills it from `/api/dashboard.json`.

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function dashboardHtml(options: { theme: PlotTheme; version: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AIPerf Dashboard</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body data-theme="${options.theme}">
<header>
  <button id="menu" title="Toggle sidebar" aria-label="Toggle sidebar">&#9776;</button>
  <h1>AIPerf Dashboard</h1>
  <span id="mode"></span>
  <label class="switch"><input type="checkbox" id="dark-switch"${options.theme === 'dark' ? ' checked' : ''}> Dark</label>
</header>
<div class="layout">
  <aside id="sidebar" hidden>
    <section><h2>EXPORT</h2>
      <label>Format <select id="export-format" aria-label="Export format"></select></label>
      <label>Size <select id="export-size" aria-label="Export size"></select></label>
      <button id="export-visible">Export Visible Plots</button> <span class="muted">ZIP of the current view</span>
    </section>
    <section id="stat-card" hidden><h2>STATISTIC</h2><label>Quick Apply Stats to All Metrics <select id="stat-select" aria-label="Statistic"></select></label></section>
    <section><h2>Plot Layout</h2><div id="hidden-list"></div><button id="reset-layout">Reset to Defaults</button></section>
    <section id="runs-card" hidden><h2>RUNS <span id="runs-badge" class="badge"></span></h2><div id="runs-list"></div></section>
  </aside>
  <main>
    <p id="subtitle"></p>
    <div id="grid" class="grid"></div>
    <p id="skipped"></p>
  </main>
</div>
<div id="toasts"></div>
<dialog id="run-dialog" aria-labelledby="run-title">
  <h2 id="run-title">Run Configuration</h2>
  <div id="run-summary"></div>
  <pre id="run-config"></pre>
  <button id="run-close">Close</button>
</dialog>
<dialog id="custom-dialog" aria-label="Create Custom Plot"></dialog>
<script src="/assets/dashboard.js" data-version="${escapeHtml(options.version)}" data-theme="${options.theme}"></script>
</body>
</html>
`;
}
