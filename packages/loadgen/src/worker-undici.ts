// What an issuing thread uses of undici, for the worker build only (tsup aliases `undici` to this module there).
// undici's entry also loads fetch, websockets, caches and mocks (and through them Node's own copy of undici):
// ~0.05 s of CPU per thread for nothing it runs. These modules are the ones the entry re-exports under these names
// (worker-undici.test.ts checks that); a worker module importing any other name from undici fails the build.
import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

export const Client = require('undici/lib/dispatcher/client.js') as typeof Undici.Client;
export const Pool = require('undici/lib/dispatcher/pool.js') as typeof Undici.Pool;
export const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as typeof Undici.Dispatcher;
export const buildConnector = require('undici/lib/core/connect.js') as typeof Undici.buildConnector;
export const errors = require('undici/lib/core/errors.js') as typeof Undici.errors;
