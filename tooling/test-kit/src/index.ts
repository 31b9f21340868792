export { type ChatCompletionBody, type RecordedExchange, type RecordingProxy, maxOverlap, startRecordingProxy } from './recording-proxy.js';
export { makeTempDir, makeTempDirSync, test } from './temp-dir.js';
export { stepFakeClock, until } from './until.js';
