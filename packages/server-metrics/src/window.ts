// Which scrapes of an endpoint belong to the profiling window. Pure.
import type { MetricsStore } from './store.js';

export interface MetricsWindow {
  startEpochNs: bigint;
  endEpochNs: bigint;
}

export interface EndpointWindow {
  /** Last scrape before the window: the reference for counter and histogram deltas; -1 when none. */
  reference: number;
  /** First scrape at or after the window start. */
  first: number;
  /** Last scrape at or before the window end (gauges stop here). */
  lastInside: number;
  /** The final scrape taken just after the window (the end state), else `lastInside`; deltas run to here. */
  last: number;
}

export function endpointWindow(store: MetricsStore, endpointUrl: string, window: MetricsWindow): EndpointWindow | undefined {
  const endpoint = store.endpoints.get(endpointUrl);
  if (!endpoint || store.baseNs === undefined) return undefined;
  const startOffset = Number(window.startEpochNs - store.baseNs);
  const endOffset = Number(window.endEpochNs - store.baseNs);
  let reference = -1;
  let first = -1;
  let lastInside = -1;
  let after = -1;
  for (let scrape = 0; scrape < endpoint.offsetsNs.length; scrape++) {
    const offset = endpoint.offsetsNs.at(scrape);
    if (offset < startOffset) reference = scrape;
    else if (offset <= endOffset) {
      if (first < 0) first = scrape;
      lastInside = scrape;
    } else if (after < 0) after = scrape;
  }
  if (first < 0 && after < 0) return undefined;
  if (first < 0) first = after;
  if (lastInside < 0) lastInside = first;
  return { reference, first, lastInside, last: after >= 0 ? after : lastInside };
}

/** Timeslice edges as offsets (ns) from the window start: fixed `sliceNs` steps, the last one cut at the end. */
export function sliceEdges(window: MetricsWindow, sliceNs: number): { startNs: bigint; endNs: bigint; complete: boolean }[] {
  const slices: { startNs: bigint; endNs: bigint; complete: boolean }[] = [];
  const step = BigInt(Math.max(1, Math.round(sliceNs)));
  for (let start = window.startEpochNs; start < window.endEpochNs; start += step) {
    const end = start + step;
    slices.push({ startNs: start, endNs: end > window.endEpochNs ? window.endEpochNs : end, complete: end <= window.endEpochNs });
  }
  return slices;
}
