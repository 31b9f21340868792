import { describe, expect, it } from 'vitest';
import { checkConcurrencyBudget, readSocketBudget } from './socket-budget.js';

describe('concurrency against the socket budget', () => {
  const budget = { openFiles: 1024, localPorts: 28232 };
  it('refuses beyond the open-file limit, naming it and the highest usable value', () => {
    expect(checkConcurrencyBudget(5000, budget).error).toBe(
      '--concurrency: got 5000, but each in-flight request needs its own socket and the limit on open files (ulimit -n) is 1024; raise it (ulimit -n) or lower --concurrency to at most 960',
    );
  });
  it('refuses beyond the local port range towards one server; several servers share the load', () => {
    const wide = { openFiles: 10_000_000, localPorts: 28232 };
    expect(checkConcurrencyBudget(50_000, wide).error).toMatch(/local ports towards one server number 28232 \(net\.ipv4\.ip_local_port_range\); use several --url/);
    expect(checkConcurrencyBudget(50_000, wide, 2).error).toBeNull();
  });
  it('warns close to a limit, says nothing well below it or when limits are unknown', () => {
    expect(checkConcurrencyBudget(900, budget).warning).toMatch(/close to what this machine allows \(the limit on open files \(ulimit -n\) is 1024\)/);
    expect(checkConcurrencyBudget(100, budget)).toEqual({ error: null, warning: null });
    expect(checkConcurrencyBudget(10 ** 6, { openFiles: null, localPorts: null })).toEqual({ error: null, warning: null });
  });
  it('reads this machine\'s limits from /proc', () => {
    const read = readSocketBudget();
    if (process.platform === 'linux') expect(read.openFiles).toBeGreaterThan(0);
  });
});
