import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Reading the artifacts the report shows besides the summary numbers: per-request records and run summaries.

export const readJsonFile = (path: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
};

export interface RequestPoint {
  /** Seconds since the first request started. */
  atS: number;
  metrics: Record<string, number>;
}

/** Per-request scalar metrics from `profile_export.jsonl` beside `summaryPath` (empty when absent). */
export function readRequestPoints(summaryPath: string, limit = 20_000): RequestPoint[] {
  const path = join(dirname(summaryPath), 'profile_export.jsonl');
  if (!existsSync(path)) return [];
  const rows: Array<{ startNs: number; metrics: Record<string, number> }> = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let parsed: { metadata?: { request_start_ns?: number }; metrics?: Record<string, { value?: unknown }> };
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // a truncated last line of an interrupted run
    }
    const startNs = parsed.metadata?.request_start_ns;
    if (typeof startNs !== 'number') continue;
    const metrics: Record<string, number> = {};
    for (const [tag, entry] of Object.entries(parsed.metrics ?? {})) if (typeof entry?.value === 'number') metrics[tag] = entry.value;
    rows.push({ startNs, metrics });
  }
  if (rows.length === 0) return [];
  // Epoch ns exceed 2^53; as doubles they are off by ~100 ns, far below what a chart in seconds shows.
  const first = Math.min(...rows.map((r) => r.startNs));
  const step = Math.max(1, Math.ceil(rows.length / limit));
  return rows.filter((_, i) => i % step === 0).map((r) => ({ atS: (r.startNs - first) / 1e9, metrics: r.metrics }));
}

/** `profile_runs/<label>/profile_export_aiperf.json` of a multi-run directory, in label order. */
export function readRunSummaries(multiDir: string): Array<{ label: string; summary: Record<string, unknown> }> {
  const runsDir = join(multiDir, 'profile_runs');
  if (!existsSync(runsDir)) return [];
  return readdirSync(runsDir)
    .sort()
    .map((label) => ({ label, summary: readJsonFile(join(runsDir, label, 'profile_export_aiperf.json')) }))
    .filter((r): r is { label: string; summary: Record<string, unknown> } => r.summary !== null);
}
