/** One piece of `--request-rate-series`: `rate` req/s for `durationSeconds` (null = until the run ends). */
export interface RateSeriesSegment {
  rate: number;
  durationSeconds: number | null;
}

const NUMBER = /^(\d+\.?\d*|\.\d+)$/;
const DURATION = /^(\d+\.?\d*|\.\d+)\s*(ms|s|m|h)?$/;
const SECONDS_PER_UNIT: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * `"5:10,20:10s,10"` → 5 req/s for 10 s, 20 req/s for 10 s, then 10 req/s. Every piece but the last needs a
 * duration; rates may be 0 (a pause) except the last. Returns the problem in words instead of throwing.
 */
export function parseRateSeries(text: string): RateSeriesSegment[] | string {
  const pieces = text.split(',').map((p) => p.trim());
  const segments: RateSeriesSegment[] = [];
  for (const [i, piece] of pieces.entries()) {
    const last = i === pieces.length - 1;
    const [rateText = '', durationText, extra] = piece.split(':').map((p) => p.trim());
    if (extra !== undefined || !NUMBER.test(rateText)) return `piece ${i + 1} ${JSON.stringify(piece)} is not rate[:seconds]`;
    const duration = durationText === undefined ? null : DURATION.exec(durationText);
    if (durationText !== undefined && !duration) return `piece ${i + 1} ${JSON.stringify(piece)} has no valid duration (e.g. 10, 10s, 2m)`;
    const durationSeconds = duration ? Number(duration[1]) * (SECONDS_PER_UNIT[duration[2] ?? 's'] ?? 1) : null;
    if (durationSeconds === null && !last) return `piece ${i + 1} ${JSON.stringify(piece)} needs a duration (only the last may leave it out)`;
    if (durationSeconds !== null && durationSeconds <= 0) return `piece ${i + 1} ${JSON.stringify(piece)} needs a duration above 0`;
    const rate = Number(rateText);
    if (last && rate <= 0) return `the last rate must be above 0 (it holds until the run ends)`;
    segments.push({ rate, durationSeconds });
  }
  return segments;
}
