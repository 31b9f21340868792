export { makeTempDir, makeTempDirSync, test } from './temp-dir.js';
