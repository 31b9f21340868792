/** ISO-8601 local naive timestamp with microseconds, the way AIPerf writes `start_time`/`end_time`. */
export function isoLocalMicros(epochNs: bigint): string {
  const ms = Number(epochNs / 1_000_000n);
  const micros = Number((epochNs / 1_000n) % 1_000_000n);
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(micros, 6)}`
  );
}
