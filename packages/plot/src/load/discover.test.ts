import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMode } from './discover.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const makeRun = (dir: string): string => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'profile_export.jsonl'), '');
  writeFileSync(join(dir, 'profile_export_aiperf.json'), '{}');
  return dir;
};

describe('detectMode', () => {
  const root = makeTempDirSync('aiperf-discover-');

  it('a directory holding profile_export.jsonl is a single run', () => {
    const run = makeRun(join(root, 'single'));
    expect(detectMode([run])).toMatchObject({ mode: 'single_run', runDirs: [run] });
  });

  it('a parent of run directories is a multi-run set, sorted', () => {
    const parent = join(root, 'sweep');
    for (const c of [4, 1, 2]) makeRun(join(parent, `concurrency_${c}`));
    const { mode, runDirs } = detectMode([parent]);
    expect(mode).toBe('multi_run');
    expect(runDirs.map((dir) => dir.slice(parent.length + 1))).toEqual(['concurrency_1', 'concurrency_2', 'concurrency_4']);
  });

  it('several run paths are compared; duplicates (same path, ../ spellings, parent + child) count once', () => {
    const a = makeRun(join(root, 'pair', 'a'));
    const b = makeRun(join(root, 'pair', 'b'));
    expect(detectMode([a, b]).mode).toBe('multi_run');
    expect(detectMode([a, `${a}/../a`]).runDirs).toEqual([a]);
    expect(detectMode([join(root, 'pair'), a]).runDirs).toEqual([a, b]);
  });

  it('finds nested runs at any depth and symlink loops end', () => {
    const outer = makeRun(join(root, 'nest', 'outer'));
    const deep = makeRun(join(outer, ...Array.from({ length: 15 }, (_, i) => `level${i}`)));
    symlinkSync(join(root, 'nest'), join(outer, 'loop'));
    expect(detectMode([join(root, 'nest')]).runDirs).toEqual([outer, deep]);
  });

  it('collapses profile_runs trials to the aggregate cell when one exists', () => {
    const cell = join(root, 'trials');
    makeRun(join(cell, 'profile_runs', 'run_0001'));
    makeRun(join(cell, 'profile_runs', 'run_0002'));
    mkdirSync(join(cell, 'aggregate'), { recursive: true });
    writeFileSync(join(cell, 'aggregate', 'profile_export_aiperf_aggregate.json'), '{}');
    expect(detectMode([cell]).runDirs).toEqual([join(cell, 'aggregate')]);
  });

  it('reports bad paths with the spec messages', () => {
    expect(() => detectMode([])).toThrow('No paths provided');
    expect(() => detectMode([join(root, 'missing')])).toThrow(`Path does not exist: ${join(root, 'missing')}`);
    const file = join(root, 'file.txt');
    writeFileSync(file, 'x');
    expect(() => detectMode([file])).toThrow(`Path is not a directory: ${file}`);
    mkdirSync(join(root, 'empty'));
    expect(() => detectMode([join(root, 'single'), join(root, 'empty')])).toThrow(`Path does not contain any valid run directories: ${join(root, 'empty')}`);
  });
});
