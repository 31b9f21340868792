export { type EventKind, type PlannedEvent, type StreamPlan, DEFAULT_PLAN, chunkText, planEvents } from './plan.js';
export { type StreamTruth, type TimedSseServer, type TimedSseServerOptions, startTimedSseServer } from './server.js';
