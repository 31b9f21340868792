import v8 from 'node:v8';

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
 * from then on, for the rest of the process. A load generator's per-request objects (the request, its handler, its
 * exchange, its record) live for one request, but once a GC finds hundreds of them alive at once, their sites are
 * tenured and every later request leaves old-generation garbage that only a mark-compact frees, with the marking on
 * helper threads that, on a machine the server shares, take the server's cores. Seen with requests issued from the
 * main thread (bench/profile-rate.mjs: 64 connections, zero-latency mock, 20,000 requests), V8's pretenuring trace
 * shows seven sites tenured at the 11th of 41 scavenges, each with all of its ~300 objects since the previous one
 * alive, and allocation sampling of what then outlives the young generation finds the socket writes, exchanges,
 * pending records and request timers. Over the last 20 scavenges (`--trace-gc-nvp`): 31.9 MB promoted before,
 * 0.24 MB after this call; scavenge pauses 141 → 28 ms; the CPU of the client's helper threads (GC and compiler)
 * 23.5–30.5 → 16–18 µs per request. The ratio bench's rate row moved within its run-to-run spread (median of the
 * day's runs 0.91 before, 0.93 after). `aiperf profile
 * --no-server-metrics` (the main thread issues): ~10 MB promoted per 20 scavenges and 4–5 mark-compacts before,
 * 0.06 MB and 2 after. Issuing from a worker thread (a server with /metrics to scrape) showed ~0.2 MB either way.
 *
 * A flag set at run time, unlike the young generation's size, still takes effect: Node cannot grow an already
 * configured heap, but V8 consults this flag as it collects. Called before any load is generated, no decision is
 * made the old way. Calling it again does nothing.
 */
export function disableAllocationSitePretenuring(): void {
  if (disabled) return;
  disabled = true;
  v8.setFlagsFromString(NO_PRETENURING_FLAG);
}
