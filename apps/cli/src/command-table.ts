// The commands by their first word, each module imported only when its word is run: a command's module pulls in
// its packages (the config schema, the mock server), which `aiperf --version` or `aiperf plot` need not load.
import type { CommandClass } from 'clipanion';
import type { AiperfContext } from './context.js';

type Commands = CommandClass<AiperfContext>[];

/**
 * Loads the command classes of one first word. Given the run's arguments (after the word), `profile` returns a
 * command declaring only the options those arguments name (see `ProfileCommand.forArgs`); without, the full ones.
 */
type CommandLoader = (args?: readonly string[]) => Promise<Commands>;

/** In the order `aiperf --help` registers them. */
export const COMMAND_LOADERS: ReadonlyMap<string, CommandLoader> = new Map<string, CommandLoader>([
  ['profile', async (args) => {
    const { ProfileCommand } = await import('./commands/profile.js');
    return [args === undefined ? ProfileCommand : ProfileCommand.forArgs(args)];
  }],
  ['plot', async () => [(await import('./commands/plot.js')).PlotCommand]],
  ['mock-server', async () => [(await import('./commands/mock-server.js')).MockServerCommand as CommandClass<AiperfContext>]],
  ['compare', async () => [(await import('./commands/compare.js')).CompareCommand]],
  ['report', async () => [(await import('./commands/report.js')).ReportCommand]],
  ['merge', async () => [(await import('./commands/merge.js')).MergeCommand]],
  ['kube', async () => [(await import('./commands/kube.js')).KubeGenerateCommand]],
  ['plugins', async () => {
    const { PluginsListCommand, PluginsValidateCommand } = await import('./commands/plugins.js');
    return [PluginsListCommand, PluginsValidateCommand];
  }],
]);

/** Every command, with all its options (for `aiperf --help` and clipanion's error messages, which list them). */
export async function loadAllCommands(): Promise<Commands> {
  const groups = await Promise.all([...COMMAND_LOADERS.values()].map((load) => load()));
  return groups.flat();
}
