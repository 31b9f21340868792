import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runBinary, runInProcess } from './config-harness.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const STACK_FRAME = /^\s+at /m;

// A few smoke tests of the built binary (its real exit status and output); the rest of the CLI's decisions run
// in-process (runCli with PassThrough streams), the same code without a node start-up per case.
describe('aiperf (built binary)', () => {
  test('--version prints the package version', () => {
    const result = runBinary(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${packageVersion}\n` });
  });

  test('--help lists the three commands', () => {
    const result = runBinary(['--help']);
    expect(result.code).toBe(0);
    for (const line of ['aiperf profile', 'aiperf plot', 'aiperf mock-server', 'Benchmark an OpenAI-compatible inference server.']) expect(result.stdout).toContain(line);
  });

  test('a configuration error exits 2, names the flag, the value and what is allowed, without a stack', () => {
    const result = runBinary(['profile', '-m', 'm', '--concurrency', '0', '--ui', 'fancy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--concurrency: got "0", expected an integer ≥ 1');
    expect(result.stderr).toContain('--ui: got "fancy", expected one of: dashboard, simple, none');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toBe('');
  });
});

describe('aiperf (in-process)', () => {
  test('profile --help shows grouped options with defaults', async () => {
    const { code, stdout } = await runInProcess(['profile', '--help']);
    expect(code).toBe(0);
    for (const group of ['Endpoint:', 'Load:', 'Input:', 'Output:', 'Telemetry:', 'UI:', 'Multi-run & sweeps:', 'Auto-plot:']) expect(stdout).toContain(`\n${group}\n`);
    expect(stdout).toContain('  -m, --model, --model-names <names>');
    expect(stdout).toContain('  --concurrency <n[,n…]>');
    expect(stdout).toMatch(/--request-timeout-seconds <s>\n\s+Per-request timeout in seconds; timed-out requests count as errors; a comma list\s+sweeps it\s+\(default: 21600\)/);
    // AIPerf's recipe names are accepted and listed.
    expect(stdout).toContain("AIPerf's names are accepted too: max-throughput-ttft-sla = max-throughput-under-ttft-sla, max-throughput-itl-sla = max-throughput-under-itl-sla");
    expect(stdout).toMatch(/--auto-plot\n\s+Plot the results when the run ends; --no-auto-plot turns it off/);
    expect(stdout).toContain('Examples:');
  });

  test.each([['plot'], ['mock-server']])('%s --help exits 0 and describes the command', async (command) => {
    const { code, stdout } = await runInProcess([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`aiperf ${command}`);
  });

  test('an unknown endpoint type exits 2 with a suggestion, without a stack', async () => {
    // Endpoint types are open (plugins add them): checked against the run's registry once the config is valid.
    const unknownType = await runInProcess(['profile', '-m', 'm', '--endpoint-type', 'chatt', '--request-count', '4']);
    expect(unknownType.code).toBe(2);
    // The list grows with the built-in endpoint types; its start and the suggestion are what this checks.
    expect(unknownType.stderr).toMatch(/--endpoint-type \(benchmark\.endpoint\.type\): got "chatt", expected one of: chat, completions, embeddings, [a-z_, ]+ \(did you mean "chat"\?\)/);
    expect(unknownType.stderr).not.toMatch(STACK_FRAME);
  });

  test('an unknown option exits 2 with a suggestion', async () => {
    const result = await runInProcess(['profile', '-m', 'm', '--concurency', '4']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('aiperf profile: unknown option --concurency (did you mean --concurrency?)\nSee `aiperf profile --help` for every option.\n');
  });

  test('no arguments prints the general help', async () => {
    const result = await runInProcess([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('aiperf profile');
  });

  test('an unknown command is a usage error (exit 2)', async () => {
    const result = await runInProcess(['profil']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Command not found');
  });

  test('a missing option value is a usage error (exit 2)', async () => {
    const result = await runInProcess(['profile', '--url']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  test('negatable booleans: --no-streaming and --no-auto-plot reach the config', async () => {
    const { code, stdout } = await runInProcess(['profile', '-m', 'm', '--no-streaming', '--no-auto-plot', '--print-config']);
    expect(code).toBe(0);
    expect(stdout).toContain('    streaming: false\n');
    expect(stdout).toContain('    auto_plot: false\n');
  });
});

// Ctrl+C (a real SIGINT to a real process: the first stops the run and writes, a second exits at once with 130) is
// reliability/signals.test.ts, with SIGTERM and at random points of the run.
