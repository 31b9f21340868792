import { PassThrough } from 'node:stream';
import { PROFILE_FLAGS } from '@aiperf/config';
import { Cli, type CommandClass } from 'clipanion';
import { describe, expect, test } from 'vitest';
import { COMMAND_LOADERS, loadAllCommands } from './command-table.js';
import { ProfileCommand } from './commands/profile.js';
import type { AiperfContext } from './context.js';
import { flagsNamedIn, readProfileOptions } from './profile-options.js';

describe('the command table', () => {
  test("each first word loads exactly the commands whose paths start with it, and every command's word is in the table", async () => {
    for (const [word, load] of COMMAND_LOADERS) {
      for (const command of await load()) expect(command.paths?.every((path) => path[0] === word)).toBe(true);
    }
    const words = new Set((await loadAllCommands()).flatMap((c) => (c.paths ?? []).map((path) => path[0])));
    expect([...words].sort()).toEqual([...COMMAND_LOADERS.keys()].sort());
  });
});

/** What `aiperf profile ARGS` parses into with the given command class registered alone (or that it fails). */
function parse(command: CommandClass<AiperfContext>, args: readonly string[]) {
  const cli = new Cli<AiperfContext>({ binaryName: 'aiperf' });
  cli.register(command);
  const context = { ...Cli.defaultContext, stdout: new PassThrough(), stderr: new PassThrough() };
  try {
    return readProfileOptions(cli.process(['profile', ...args], context));
  } catch {
    // The message differs (it lists the registered usage): runCli parses a failure again with every command.
    return 'parse error';
  }
}

describe('ProfileCommand.forArgs: only the named options, the same parse as the full table', () => {
  test.each([
    [[]],
    [['-m', 'x', '-u', 'http://h:1', '--concurrency', '4', '--streaming']],
    [['--model=x', '--concurrency=4', '--no-streaming', '-vv']],
    [['-m', 'a', '-m', 'b', '--extra-inputs', 'a:1', '--extra-inputs', 'b:2', '-H', 'X-A:1']],
    [['-m', 'x', '--no-server-metrics', '--no-gpu-telemetry', '--random-seed', '7', '--request-count', '3']],
    [['-m', 'x', '--random-seed', '-1']],
    [['-m', 'x', 'extra', '--streaming=maybe']],
    [['-m', 'x', '-v', '--verbose', '--warmup-request-count', '1', '--print-config']],
  ])('%j', (args) => {
    const reduced = ProfileCommand.forArgs(args);
    expect(reduced.flags.length).toBeLessThan(20);
    expect(parse(reduced, args)).toEqual(parse(ProfileCommand, args));
  });

  test('a flag is named by any of its names, its --no- form, or a batch of short counters', () => {
    const keys = (args: string[]) => flagsNamedIn(args).map((f) => f.key).sort();
    expect(keys(['--no-streaming', '--no-server-metrics'])).toEqual(['noServerMetrics', 'serverMetrics', 'streaming']);
    expect(keys(['-vv', '--model-names=x'])).toEqual(['model', 'verbose']);
    expect(keys(['-m', 'x', '--', '--streaming'])).toEqual(['model']);
    expect(flagsNamedIn(PROFILE_FLAGS.flatMap((f) => f.names))).toHaveLength(PROFILE_FLAGS.length);
  });
});
