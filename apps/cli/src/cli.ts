import { closestFlag, expandMultiValueArgs } from '@aiperf/config';
import { Builtins, Cli, type Command, type CommandClass } from 'clipanion';
import { CompareCommand } from './commands/compare.js';
import { KubeGenerateCommand } from './commands/kube.js';
import { MergeCommand } from './commands/merge.js';
import { MockServerCommand } from './commands/mock-server.js';
import { PlotCommand } from './commands/plot.js';
import { PluginsListCommand, PluginsValidateCommand } from './commands/plugins.js';
import { ProfileCommand } from './commands/profile.js';
import { ReportCommand } from './commands/report.js';
import type { AiperfContext } from './context.js';
import { reportError } from './errors.js';
import { findMissingValue, findUnknownOption } from './profile-options.js';
import { version } from './version.js';

const COMMANDS: CommandClass<AiperfContext>[] = [
  ProfileCommand, PlotCommand, MockServerCommand, CompareCommand, ReportCommand, MergeCommand, KubeGenerateCommand, PluginsListCommand,
  PluginsValidateCommand,
];

/** Builds the `aiperf` CLI; tests call `runCli` with their own streams. */
export function createCli(): Cli<AiperfContext> {
  const cli = new Cli<AiperfContext>({ binaryLabel: 'aiperf', binaryName: 'aiperf', binaryVersion: version, enableColors: false });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  for (const command of COMMANDS) cli.register(command);
  return cli;
}

type HelpRenderer = CommandClass<AiperfContext> & { renderHelp?: (ctx: AiperfContext) => Promise<string> | string };

/** The command class whose path `args` starts with (the longest such path), from the classes' public `paths`. */
function commandOf(args: readonly string[]): HelpRenderer | null {
  let best: { command: HelpRenderer; length: number } | null = null;
  for (const command of COMMANDS as HelpRenderer[]) {
    for (const path of command.paths ?? []) {
      const matches = path.length <= args.length && path.every((segment, i) => args[i] === segment);
      if (matches && path.length > (best?.length ?? 0)) best = { command, length: path.length };
    }
  }
  return best?.command ?? null;
}

const VERBOSE = /^(-v+|--verbose)$/;

/** An unknown argument may be a mistyped secret (`-Hkey…`, `--api-kee=sk-…`): show only a plain option name. */
function unknownOptionText(name: string): string {
  const suggestion = closestFlag(name);
  const shown = /^--?[A-Za-z][\w-]{0,40}$/.test(name) ? name : `${name.slice(0, 2)}… (the rest not shown: it may hold a credential)`;
  return `aiperf profile: unknown option ${shown}${suggestion ? ` (did you mean ${suggestion}?)` : ''}\nSee \`aiperf profile --help\` for every option.\n`;
}

export async function runCli(argv: readonly string[], context: Partial<AiperfContext> = {}): Promise<number> {
  const cli = createCli();
  const ctx: AiperfContext = { ...Cli.defaultContext, env: process.env, cwd: process.cwd(), ...context, argv: argv.slice(1) };
  const profile = argv[0] === 'profile';
  const args = argv.length === 0 ? ['--help'] : profile ? ['profile', ...expandMultiValueArgs(argv.slice(1))] : [...argv];
  const unknown = profile ? findUnknownOption(args.slice(1)) : null;
  if (unknown !== null) {
    ctx.stderr.write(unknownOptionText(unknown));
    return 2;
  }
  const valueless = profile ? findMissingValue(args.slice(1)) : null;
  if (valueless !== null) {
    ctx.stderr.write(`aiperf profile: ${valueless} needs a value\nSee \`aiperf profile --help\` for every option.\n`);
    return 2;
  }
  let command: Command<AiperfContext>;
  try {
    command = cli.process(args, ctx);
  } catch (error) {
    ctx.stderr.write(cli.error(error, { colored: false }));
    return 2;
  }
  // `aiperf X --help` parses into clipanion's help command, not into X: commands with a `renderHelp` print their own.
  const target = commandOf(args);
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
  return reportError((failure as { error: unknown }).error, ctx.stderr, args.some((a) => VERBOSE.test(a)));
}
