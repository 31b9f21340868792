export { makeTempDir, makeTempDirSync, test } from './temp-dir.js';
export { until } from './until.js';
