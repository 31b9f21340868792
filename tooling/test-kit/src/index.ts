export { makeTempDir, makeTempDirSync, test } from './temp-dir.js';
export { stepFakeClock, until } from './until.js';
