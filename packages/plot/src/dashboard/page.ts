import type { PlotTheme } from '../index.js';
import { THEMES } from '../theme.js';

// The dashboard's HTML shell (pure): header with the Dark switch and the ☰ sidebar toggle, a sidebar with
// export / layout / runs cards, and the plot grid. The script fills it from `/api/dashboard.json`.

const themeCss = (theme: PlotTheme): string => {
  const colors = THEMES[theme];
  const card = theme === 'dark' ? '#252525' : '#f7f7f7';
  return `body[data-theme="${theme}"]{--paper:${colors.paper};--text:${colors.text};--grid:${colors.grid};--card:${card};--accent:${colors.primary};}`;
};

const CSS = `
${themeCss('light')}
${themeCss('dark')}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--text);font:14px -apple-system,BlinkMacSystemFont,'Segoe UI','Roboto','Helvetica Neue',Arial,sans-serif}
header{display:flex;align-items:center;gap:16px;padding:10px 16px;border-bottom:3px solid var(--accent);background:var(--card)}
header h1{font-size:20px;margin:0;flex:0 0 auto}
#mode{flex:1 1 auto;opacity:.8}
button,select{background:var(--paper);color:var(--text);border:1px solid var(--grid);border-radius:4px;padding:3px 8px;cursor:pointer;font:inherit}
button:hover{border-color:var(--accent)}
.layout{display:flex;align-items:flex-start}
aside{flex:0 0 260px;padding:12px;border-right:1px solid var(--grid);min-height:calc(100vh - 56px)}
aside section{background:var(--card);border:1px solid var(--grid);border-radius:6px;padding:10px;margin-bottom:12px}
aside h2{font-size:13px;letter-spacing:.05em;margin:0 0 8px}
.badge{background:var(--accent);color:#fff;border-radius:8px;padding:1px 6px;font-size:11px}
.run{display:block;padding:2px 0 2px 18px}
.hidden-plot{display:flex;justify-content:space-between;align-items:center;margin:4px 0}
main{flex:1 1 auto;padding:12px;min-width:0}
#subtitle{margin:0 0 10px;font-weight:600}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:12px}
.plot-card{background:var(--card);border:1px solid var(--grid);border-radius:6px;padding:8px}
.plot-card.wide{grid-column:1 / -1}
.card-head{display:flex;gap:6px;align-items:center;margin-bottom:6px}
.plot-name{flex:1 1 auto;font-size:12px;opacity:.7;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.canvas-box{position:relative;height:400px}
.muted,#skipped{opacity:.7;font-size:12px}
#toasts{position:fixed;right:16px;bottom:16px;display:flex;flex-direction:column;gap:8px;z-index:10}
.toast{background:var(--card);border-left:4px solid #E74C3C;padding:8px 12px;box-shadow:0 2px 8px rgba(0,0,0,.3)}
dialog{background:var(--card);color:var(--text);border:1px solid var(--grid);border-radius:6px;max-width:min(900px,90vw);max-height:85vh;overflow:auto}
dialog pre{background:var(--paper);border:1px solid var(--grid);padding:8px;font-size:12px;overflow:auto}
dialog table{border-collapse:collapse;font-size:12px}dialog td,dialog th{padding:2px 8px;text-align:right}
.switch{display:flex;align-items:center;gap:6px;cursor:pointer}
`;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function dashboardHtml(options: { theme: PlotTheme; version: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AIPerf Dashboard</title>
<style>${CSS}</style>
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
    <section><h2>EXPORT</h2><button id="export-visible">Export Visible Plots</button> <span class="muted">PNG, one file per plot</span></section>
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
<script src="/assets/chart.umd.min.js"></script>
<script src="/assets/dashboard.js" data-version="${escapeHtml(options.version)}" data-theme="${options.theme}"></script>
</body>
</html>
`;
}
