import { describe, expect, it } from 'vitest';
import { flatUuid } from './flat-uuid.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('flatUuid', () => {
  it('gives version-4 UUIDs, all distinct across several refills of its batch', () => {
    const ids = Array.from({ length: 256 * 4 + 7 }, () => flatUuid());
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every hex digit in the random positions (the bytes are random, not a fixed pattern)', () => {
    const seen = new Set(Array.from({ length: 300 }, () => flatUuid()).join('').replaceAll('-', ''));
    expect([...seen].sort().join('')).toBe('0123456789abcdef');
  });
});
