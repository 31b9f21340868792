// @aiperf/tui: the full-screen live dashboard of `aiperf profile --ui dashboard` (ink).
export type { Dashboard, DashboardOptions } from './start-dashboard.js';
export { createDashboard } from './start-dashboard.js';
export type { DashboardProps } from './dashboard-view.js';
export { DashboardView } from './dashboard-view.js';
export { progressBar, sparkline } from './sparkline.js';
