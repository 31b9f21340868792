import { Builtins, Cli } from 'clipanion';
import { MockServerCommand } from './commands/mock-server.js';
import { PlotCommand } from './commands/plot.js';
import { ProfileCommand } from './commands/profile.js';
import { version } from './version.js';

/** Builds the `aiperf` CLI; tests call `runCli` with their own streams. */
export function createCli(): Cli {
  const cli = new Cli({ binaryLabel: 'aiperf', binaryName: 'aiperf', binaryVersion: version });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  cli.register(ProfileCommand);
  cli.register(PlotCommand);
  cli.register(MockServerCommand);
  return cli;
}

export async function runCli(
  argv: string[],
  context: Partial<{ stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }> = {},
): Promise<number> {
  return createCli().run(argv, { ...Cli.defaultContext, ...context });
}
