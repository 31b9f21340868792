import { expect, it } from 'vitest';
import { WORKER_THREADS_FROM_IN_FLIGHT, defaultWorkerThreads } from './create-runner.js';

it('spreads over one thread per core less one (the main thread reads the answers) only at a high in-flight cap or an uncapped rate', () => {
  expect(defaultWorkerThreads(64, 8)).toBe(1);
  expect(defaultWorkerThreads(WORKER_THREADS_FROM_IN_FLIGHT - 1, 8)).toBe(1);
  expect(defaultWorkerThreads(WORKER_THREADS_FROM_IN_FLIGHT, 8)).toBe(7);
  expect(defaultWorkerThreads(1_000, 2)).toBe(1);
  expect(defaultWorkerThreads(1_000, 1)).toBe(1);
  expect(defaultWorkerThreads(null, 4)).toBe(3);
});
