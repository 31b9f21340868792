import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

export default defineConfig(
  packageBuild({ entry: ['src/bin.ts'], dts: false, banner: { js: '#!/usr/bin/env node' } }),
);
