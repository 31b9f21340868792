// @ts-check
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** @typedef {import('@aiperf/hooks').PostRunHook} PostRunHook */

/**
 * Runs once after the benchmark (after auto-plot): writes hello_summary.json next to the results. A hook that
 * throws is reported and makes the exit status non-zero; what the run wrote stays on disk.
 * @type {PostRunHook}
 */
export const helloSummaryHook = {
  name: 'hello-summary',
  order: 10,
  async run(outcome) {
    const summary = {
      plugin: 'aiperf-plugin-hello',
      kind: outcome.kind,
      exit_code: outcome.exitCode,
      runs: outcome.runs.map((run) => ({ label: run.label ?? null, successful_requests: run.successfulRequestCount })),
    };
    await writeFile(join(outcome.artifactDir, 'hello_summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  },
};
