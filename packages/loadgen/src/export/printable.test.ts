import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it.each([
    ['\x1b]0;pwned\x07title', 'title'],
    ['\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['a\x1b[2Jb\x1b[31mc\x1b[0m', 'abc'],
    ['x\x9b31my', 'x31my'],
    ['nul\x00del\x7fbel\x07', 'nuldelbel'],
    ['cr\rtab\t', 'cr tab '],
    ['multi\nline', 'multi\nline'],
    ['unicode ✓ é 漢', 'unicode ✓ é 漢'],
    ['dangling \x1b', 'dangling '],
  ])('%j → %j', (input, expected) => {
    expect(printable(input)).toBe(expected);
  });
});
