#!/usr/bin/env node
// `pnpm docs`: regenerates the flag reference in README.md from the flag table of @aiperf/config (built dist),
// between the `<!-- flags:start -->` and `<!-- flags:end -->` markers. A test fails when they drift apart.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { renderFlagMarkdown } = await import(new URL('packages/config/dist/index.js', root).href);
const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');
const start = '<!-- flags:start -->';
const end = '<!-- flags:end -->';
const [before, rest] = readme.split(start);
const after = rest?.split(end)[1];
if (before === undefined || after === undefined) throw new Error(`README.md needs the markers ${start} and ${end}`);
writeFileSync(readmeUrl, `${before}${start}\n${renderFlagMarkdown()}\n${end}${after}`);
console.log('README.md flag reference updated');
