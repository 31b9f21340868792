import { Client, Dispatcher, Pool, buildConnector, errors } from 'undici';
import { expect, test } from 'vitest';
import * as parts from './worker-undici.js';

test("the worker's undici modules are the very objects undici's entry exports under the same names", () => {
  expect(Object.keys(parts).sort()).toEqual(['Client', 'Dispatcher', 'Pool', 'buildConnector', 'errors']);
  expect(parts.Client).toBe(Client);
  expect(parts.Dispatcher).toBe(Dispatcher);
  expect(parts.Pool).toBe(Pool);
  expect(parts.buildConnector).toBe(buildConnector);
  expect(parts.errors).toBe(errors);
});
