import yaml from 'js-yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { kubeManifests } from './manifests.js';
import { KUBE_DEFAULTS, type KubeOptions, validateKubeOptions } from './options.js';
import { renderManifests } from './render.js';

const options = (over: Partial<KubeOptions> = {}): KubeOptions => ({
  name: 'llama-bench', namespace: 'perf', shards: 4, profileArgs: ['-m', 'llama', '-u', 'http://llm:8000', '--streaming', '--concurrency', '512'],
  image: null, nodeImage: KUBE_DEFAULTS.nodeImage, cliPackage: '@aiperf/cli@1.0.0', existingClaim: null, storage: '20Gi', storageClass: 'nfs',
  cpu: '2', memory: '4Gi', apiKeySecret: 'llm-key', barrierTimeoutSeconds: 900, ...over,
});

/** Every document of the rendered file, validated against the Kubernetes schemas by its kind. */
function validateAll(text: string): Array<Record<string, any>> {
  const docs = yaml.loadAll(text) as Array<Record<string, any>>;
  for (const doc of docs) {
    const model = doc.kind === 'Job' ? new Job(doc as never) : doc.kind === 'PersistentVolumeClaim' ? new PersistentVolumeClaim(doc as never) : null;
    if (!model) throw new Error(`unexpected kind ${doc.kind}`);
    model.validate();
  }
  return docs;
}

describe('aiperf kube manifests', () => {
  it('every generated manifest validates against the Kubernetes schemas (npx on Node, a new claim)', () => {
    const docs = validateAll(renderManifests(kubeManifests(options()), 'generated'));
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['PersistentVolumeClaim/llama-bench-artifacts', 'Job/llama-bench-shards', 'Job/llama-bench-merge']);
    const [pvc, shards, merge] = docs as [any, any, any];
    expect(pvc.spec).toEqual({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: '20Gi' } }, storageClassName: 'nfs' });
    expect(shards.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
    const container = shards.spec.template.spec.containers[0];
    expect(container.image).toBe('node:20-slim');
    expect(container.command).toEqual(['npx', '-y', '@aiperf/cli@1.0.0']);
    expect(container.args).toEqual(['profile', '-m', 'llama', '-u', 'http://llm:8000', '--streaming', '--concurrency', '512', '--ui', 'none',
      '--artifact-dir', '/artifacts/llama-bench', '--shard-barrier-dir', '/artifacts/llama-bench/barrier', '--shard-barrier-timeout', '900']);
    expect(container.env).toEqual([
      { name: 'AIPERF_SHARD_COUNT', value: '4' },
      { name: 'AIPERF_API_KEY', valueFrom: { secretKeyRef: { name: 'llm-key', key: 'api-key' } } },
    ]);
    expect(container.resources).toEqual({ requests: { cpu: '2', memory: '4Gi' } });
    expect(shards.spec.template.spec.volumes).toEqual([{ name: 'artifacts', persistentVolumeClaim: { claimName: 'llama-bench-artifacts' } }]);
    const mergeSpec = merge.spec.template.spec;
    expect(mergeSpec.initContainers[0].command[2]).toContain('-ge 4 ]');
    expect(mergeSpec.containers[0].args).toEqual(['merge', '/artifacts/llama-bench', '-o', '/artifacts/llama-bench/merged']);
    expect(docs.every((d) => d.metadata.namespace === 'perf')).toBe(true);
  });

  it('a published CLI image and an existing claim: no claim generated, `aiperf` as the command', () => {
    const docs = validateAll(renderManifests(kubeManifests(options({ image: 'ghcr.io/acme/aiperf:1.0', existingClaim: 'shared-rwx', namespace: null, cpu: null, memory: null, apiKeySecret: null })), 'x'));
    expect(docs.map((d) => d.kind)).toEqual(['Job', 'Job']);
    const container = docs[0]!.spec.template.spec.containers[0];
    expect([container.image, container.command]).toEqual(['ghcr.io/acme/aiperf:1.0', ['aiperf']]);
    expect(container.resources).toBeUndefined();
    expect(docs[1]!.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe('shared-rwx');
  });

  it('the schema validation can fail: a manifest with a bad field is rejected', () => {
    const [, shards] = kubeManifests(options()) as [unknown, Record<string, any>];
    shards.spec.completions = 'four';
    expect(() => new Job(shards as never).validate()).toThrow();
  });

  it('bad options: one message per problem, naming the flag', () => {
    expect(validateKubeOptions(options())).toEqual([]);
    expect(validateKubeOptions(options({ name: 'Bad_Name', shards: 0, profileArgs: ['--concurrency', '8', '--shard', '0/2'] }))).toEqual([
      '--name: got "Bad_Name"; use lowercase letters, digits and \'-\', at most 40 characters, starting and ending with a letter or digit',
      '--shards: got 0; expected an integer from 1 to 10000',
      '--shard: set by aiperf kube generate for each shard; leave it out of the profile arguments',
      'profile arguments: name the model (-m) or a config file (-f) after `--`, e.g. `aiperf kube generate --shards 4 -- -m my-model -u http://llm:8000 --concurrency 512`',
    ]);
  });
});
