import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { configDefaults, defineConfig } from 'vitest/config';

// One vitest config for the whole monorepo. The `@aiperf/source` condition makes cross-package imports resolve to
// `src/`, so unit tests need no build first.
//
// Three groups, chosen by where a test lives and how its file is named (README "Testing"):
// - unit:   `packages/*/src/**/*.test.ts`, `apps/*/src/**/*.test.ts`: in-process, files in parallel. `pnpm test:fast`.
// - e2e:    `apps/*/test/**/*.test.ts` and `*.e2e.test.ts`: the CLI through its real interface (often the built
//           binary), browsers, tmux. In parallel, next to the unit group; needs `pnpm build` first.
// - timing: `*.timing.test.ts`: asserts wall-clock bounds (TTFT/ITL tolerances, signal timing). Runs last, one file
//           at a time, so the other groups do not steal its CPU. Cases without a wall-clock bound belong in the other
//           groups; within a file, cases run concurrently only where sharing the event loop cannot change what they
//           measure (say why in the file).
// - timing-wide: the timing files listed in TIMING_WIDE, one at a time in a second lane (a worker thread) next to
//           `timing`, both last.
const TIMING = ['**/*.timing.test.ts'];
// Timing files that may share the machine with the timing group: in-process runs (client and mock server in one
// event loop, no spawned process) whose every bound leaves 100 ms or more (the SLA search's TTFT p95 120 ms either
// side of the SLA; the endpoint runs' averages under 2 × configured + 150 ms, their floors independent of load),
// using a fraction of one core in bursts of ~0.1 s (a run's set-up and exports). The tight bounds (fidelity's
// errors of a few ms, the mock's 4 ms lateness, TTFT means within 5 ms), the spawned processes and the
// load-shape cases stay in `timing`, which keeps the other core. Measured with others' work on the machine (load
// 12-20): the group 106-131 s → 86-90 s; idle, its files mostly wait, so it takes about its longer lane (`timing`,
// ~35 s of the serial ~60 s, estimated from the files' idle durations: not yet measured idle).
const TIMING_WIDE = ['apps/cli/test/sla-search.timing.test.ts', 'apps/cli/test/endpoint-*.timing.test.ts'];
// The timing files that spawn aiperf processes (a client with its own event loop next to this process's mock server,
// 4 shards at once): they need both cores, so `timing` runs them last, once the second lane (~20 s) is done.
const TIMING_SPAWNING = ['apps/cli/test/profile.timing.test.ts', 'apps/cli/test/shards.timing.test.ts', 'apps/cli/test/reliability/signals.timing.test.ts', 'apps/cli/test/dataset-trace.timing.test.ts'];

/** vitest's order (failed, then slowest first), except that the timing files that spawn processes go last. */
class SpawningTimingLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const spawning = (file: TestSpecification) => TIMING_SPAWNING.some((path) => file.moduleId.endsWith(`/${path}`));
    return [...sorted.filter((file) => !spawning(file)), ...sorted.filter(spawning)];
  }
}
const E2E = ['apps/*/test/**/*.test.ts', '**/*.e2e.test.ts'];
// Most test files wait on sockets and child processes, not the CPU; vitest's default (cores - 1) is one file at
// a time on a 2-core machine. One worker per core, and at least 3, keeps the cores busy (6m → 4m54s measured).
const WORKERS = Math.max(3, availableParallelism());
const UNIT = ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tooling/**/*.test.ts'];

export default defineConfig({
  resolve: { conditions: ['@aiperf/source'] },
  ssr: { resolve: { conditions: ['@aiperf/source'] } },
  test: {
    testTimeout: 60_000,
    sequence: { sequencer: SpawningTimingLast },
    hookTimeout: 60_000,
    maxWorkers: WORKERS,
    // The unit group's pool (see its project): files share one module graph per thread instead of re-importing the
    // packages' sources for every file, which was most of that group's time (collect 255 s → 63 s, group 297 s →
    // 152 s at load 18–25). Safe because no unit test mocks modules or leaves globals changed (fake timers and env
    // vars are restored) and file-level cleanup lives in `setupFiles`. vitest keys pools by name, not by project,
    // and only the root's `poolOptions.<pool>.isolate` decides whether tinypool reuses a worker for the next file.
    // All threads stay up for the whole run: with fewer at minimum, tinypool ends idle shared-module threads with an
    // unhandled "Terminating worker thread" rejection that fails the run.
    // The forks pool (the e2e group, and timing's single fork): the same sharing, see the e2e project.
    poolOptions: {
      threads: { isolate: false, minThreads: WORKERS, maxThreads: WORKERS },
      forks: { isolate: false, minForks: WORKERS, maxForks: WORKERS },
    },
    // One temp root per run (TMPDIR for workers and what they spawn), removed at the end.
    globalSetup: ['./tooling/test-kit/global-setup.ts'],
    // Before every test file: removes the temp dirs a file made outside its tests when that file ends.
    setupFiles: ['./tooling/test-kit/setup-file.ts'],
    // clipanion's ESM build imports a directory (`./platform`), which Node's ESM loader rejects; let vite resolve it.
    server: { deps: { inline: ['clipanion'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT,
          exclude: [...configDefaults.exclude, ...E2E, ...TIMING],
          // Unit files run in worker threads that share one module graph per thread (`poolOptions.threads` above).
          pool: 'threads',
        },
      },
      {
        extends: true,
        // Forks reused across files, each keeping its module graph (`isolate: false`; the root's `poolOptions.forks`
        // makes tinypool reuse the fork): a file no longer pays a fresh node + vite start and the CLI's and loadgen's
        // imports (e2e alone at load 3–7: CPU 178 s → 106–115 s, wall 99 s → 70–78 s). Safe because no e2e file mocks
        // modules, uses fake timers or leaves process-global state changed: in-process `runCli` removes its
        // SIGINT/SIGTERM and exit listeners, the only env var set (auto-plot-cli.ts) and the patched
        // process.stdout/stderr writes (cli-in-process.ts) are restored, module-level caches are pure memos, and
        // file-level temp dirs are removed by `setupFiles`. Passes with files in shuffled order (--sequence.shuffle.files).
        test: { name: 'e2e', include: E2E, exclude: [...configDefaults.exclude, ...TIMING], isolate: false },
      },
      {
        extends: true,
        // One process for the whole group, its files sharing one module graph (`isolate: false`): each file no longer
        // re-imports the CLI and loadgen sources (the 6 endpoint files: collect 8–14 s → 6 s, CPU −1 to −3 s at load
        // 25). No timing file mocks modules or changes globals; temp dirs made outside a test go in `setupFiles`.
        test: {
          name: 'timing', include: TIMING, exclude: [...configDefaults.exclude, ...TIMING_WIDE], sequence: { groupOrder: 1 }, isolate: false,
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        extends: true,
        // The second lane: the same group order, so it runs while `timing` does; a different pool (vitest runs the
        // forks pool's single-fork projects one after another, but pools side by side), one thread for its files.
        test: {
          name: 'timing-wide', include: TIMING_WIDE, sequence: { groupOrder: 1 }, pool: 'threads', isolate: false,
          poolOptions: { threads: { singleThread: true } },
        },
      },
    ],
  },
});
