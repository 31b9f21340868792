/** What `aiperf merge` needs of each shard's `shard.json`. */
export interface ShardManifest {
  shard: { index: number; count: number };
  load: { concurrency: number | null; request_count: number | null; warmup_request_count: number };
  dataset_entries: number;
  start: { mode: string; target_epoch_ms: number | null; actual_epoch_ms: number; late_ms: number; clock_offset_ms: number | null };
  settings: Record<string, unknown>;
  input_config: Record<string, unknown>;
}

/** Leaf paths (`load.concurrency`) of a settings object, with their values as JSON text. */
function leaves(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [key, inner] of entries) leaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, JSON.stringify(value) ?? 'undefined');
  }
  return out;
}

/**
 * Settings on which the shards disagree, each as `path (shard i: value, shard j: value)`: shards of one run were
 * started with one config, so any difference means these directories are not one run.
 */
export function differingSettings(shards: ReadonlyArray<Pick<ShardManifest, 'shard' | 'settings'>>): string[] {
  const flat = shards.map((s) => leaves(s.settings));
  const paths = new Set(flat.flatMap((map) => [...map.keys()]));
  const out: string[] = [];
  for (const path of [...paths].sort()) {
    const values = flat.map((map) => map.get(path) ?? 'absent');
    if (new Set(values).size === 1) continue;
    const shown = shards.map((s, k) => `shard ${s.shard.index}: ${values[k]}`).join(', ');
    out.push(`${path} (${shown})`);
  }
  return out;
}

export interface Coverage {
  count: number;
  missing: number[];
  duplicated: number[];
  /** Shards that say the run had another number of shards. */
  countMismatch: boolean;
}

/** Which of the run's N shards are present, missing or given twice. */
export function shardCoverage(shards: ReadonlyArray<Pick<ShardManifest, 'shard'>>): Coverage {
  const count = shards[0]?.shard.count ?? 0;
  const seen = new Map<number, number>();
  for (const s of shards) seen.set(s.shard.index, (seen.get(s.shard.index) ?? 0) + 1);
  return {
    count,
    missing: Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i)),
    duplicated: [...seen].filter(([, n]) => n > 1).map(([i]) => i).sort((a, b) => a - b),
    countMismatch: shards.some((s) => s.shard.count !== count),
  };
}

export interface StartAlignment {
  /** Spread of the shards' clock offsets from the shared file system's clock (barrier starts), ms; null if unmeasured. */
  clockSkewMs: number | null;
  /** Latest minus earliest actual start (each shard's own clock), ms. */
  startSpreadMs: number;
  maxLateMs: number;
}

/** How well the shards started together; the clock skew is measured only where they met at a barrier. */
export function startAlignment(shards: ReadonlyArray<Pick<ShardManifest, 'start'>>): StartAlignment {
  const offsets = shards.map((s) => s.start.clock_offset_ms).filter((v): v is number => typeof v === 'number');
  const starts = shards.map((s) => s.start.actual_epoch_ms);
  return {
    clockSkewMs: offsets.length >= 2 ? Math.max(...offsets) - Math.min(...offsets) : null,
    startSpreadMs: starts.length > 0 ? Math.max(...starts) - Math.min(...starts) : 0,
    maxLateMs: Math.max(0, ...shards.map((s) => s.start.late_ms)),
  };
}
