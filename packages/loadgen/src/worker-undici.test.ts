import * as undici from 'undici';
import { expect, test } from 'vitest';
import * as parts from './worker-undici.js';

test("the worker's undici modules are the very objects undici's entry exports under the same names", () => {
  for (const [name, value] of Object.entries(parts)) expect(value, name).toBe(undici[name as keyof typeof undici]);
});
