#!/usr/bin/env node
// `pnpm lint` step: publint over every publishable package (the files `npm pack` would publish, so run after a
// build). Prints each problem and exits 1 when any package has an error or warning.
import { readdirSync, readFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = new URL('..', import.meta.url);
const dirs = ['packages', 'apps'].flatMap((group) => readdirSync(new URL(`${group}/`, root)).map((name) => new URL(`${group}/${name}/`, root)));
let problems = 0;
for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
  if (pkg.private) continue;
  const { messages } = await publint({ pkgDir: dir.pathname, pack: 'npm', strict: true });
  for (const message of messages) {
    problems += 1;
    console.log(`${pkg.name}: [${message.type}] ${formatMessage(message, pkg)}`);
  }
}
console.log(problems === 0 ? `publint: ${dirs.length} packages clean` : `publint: ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
