import { closest, distance } from 'fastest-levenshtein';

/** ` (did you mean "x"?)` for a likely typo of a metric name, else ''. */
export function suggestMetric(name: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const match = closest(name, [...known]);
  return distance(name, match) <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean "${match}"?)` : '';
}
