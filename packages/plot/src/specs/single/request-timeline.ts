import { axisLabel, displayName } from '../../metric-names.js';
import { NVIDIA_GREEN } from '../../theme.js';
import { axis, baseSpec, requestColumn, requestMetricName } from '../common.js';
import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';

/** Above this many requests the timeline draws an even sample (every k-th request) so lines stay legible. */
export const MAX_TIMELINE_REQUESTS = 5000;

export const requestTimelinePlot: PlotTypeDefinition = {
  name: 'request_timeline',
  describe: () => 'Each request as a horizontal line at its TTFT: prefill (green) then decode.',
  buildSingleRun(context): SpecResult {
    const requests = context.run.requests;
    if (!requests) return { skip: 'no per-request data (profile_export.jsonl)' };
    const yName = requestMetricName(requests, context.preset.y) ?? 'time_to_first_token';
    const y = requestColumn(requests, yName);
    const ttft = requestColumn(requests, 'time_to_first_token');
    if (!y || !ttft) return { skip: `no '${!y ? yName : 'time_to_first_token'}' values in the per-request data` };
    const start = requests.requestStartOffsetNs;
    const end = requests.requestEndOffsetNs;
    let origin = Number.POSITIVE_INFINITY;
    for (const value of start) if (value < origin) origin = value;
    // Valid requests first, then an even sample in file order (every k-th), so a million requests cost
    // a few thousand row objects; the sample is drawn in ascending y.
    const valid: number[] = [];
    let dropped = 0;
    for (let i = 0; i < requests.count; i += 1) {
      if (![start[i]!, end[i]!, ttft[i]!, y[i]!].every(Number.isFinite)) continue;
      if (ttft[i]! * 1e6 > end[i]! - start[i]!) dropped += 1;
      else valid.push(i);
    }
    if (valid.length === 0) return { skip: 'no request with start, end and TTFT' };
    const spec = baseSpec(
      context,
      `Request Timeline: ${displayName(yName)}`,
      axis('Time (seconds)', true),
      axis(axisLabel(yName, requests.units[yName]), false),
    );
    if (dropped > 0) spec.notes.push(`dropped ${dropped} request(s) whose TTFT exceeds their duration`);
    const stride = Math.ceil(valid.length / MAX_TIMELINE_REQUESTS);
    const shown = valid
      .filter((_, k) => k % stride === 0)
      .map((i) => {
        const startS = (start[i]! - origin) / 1e9;
        return { startS, ttftEndS: startS + ttft[i]! / 1000, endS: (end[i]! - origin) / 1e9, y: y[i]! };
      })
      .sort((a, b) => a.y - b.y);
    if (stride > 1) spec.notes.push(`showing every ${stride}th request (${shown.length} of ${valid.length})`);
    const prefill = { x: [] as number[], y: [] as (number | null)[] };
    const decode = { x: [] as number[], y: [] as (number | null)[] };
    for (const row of shown) {
      prefill.x.push(row.startS, row.ttftEndS, row.ttftEndS);
      prefill.y.push(row.y, row.y, null);
      if (row.endS - row.ttftEndS > 0.001) {
        decode.x.push(row.ttftEndS, row.endS, row.endS);
        decode.y.push(row.y, row.y, null);
      }
    }
    spec.series.push(
      { name: 'Prefill Phase', showInLegend: true, style: 'segments', color: NVIDIA_GREEN, lineWidth: 2, markerSize: 0, axis: 'y', ...prefill },
      { name: 'Decode Phase', showInLegend: true, style: 'segments', color: context.theme.palette[1]!, lineWidth: 2, markerSize: 0, axis: 'y', ...decode },
    );
    return { spec };
  },
};
