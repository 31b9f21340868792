import { setFlagsFromString } from 'node:v8';

/** The V8 flag that disableAllocationSitePretenuring sets. */
export const NO_PRETENURING_FLAG = '--no-allocation-site-pretenuring';

let disabled = false;

/**
 * Stops V8 from deciding to allocate an allocation site's objects straight in the old generation, for the whole
 * process (V8 flags are process-wide: the issuing threads too). `aiperf profile` calls it before its runs; a tool
 * of your own that generates load with this package can call it too. It changes only where new objects are placed,
 * never what a program computes.
 *
 * Why: V8 counts, at each young-generation GC, how many of the objects a site (an object or array literal, say)
 * made since the last one are still alive; at 85% or more it allocates that site's objects in the old generation
 * from then on. A load generator's per-request objects (the request, its handler, its exchange, its record) live
 * for one request, but a GC that lands while a wave of requests is in flight finds them all alive, and the
 * decision sticks for the process. From then on every request leaves its objects as old-generation garbage that
 * only a mark-compact frees, with the marking on helper threads that, on a machine the server shares, take the
 * server's cores. `--trace-pretenuring-statistics` shows such sites going `undecided => tenure` at a ratio of 1.0
 * during a run. Measured at 64 connections against the zero-latency mock (bench/profile-rate.mjs, 20,000 requests,
 * `--trace-gc-nvp`, its last 20 scavenges): 31.9 MB promoted to the old generation with pretenuring, 0.36 MB with
 * the flag on the command line and 0.24 MB set by this function; scavenge pauses 141 against 43 and 28 ms; the
 * client's helper-thread CPU 23.5–30.5 against 16–18 µs per request (4 alternating pairs); the ratio bench's rate
 * row 0.89 and 0.89 without this call, 1.01 and 0.96 with it (alternating runs). At 1,000 streams the client's CPU
 * did not change measurably.
 *
 * A flag set at run time, unlike the young generation's size, still takes effect: Node cannot grow an already
 * configured heap, but V8 consults this flag as it collects. Called before any load is generated, no decision is
 * made the old way. Calling it again does nothing.
 */
export function disableAllocationSitePretenuring(): void {
  if (disabled) return;
  disabled = true;
  setFlagsFromString(NO_PRETENURING_FLAG);
}
