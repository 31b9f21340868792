import { type ConfigIssue, configToYaml, type FlagDef, formatIssue, loadConfig, PROFILE_FLAGS, redactConfig, renderFlagHelp } from '@aiperf/config';
import { Command } from 'clipanion';
import type { AiperfContext } from '../context.js';
import { withInterrupt } from '../interrupt.js';
import { configPluginRefs } from '../plugins/refs.js';
import { createProfileOptions, flagsNamedIn, readProfileOptions } from '../profile-options.js';

const DESCRIPTION = 'Benchmark an OpenAI-compatible inference server.';

const EXAMPLES = [
  ['Streaming chat at concurrency 8, 100 requests', 'aiperf profile -m my-model -u localhost:8000 --streaming --concurrency 8 --request-count 100'],
  ['Poisson arrivals at 20 req/s for 60 s', 'aiperf profile -m my-model --request-rate 20 --benchmark-duration 60'],
  ['Concurrency sweep, plotted at the end', 'aiperf profile -m my-model --streaming --concurrency 1,4,16 --auto-plot'],
  ['From a YAML file, one value overridden', 'aiperf profile -f bench.yaml --concurrency 32'],
] as const;

function configErrorText(errors: readonly ConfigIssue[]): string {
  const noun = errors.length === 1 ? 'error' : 'errors';
  const lines = errors.map((e) => `  ${formatIssue(e)}`);
  return `aiperf profile: ${errors.length} configuration ${noun}:\n${lines.join('\n')}\nSee \`aiperf profile --help\` for every option.\n`;
}

/** `aiperf profile`: flags + YAML → resolved config → `runBenchmark` (from @aiperf/runner, loaded lazily). */
export class ProfileCommand extends Command<AiperfContext> {
  static override paths = [['profile']];
  static override usage = Command.Usage({ description: DESCRIPTION });
  /** The flag-table rows declared as clipanion options. */
  static flags: readonly FlagDef[] = PROFILE_FLAGS;

  /**
   * The command declaring only the options `args` name: clipanion compiles every declared option into its parser on
   * each parse (~0.25 s of CPU for the whole table), and the values of options not given are undefined either way.
   * Unknown options were rejected before (`checkProfileArgs`), so the parse is the full command's.
   */
  static forArgs(args: readonly string[]): typeof ProfileCommand {
    const named = flagsNamedIn(args);
    return class extends ProfileCommand {
      static override flags = named;
    };
  }

  /** Grouped help generated from the flag table (clipanion's flat list cannot group or show defaults), then the recipes. */
  static async renderHelp(ctx: AiperfContext): Promise<string> {
    const examples = EXAMPLES.map(([label, line]) => `  ${label}:\n    $ ${line}`).join('\n');
    const { recipesHelp } = await import('../recipes-help.js');
    const recipes = await recipesHelp(ctx.argv ?? [], ctx.cwd ?? process.cwd());
    return `${DESCRIPTION}\n\nUsage: aiperf profile [options]\n\n${renderFlagHelp()}\n\n${recipes}\nExamples:\n${examples}\n`;
  }

  constructor() {
    super();
    Object.assign(this, createProfileOptions((new.target as typeof ProfileCommand).flags));
  }

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const flags = readProfileOptions(this);
    const result = loadConfig({ flags, argv: this.context.argv ?? [], env: this.context.env ?? process.env, cwd: this.context.cwd ?? process.cwd() });
    if (result.config === null) {
      stderr.write(configErrorText(result.errors));
      return 2;
    }
    for (const warning of result.warnings) stderr.write(`warning: ${warning}\n`);
    if (flags.printConfig === true) {
      stdout.write(configToYaml(redactConfig(result.config)));
      return 0;
    }
    const config = result.config;
    const cwd = this.context.cwd ?? process.cwd();
    if (config.benchmark.distributed.workerMode === 'process') {
      const { runWorkerProcesses } = await import('../worker-processes.js');
      const argv = this.context.argv ?? [];
      const env = this.context.env ?? process.env;
      return withInterrupt(stderr, (signal) => runWorkerProcesses(config, { stdout, stderr, signal, argv, env }));
    }
    const { runProfileBenchmark, setupPlugins } = await import('../benchmark.js');
    const setup = await setupPlugins(configPluginRefs(config, flags.plugin !== undefined, cwd), cwd);
    return withInterrupt(stderr, (signal) => runProfileBenchmark(config, { stdout, stderr, signal }, setup));
  }
}
