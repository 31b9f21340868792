import { describe, expect, it } from 'vitest';
import { assessClientHealth, clientHealthJson, clientHealthLines } from './client-health.js';

const thread = (name: string, busyFraction: number, eventLoopDelayP99Ms: number) => ({
  thread: name, busyFraction, eventLoopDelayP99Ms, eventLoopDelayMaxMs: eventLoopDelayP99Ms * 2,
});

describe('assessClientHealth', () => {
  it('reports the worst thread and the process CPU, and no warning when the client kept up', () => {
    const health = assessClientHealth([thread('main', 0.2, 0.4), thread('worker_a', 0.5, 1.5)], 1_200_000, 1_000, 2);
    expect(health).toMatchObject({ eventLoopDelayP99Ms: 1.5, busiestThreadFraction: 0.5, cpuPercent: 120, cores: 2, bottlenecks: [] });
    expect(clientHealthLines(health)).toEqual(['Client: event-loop delay p99 1.50 ms, busiest thread 50%, CPU 120% (2 cores, 2 threads)']);
    expect(clientHealthJson(health)).toMatchObject({ event_loop_delay_p99_ms: 1.5, cpu_percent: 120, client_bound: false });
  });

  it('warns that the client was the bottleneck for a saturated loop, a late loop, or all cores in use', () => {
    const health = assessClientHealth([thread('main', 0.3, 1), thread('worker_a', 0.95, 40), thread('worker_b', 0.5, 25)], 1_900_000, 1_000, 2);
    expect(health.bottlenecks).toEqual([
      'thread worker_a was busy 95% of the time',
      'thread worker_b had a p99 event-loop delay of 25.0 ms',
      'the client used 190% CPU of 2 cores',
    ]);
    expect(clientHealthLines(health)[1]).toMatch(/^Warning: the client, not the server, was the bottleneck \(thread worker_a was busy 95%/);
    expect(clientHealthJson(health).client_bound).toBe(true);
  });
});
