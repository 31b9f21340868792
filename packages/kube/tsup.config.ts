import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

export default defineConfig(packageBuild());
