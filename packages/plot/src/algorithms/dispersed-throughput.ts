/** Input of the event sweep: offsets in ns from any common origin; TTFT in ms; NaN = missing. */
export interface DispersedThroughputInput {
  requestStartOffsetNs: ArrayLike<number>;
  requestEndOffsetNs: ArrayLike<number>;
  timeToFirstTokenMs: ArrayLike<number>;
  outputSequenceLength: ArrayLike<number>;
}

export interface DispersedThroughput {
  /** Seconds since the first event (the first generation start). */
  timestampS: Float64Array;
  /** Running token rate after each event (hold until the next event). */
  throughputTokensPerSec: Float64Array;
  activeRequests: Int32Array;
  /** ns offset (in the input's origin) of the first event. */
  firstEventOffsetNs: number;
}

/**
 * Event-based dispersed throughput: each request contributes `osl / (end − genStart)` tokens/s
 * from its first token (`start + TTFT`, or start when TTFT is missing) to its end; prefill contributes 0.
 */
export function dispersedThroughput(input: DispersedThroughputInput): DispersedThroughput {
  const cached = cache.get(input);
  if (cached) return cached;
  const result = computeDispersedThroughput(input);
  cache.set(input, result);
  return result;
}

// Several plots of one run (the area plot and the GPU overlays) need the same events: compute them once.
const cache = new WeakMap<DispersedThroughputInput, DispersedThroughput>();

function computeDispersedThroughput(input: DispersedThroughputInput): DispersedThroughput {
  const count = input.requestStartOffsetNs.length;
  // Typed arrays: two events per request, 16 bytes each, instead of millions of boxed numbers.
  const times = new Float64Array(count * 2);
  const rates = new Float64Array(count * 2);
  let used = 0;
  for (let i = 0; i < count; i += 1) {
    const start = input.requestStartOffsetNs[i]!;
    const end = input.requestEndOffsetNs[i]!;
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    const ttftMs = input.timeToFirstTokenMs[i]!;
    const genStart = ttftMs > 0 ? start + ttftMs * 1e6 : start;
    const osl = Number.isFinite(input.outputSequenceLength[i]!) ? input.outputSequenceLength[i]! : 0;
    if (end - genStart <= 0 || osl <= 0) continue;
    const rate = osl / ((end - genStart) / 1e9);
    times[used] = genStart;
    rates[used++] = rate;
    times[used] = end;
    rates[used++] = -rate;
  }
  // Stable sort of event indices by time (ties keep insertion order).
  const order = Uint32Array.from({ length: used }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  const eventCount = order.length;
  const timestampS = new Float64Array(eventCount);
  const throughput = new Float64Array(eventCount);
  const active = new Int32Array(eventCount);
  const first = eventCount > 0 ? times[order[0]!]! : 0;
  let rate = 0;
  let running = 0;
  order.forEach((index, k) => {
    rate += rates[index]!;
    running += rates[index]! > 0 ? 1 : -1;
    timestampS[k] = (times[index]! - first) / 1e9;
    // Float drift can leave −1e-9 after the last request ends.
    throughput[k] = Math.abs(rate) < 1e-6 ? 0 : rate;
    active[k] = running;
  });
  return { timestampS, throughputTokensPerSec: throughput, activeRequests: active, firstEventOffsetNs: first };
}
