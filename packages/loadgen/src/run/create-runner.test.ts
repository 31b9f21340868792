import { expect, it } from 'vitest';
import { WORKER_THREADS_FROM_IN_FLIGHT, defaultWorkerThreads, issuesFromMainLoop } from './create-runner.js';

it('spreads over one thread per core less one (the main thread reads the answers) only at a high in-flight cap or an uncapped rate', () => {
  expect(defaultWorkerThreads(64, 8)).toBe(1);
  expect(defaultWorkerThreads(WORKER_THREADS_FROM_IN_FLIGHT - 1, 8)).toBe(1);
  expect(defaultWorkerThreads(WORKER_THREADS_FROM_IN_FLIGHT, 8)).toBe(7);
  expect(defaultWorkerThreads(1_000, 2)).toBe(1);
  expect(defaultWorkerThreads(1_000, 1)).toBe(1);
  expect(defaultWorkerThreads(null, 4)).toBe(3);
});

it('issues from the main loop when asked (--workers 1), or by default below the threads threshold when that loop has nothing else to do', () => {
  expect(issuesFromMainLoop(1, 1, 1_000, true)).toBe(true);
  expect(issuesFromMainLoop(null, 1, 100, false)).toBe(true);
  // The dashboard or a scraper on the main loop: one worker thread issues, so their work never delays a timestamp.
  expect(issuesFromMainLoop(null, 1, 100, true)).toBe(false);
  // Uncapped (request rate) or a high cap: threads.
  expect(issuesFromMainLoop(null, 1, null, false)).toBe(false);
  expect(issuesFromMainLoop(null, 1, WORKER_THREADS_FROM_IN_FLIGHT, false)).toBe(false);
  expect(issuesFromMainLoop(2, 2, 100, false)).toBe(false);
});
