#!/usr/bin/env node
// Runs every package benchmark (`packages/*/bench/*.bench.mjs`, `apps/*/bench/*.bench.mjs`) one after
// another, so they do not compete for this machine's cores. Each script writes its own
// `bench/results/<name>.json`; pass a substring to run only matching scripts: `pnpm bench plot` (or
// `pnpm bench --only plot`). `pnpm bench ratios` runs just the goals' ratio rows (aiperf against autocannon and a raw
// undici client, about 10 minutes) and prints the table; `node bench/table.mjs --readme` then puts it in README.md.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2).filter((arg) => arg !== '--only');
const ALIASES = { ratios: 'loadgen/bench/baselines.bench' };
const filter = ALIASES[args[0]] ?? args[0] ?? '';
mkdirSync(join(root, 'bench/results'), { recursive: true });

const scripts = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group)).flatMap((name) => {
    const dir = join(root, group, name, 'bench');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => file.endsWith('.bench.mjs'))
      .map((file) => join(dir, file));
  }),
);

let failed = 0;
const chosen = scripts.filter((path) => path.includes(filter));
for (const script of chosen) {
  console.log(`\n▶ ${relative(root, script)}`);
  const { status } = spawnSync(process.execPath, ['--expose-gc', script], { stdio: 'inherit', cwd: root });
  if (status !== 0) {
    failed += 1;
    console.error(`✘ ${relative(root, script)} exited with ${status}`);
  }
}
console.log(`\n${chosen.length - failed} benchmarks finished, ${failed} failed; results in bench/results/`);
// The goals table (aiperf against the baselines measured in the same run), as the README shows it.
spawnSync(process.execPath, [join(root, 'bench/table.mjs')], { stdio: 'inherit', cwd: root });
process.exitCode = failed ? 1 : 0;
