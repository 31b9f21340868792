import type { ReportData, ReportTable } from './types.js';

// The report page (pure): tables, configuration and errors are HTML; the charts are drawn by the bundled browser
// script from the embedded JSON. The CSP forbids every network fetch, so the file works offline and leaks nothing.

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside a <script> element: `<` escaped so no string in the data can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

const CSS = `
body{margin:0;font:14px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d1d1f;background:#fff}
header{padding:16px 24px;border-bottom:3px solid #76b900}
h1{margin:0;font-size:22px} .sub{opacity:.75;margin-top:4px}
main{padding:16px 24px;max-width:1400px}
h2{font-size:17px;margin:24px 0 8px}
table{border-collapse:collapse;margin-bottom:12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:right;white-space:nowrap}
th{background:#f3f3f3} td:first-child,th:first-child{text-align:left}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:16px}
.chart{border:1px solid #d0d0d0;border-radius:6px;padding:8px;height:340px;position:relative}
pre{background:#f6f6f6;padding:12px;overflow:auto;max-height:480px}
.none{opacity:.7}
`;

function tableHtml(table: ReportTable): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<h2>${escapeHtml(table.title)}</h2>\n<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function errorsHtml(data: ReportData): string {
  if (data.errors.length === 0) return '<p class="none" id="no-errors">No request failed.</p>';
  return tableHtml({
    title: 'Error summary',
    columns: ['Code', 'Type', 'Message', 'Count'],
    rows: data.errors.map((e) => [e.code, e.type, e.message, e.count.toLocaleString('en-US')]),
  });
}

/** The complete, self-contained report page. `script` is the bundled browser code (chart.js included). */
export function renderReportPage(data: ReportData, script: string): string {
  const charts = data.charts.map((c) => `<div class="chart"><canvas data-chart="${escapeHtml(c.id)}" aria-label="${escapeHtml(c.title)}"></canvas></div>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${CSS}</style>
</head><body>
<header><h1>${escapeHtml(data.title)}</h1><div class="sub">${escapeHtml(data.subtitle)} · ${escapeHtml(data.source)} · generated ${escapeHtml(data.generatedAt)}</div></header>
<main>
${data.tables.map(tableHtml).join('\n')}
<h2>Charts</h2>
${data.charts.length > 0 ? `<div class="charts">\n${charts}\n</div>` : '<p class="none">No per-request data to chart.</p>'}
<h2>Errors</h2>
${errorsHtml(data)}
<h2>Run configuration</h2>
${data.config === null ? '<p class="none">No input_config in the artifacts.</p>' : `<pre id="config">${escapeHtml(data.config)}</pre>`}
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body></html>
`;
}
