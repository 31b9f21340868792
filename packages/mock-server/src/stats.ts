import type { FaultName } from './faults.js';

/** What the server has done so far, served at GET /mock/stats. */
export interface MockServerStats {
  requests: {
    total: number;
    chat: number;
    completions: number;
    embeddings: number;
    /** Anthropic Messages, OpenAI Responses, TGI generate, rankings (NIM, TEI, Cohere). */
    messages: number;
    responses: number;
    generate: number;
    rankings: number;
    streaming: number;
    completed: number;
    rejected: number;
    active: number;
    maxActive: number;
  };
  tokens: { prompt: number; completion: number; reasoning: number };
  faults: Record<FaultName, number>;
}

export function createStats(): MockServerStats {
  return {
    requests: {
      total: 0,
      chat: 0,
      completions: 0,
      embeddings: 0,
      messages: 0,
      responses: 0,
      generate: 0,
      rankings: 0,
      streaming: 0,
      completed: 0,
      rejected: 0,
      active: 0,
      maxActive: 0,
    },
    tokens: { prompt: 0, completion: 0, reasoning: 0 },
    faults: { httpError: 0, reset: 0, malformedSse: 0, stall: 0, headerDelay: 0 },
  };
}

/** Zeroes the counters in place (handlers in flight hold this object), keeping the live `active` count. */
export function resetStats(stats: MockServerStats): void {
  const fresh = createStats();
  Object.assign(stats.requests, fresh.requests, { active: stats.requests.active });
  Object.assign(stats.tokens, fresh.tokens);
  Object.assign(stats.faults, fresh.faults);
}

export function copyStats(stats: MockServerStats): MockServerStats {
  return { requests: { ...stats.requests }, tokens: { ...stats.tokens }, faults: { ...stats.faults } };
}

/**
 * Tokens emitted per second over a sliding window, in 100 ms buckets: the load signal that drives
 * the simulated GPUs.
 */
export class TokenRateMeter {
  private readonly bucketMs = 100;
  private readonly counts: number[];
  private readonly stamps: number[];

  constructor(private readonly windowMs: number) {
    const size = Math.max(1, Math.ceil(windowMs / this.bucketMs));
    this.counts = new Array<number>(size).fill(0);
    this.stamps = new Array<number>(size).fill(-1);
  }

  record(tokens: number, atMs: number): void {
    const bucket = Math.floor(atMs / this.bucketMs);
    const slot = bucket % this.counts.length;
    if (this.stamps[slot] !== bucket) {
      this.stamps[slot] = bucket;
      this.counts[slot] = 0;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + tokens;
  }

  tokensPerSecond(atMs: number): number {
    const newest = Math.floor(atMs / this.bucketMs);
    const oldest = newest - this.counts.length + 1;
    let total = 0;
    for (let slot = 0; slot < this.counts.length; slot += 1) {
      const stamp = this.stamps[slot] ?? -1;
      if (stamp >= oldest && stamp <= newest) total += this.counts[slot] ?? 0;
    }
    return total / (this.counts.length * this.bucketMs / 1000);
  }
}
