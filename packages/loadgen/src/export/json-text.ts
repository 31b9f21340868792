/**
 * JSON text with bigint support: epoch nanoseconds (> 2^53) are written as exact integer literals. Node 20 has no
 * `JSON.rawJSON`, so bigints pass through a tagged string that is unwrapped after stringifying.
 */
const BIGINT_TAG = '\u0000bigint:';
const TAGGED = new RegExp(`"${BIGINT_TAG.replace('\u0000', '\\\\u0000')}(-?\\d+)"`, 'g');

export function stringifyJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${BIGINT_TAG}${v}` : v), indent);
  return text.replace(TAGGED, '$1');
}

/** Parses JSON, turning integer literals beyond the safe range into bigint (for readers and tests). */
export function parseJsonWithBigInt(text: string): unknown {
  const marked = text.replace(/([:\[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, (_m, lead: string, digits: string) =>
    Number.isSafeInteger(Number(digits)) ? `${lead}${digits}` : `${lead}"${BIGINT_TAG.replace('\u0000', '\\u0000')}${digits}"`,
  );
  return JSON.parse(marked, (_key, v) => (typeof v === 'string' && v.startsWith(BIGINT_TAG) ? BigInt(v.slice(BIGINT_TAG.length)) : v));
}
