// `aiperf kube generate` through the CLI: the file it writes is plain multi-document YAML that the Kubernetes
// schemas (kubernetes-models) accept, running the profile arguments given after `--` as N shards.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import yaml from 'js-yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';

describe('aiperf kube generate', () => {
  it('writes an Indexed Job of N shards, a claim and a merge Job, all valid Kubernetes objects', async () => {
    const dir = await makeTempDir('aiperf-kube-');
    const run = await runInProcess(
      ['kube', 'generate', '--name', 'llama', '--shards', '3', '--namespace', 'perf', '-o', 'llama.yaml', '--', '-m', 'llama', '-u', 'http://llm:8000', '--streaming', '--concurrency', '300'],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote ${join(dir, 'llama.yaml')}: kubectl apply -f llama.yaml\n`);
    const docs = yaml.loadAll(readFileSync(join(dir, 'llama.yaml'), 'utf8')) as Array<Record<string, any>>;
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['PersistentVolumeClaim/llama-artifacts', 'Job/llama-shards', 'Job/llama-merge']);
    new PersistentVolumeClaim(docs[0] as never).validate();
    for (const job of docs.slice(1)) new Job(job as never).validate();
    const shards = docs[1]!;
    expect(shards.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    const container = shards.spec.template.spec.containers[0];
    expect(container.command).toEqual(['npx', '-y', expect.stringMatching(/^@aiperf\/cli@\d/)]);
    expect(container.args.slice(0, 8)).toEqual(['profile', '-m', 'llama', '-u', 'http://llm:8000', '--streaming', '--concurrency', '300']);
    expect(container.env).toEqual([{ name: 'AIPERF_SHARD_COUNT', value: '3' }]);
  });

  it('bad options are one line each naming the flag, exit 2', async () => {
    const run = await runInProcess(['kube', 'generate', '--shards', '0', '--', '-m', 'x', '--artifact-dir', '/tmp/x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'aiperf kube generate: --shards: got 0; expected an integer from 1 to 10000\n' +
        'aiperf kube generate: --artifact-dir: set by aiperf kube generate for each shard; leave it out of the profile arguments\n',
    );
  });
});
