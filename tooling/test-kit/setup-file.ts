// vitest setupFiles: runs before every test file, also when modules are shared across files (`isolate: false`),
// so each file's temp dirs made outside a test (beforeAll, module scope) are removed when that file ends.
import { afterAll } from 'vitest';
import { removeFileScopedTempDirs } from './src/temp-dir.js';

afterAll(removeFileScopedTempDirs);
