// Timestamps for the summary JSON.

/**
 * Local naive ISO-8601 with microseconds (`2026-01-05T10:00:00.100000`), the format of the run's own
 * start_time/end_time, so the two read alike.
 */
export function epochNsToIso(epochNs: bigint): string {
  const date = new Date(Number(epochNs / 1_000_000n));
  const micros = Number((epochNs / 1_000n) % 1_000_000n);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(micros, 6)}`
  );
}
