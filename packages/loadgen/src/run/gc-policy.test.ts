import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { NO_PRETENURING_FLAG, disableAllocationSitePretenuring } from './gc-policy.js';

/**
 * A plain Node process that makes objects from one allocation site, each alive for the next 50,000 (longer than a
 * young-generation GC of the 1 MB semi-space it runs with), and prints V8's pretenuring decisions. `setFlag` is set
 * at run time before the first object, as `aiperf profile` does.
 */
function pretenuringDecisions(setFlag: string | null): string[] {
  const code = `import { setFlagsFromString } from 'node:v8';
${setFlag === null ? '' : `setFlagsFromString(${JSON.stringify(setFlag)});`}
const make = (i) => ({ id: i, pair: [i, i + 1] });
const ring = new Array(50_000).fill(null);
for (let i = 0; i < 400_000; i++) ring[i % ring.length] = make(i);
console.log('ring holds', ring.length);`;
  const run = spawnSync(process.execPath, ['--max-semi-space-size=1', '--trace-pretenuring-statistics', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('ring holds 50000');
  return run.stdout.split('\n').filter((line) => /=> tenure$/.test(line));
}

describe('disableAllocationSitePretenuring', () => {
  // A spy on the module object, not vi.mock: unit files share one module graph, so this module may be loaded already.
  it('sets the flag once, however often it is called', () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    try {
      disableAllocationSitePretenuring();
      disableAllocationSitePretenuring();
      expect(setFlags.mock.calls).toEqual([[NO_PRETENURING_FLAG]]);
    } finally {
      setFlags.mockRestore();
    }
  });

  it('set at run time, the flag stops V8 moving a site that outlives a young GC into the old generation', () => {
    // Without it V8 tenures the site (the objects of every later call go straight to the old generation)...
    expect(pretenuringDecisions(null).length).toBeGreaterThan(0);
    // ...and with it, set after start-up, no site is tenured.
    expect(pretenuringDecisions(NO_PRETENURING_FLAG)).toEqual([]);
  }, 60_000);
});
