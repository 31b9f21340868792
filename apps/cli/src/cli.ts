import { Builtins, Cli, type Command, type CommandClass } from 'clipanion';
import { COMMAND_LOADERS, loadAllCommands } from './command-table.js';
import type { AiperfContext } from './context.js';
import { version } from './version.js';

/** Builds the `aiperf` CLI of the given commands (every command by default); tests call `runCli` with their own streams. */
export async function createCli(commands?: readonly CommandClass<AiperfContext>[]): Promise<Cli<AiperfContext>> {
  const cli = new Cli<AiperfContext>({ binaryLabel: 'aiperf', binaryName: 'aiperf', binaryVersion: version, enableColors: false });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  for (const command of commands ?? (await loadAllCommands())) cli.register(command);
  return cli;
}

type HelpRenderer = CommandClass<AiperfContext> & { renderHelp?: (ctx: AiperfContext) => Promise<string> | string };

/** The command class whose path `args` starts with (the longest such path), from the classes' public `paths`. */
function commandOf(commands: readonly CommandClass<AiperfContext>[], args: readonly string[]): HelpRenderer | null {
  let best: { command: HelpRenderer; length: number } | null = null;
  for (const command of commands as HelpRenderer[]) {
    for (const path of command.paths ?? []) {
      const matches = path.length <= args.length && path.every((segment, i) => args[i] === segment);
      if (matches && path.length > (best?.length ?? 0)) best = { command, length: path.length };
    }
  }
  return best?.command ?? null;
}

const VERBOSE = /^(-v+|--verbose)$/;
const VERSION = /^(-v|--version)$/;

/**
 * The commands a parse of `args` needs. clipanion compiles a state machine of every registered option on each
 * parse (~0.3 s of CPU for all commands, most of it the ~200 options of `profile`), so only the command its first
 * word names is registered, with only the options it names; `aiperf --version` registers none. `aiperf --help`
 * and anything unknown get every command, which the listing and the error messages show.
 */
async function commandsFor(args: readonly string[]): Promise<CommandClass<AiperfContext>[]> {
  const load = COMMAND_LOADERS.get(args[0] ?? '');
  if (load) return load(args.slice(1));
  if (args.length === 1 && VERSION.test(args[0] as string)) return [];
  return loadAllCommands();
}

export async function runCli(argv: readonly string[], context: Partial<AiperfContext> = {}): Promise<number> {
  const ctx: AiperfContext = { ...Cli.defaultContext, env: process.env, cwd: process.cwd(), ...context, argv: argv.slice(1) };
  let args = argv.length === 0 ? ['--help'] : [...argv];
  if (argv[0] === 'profile') {
    const { checkProfileArgs } = await import('./profile-args.js');
    const checked = checkProfileArgs(argv.slice(1));
    if ('error' in checked) {
      ctx.stderr.write(checked.error);
      return 2;
    }
    args = ['profile', ...checked.args];
  }
  let commands = await commandsFor(args);
  let cli = await createCli(commands);
  let command: Command<AiperfContext>;
  try {
    command = cli.process(args, ctx);
  } catch {
    // A parse error: parsed again against every command, so that the message (its "did you mean" list) is the
    // one of the whole CLI. A parse that succeeded on the one command also succeeds alike on all of them.
    commands = await loadAllCommands();
    cli = await createCli(commands);
    try {
      command = cli.process(args, ctx);
    } catch (error) {
      ctx.stderr.write(cli.error(error, { colored: false }));
      return 2;
    }
  }
  // `aiperf X --help` parses into clipanion's help command, not into X: commands with a `renderHelp` print their own.
  const target = commandOf(commands, args);
  if (target?.renderHelp && !(command instanceof target)) {
    ctx.stdout.write(await target.renderHelp(ctx));
    return 0;
  }
  // clipanion's `Command.catch` is the documented hook for a command's errors; keep the error and sort it into
  // its kind (usage, exit code, bug) here instead of clipanion's printer.
  let failure: { error: unknown } | null = null;
  command.catch = async (error: unknown) => {
    failure = { error };
  };
  const code = await cli.run(command, ctx);
  if (failure === null) return code;
  const { reportError } = await import('./errors.js');
  return reportError((failure as { error: unknown }).error, ctx.stderr, args.some((a) => VERBOSE.test(a)));
}
