import { CLIENT_CHART_JS } from './client-chart.js';
import { CLIENT_UI_JS } from './client-ui.js';

/** The page's script (`/assets/dashboard.js`): chart configuration + UI in one strict-mode closure. */
export const DASHBOARD_CLIENT_JS = `(function () {\n'use strict';\n${CLIENT_CHART_JS}\n${CLIENT_UI_JS}\n})();\n`;
