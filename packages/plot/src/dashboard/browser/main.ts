// The dashboard's browser bundle (`/assets/dashboard.js`, built by tsup for the browser with chart.js inside).
// In the dashboard page it runs the page; in an exported HTML file it draws the embedded plot.
import './dashboard.css';
import { registerChartComponents } from '../../render/chart-config.js';
import { startDashboardPage } from './app.js';
import { renderStandalone } from './standalone.js';

registerChartComponents();
const embedded = document.getElementById('aiperf-spec');
if (embedded) renderStandalone(embedded.textContent ?? '{}');
else startDashboardPage(document.currentScript as HTMLScriptElement);
