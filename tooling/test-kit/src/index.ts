export { makeTempDir, test } from './temp-dir.js';
