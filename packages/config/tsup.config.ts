import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// TypeBox is bundled in: its ESM build is ~250 files, whose resolution and loading cost every `aiperf` start and
// every load-generator thread ~0.12 s of CPU; bundled, the schema code it needs loads as one file. It stays a
// dependency for the declarations. Schemas carry TypeBox's global `Symbol.for` kinds, so they work with any copy.
export default defineConfig(packageBuild({ noExternal: ['@sinclair/typebox'] }));
