/**
 * JSON text with bigint support: epoch nanoseconds (> 2^53) are written as exact integer literals. Node 20 has no
 * `JSON.rawJSON`, so bigints pass through a tagged string that is unwrapped after stringifying.
 */
const BIGINT_TAG = '\u0000bigint:';
const TAGGED = new RegExp(`"${BIGINT_TAG.replace('\u0000', '\\\\u0000')}(-?\\d+)"`, 'g');

const FLOAT_TAG = '\u0000float:';
const TAGGED_FLOAT = new RegExp(`"${FLOAT_TAG.replace('\u0000', '\\\\u0000')}(-?\\d+)"`, 'g');

/** Whether a whole number at `key` of `holder` is written as a float (`80.0`) rather than an integer. */
export type FloatRule = (holder: Record<string, unknown>, key: string) => boolean;

/**
 * `isFloat`: which whole-number values are still written as floats, as Python writes a float field (AIPerf's
 * `avg`, percentiles, times in ms), so typed readers see the type they expect.
 */
export function stringifyJson(value: unknown, indent?: number, isFloat?: FloatRule): string {
  const text = JSON.stringify(
    value,
    function (this: Record<string, unknown>, key, v) {
      if (typeof v === 'bigint') return `${BIGINT_TAG}${v}`;
      if (isFloat && typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e16 && isFloat(this, key)) return `${FLOAT_TAG}${v}`;
      return v;
    },
    indent,
  );
  const unwrapped = text.replace(TAGGED, '$1');
  return isFloat ? unwrapped.replace(TAGGED_FLOAT, '$1.0') : unwrapped;
}

/** Parses JSON, turning integer literals beyond the safe range into bigint (for readers and tests). */
export function parseJsonWithBigInt(text: string): unknown {
  const marked = text.replace(/([:\[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, (_m, lead: string, digits: string) =>
    Number.isSafeInteger(Number(digits)) ? `${lead}${digits}` : `${lead}"${BIGINT_TAG.replace('\u0000', '\\u0000')}${digits}"`,
  );
  return JSON.parse(marked, (_key, v) => (typeof v === 'string' && v.startsWith(BIGINT_TAG) ? BigInt(v.slice(BIGINT_TAG.length)) : v));
}
