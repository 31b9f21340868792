import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import type { AiperfContext } from '../context.js';

export class MergeCommand extends Command<AiperfContext> {
  static override paths = [['merge']];
  static override usage = Command.Usage({
    description: 'Merge the shard directories of a sharded run (--shard i/N) into one run.',
    details: `
      Each DIR is a shard's directory (it holds shard.json) or a directory holding them (the artifact directory all
      shards were given: shard-0, shard-1, …). The result has the files of a single run: the records concatenated,
      every metric recomputed from all records (exact percentiles), GPU telemetry once per exporter and GPU, and a
      \`merge\` block in the summary with each shard's requests, errors, lateness and start. \`aiperf plot\` and
      \`aiperf report\` work on it. Shards run with different settings are refused (the differing keys are named), a
      missing shard too unless --allow-partial (the result is then marked partial), and shards whose clocks differ
      by more than --max-clock-skew-ms (measured when they met at --shard-barrier-dir) give a warning.
    `,
    examples: [
      ['Merge every shard of a run', '$0 merge artifacts/run -o artifacts/run/merged'],
      ['Merge what finished of a run with a failed shard', '$0 merge artifacts/run/shard-0 artifacts/run/shard-2 -o merged --allow-partial'],
    ],
  });

  dirs = Option.Rest({ required: 1, name: 'DIR' });
  output = Option.String('-o,--output', { required: true, description: 'The merged artifact directory to write' });
  allowPartial = Option.Boolean('--allow-partial', false, { description: 'Merge although shards are missing; the result is marked partial' });
  maxClockSkewMs = Option.String('--max-clock-skew-ms', { description: 'Warn when the shards\' clocks differ by more than this many ms (default 100)' });

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const at = (path: string) => resolve(this.context.cwd ?? process.cwd(), path);
    const skew = this.maxClockSkewMs === undefined ? undefined : Number(this.maxClockSkewMs);
    if (skew !== undefined && !(Number.isFinite(skew) && skew >= 0)) {
      stderr.write(`aiperf merge: --max-clock-skew-ms: got "${this.maxClockSkewMs}"; expected a number of ms ≥ 0\n`);
      return 2;
    }
    const { MergeUsageError, mergeShards } = await import('@aiperf/merge');
    try {
      const result = await mergeShards({
        inputs: this.dirs.map(at),
        outDir: at(this.output),
        allowPartial: this.allowPartial,
        ...(skew === undefined ? {} : { maxClockSkewMs: skew }),
        warn: (line) => stderr.write(`warning: ${line}\n`),
      });
      const partial = result.missingShards.length > 0 ? ` (partial: shard ${result.missingShards.join(', ')} missing)` : '';
      const skewText = result.clockSkewMs === null ? 'not measured' : `${result.clockSkewMs.toFixed(1)} ms`;
      stdout.write(`Merged ${result.mergedShards.length} of ${result.shardCount} shards${partial}: ${result.requestCount} requests, clock skew ${skewText}\n`);
      stdout.write(`JSON Export: ${result.outDir}/profile_export_aiperf.json\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof MergeUsageError)) throw error;
      stderr.write(`aiperf merge: ${error.message}\n`);
      return 2;
    }
  }
}
