// Eight block heights are all a one-line sparkline needs; a dependency would add nothing over these lines.
const BLOCKS = '▁▂▃▄▅▆▇█';

/** The last `width` values as block characters scaled to their maximum (pure). */
export function sparkline(values: readonly number[], width: number): string {
  const shown = values.slice(-width);
  const max = Math.max(0, ...shown);
  if (max === 0) return BLOCKS[0]!.repeat(shown.length);
  return shown.map((v) => BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((v / max) * (BLOCKS.length - 1)))]).join('');
}

/** `[██████░░░░]` for a fraction in [0, 1] (pure). */
export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}
