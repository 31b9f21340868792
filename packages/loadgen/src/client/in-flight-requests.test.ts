import { describe, expect, it } from 'vitest';
import { InFlightRequests, type RunAbortable } from './send-request.js';

const request = (name: string, aborted: string[]): RunAbortable & { name: string } => ({ name, abortRun: () => aborted.push(name) });

describe('InFlightRequests', () => {
  it('aborts exactly the requests still registered, whatever order the others left in', () => {
    const aborted: string[] = [];
    const inFlight = new InFlightRequests();
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => request(name, aborted));
    for (const r of all) inFlight.add(r);
    for (const name of ['b', 'f', 'a', 'f', 'd']) inFlight.delete(all.find((r) => r.name === name)!);
    expect(inFlight.size).toBe(2);
    inFlight.abortAll();
    expect(aborted.sort()).toEqual(['c', 'e']);
    expect(inFlight.size).toBe(0);
  });

  it('aborts a request that registers after abortAll, and ignores one that leaves while being aborted', () => {
    const aborted: string[] = [];
    const inFlight = new InFlightRequests();
    const leaving: RunAbortable = { abortRun: () => inFlight.delete(leaving) };
    inFlight.add(leaving);
    inFlight.add(request('x', aborted));
    inFlight.abortAll();
    expect(aborted).toEqual(['x']);
    inFlight.add(request('late', aborted));
    expect(aborted).toEqual(['x', 'late']);
    expect(inFlight.size).toBe(0);
  });

  it('does not let a request that already left remove another one', () => {
    const aborted: string[] = [];
    const inFlight = new InFlightRequests();
    const [a, b] = [request('a', aborted), request('b', aborted)];
    inFlight.add(a);
    inFlight.delete(a);
    inFlight.add(b);
    inFlight.delete(a);
    inFlight.abortAll();
    expect(aborted).toEqual(['b']);
  });
});
