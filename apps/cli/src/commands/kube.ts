import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import type { AiperfContext } from '../context.js';
import { version } from '../version.js';

export class KubeGenerateCommand extends Command<AiperfContext> {
  static override paths = [['kube', 'generate']];
  static override usage = Command.Usage({
    description: 'Write Kubernetes manifests that run a benchmark as N shards (an Indexed Job) and merge them.',
    details: `
      The arguments after \`--\` are the \`aiperf profile\` arguments of the whole run (the total concurrency, rate
      and request count); each of the --shards pods runs its 1/N of it (Kubernetes gives pod i $JOB_COMPLETION_INDEX
      = i), into a shared ReadWriteMany volume, where the shards wait for each other and start together. A second Job
      waits for every shard's summary and runs \`aiperf merge\` into <dir>/merged. Without --image the pods run
      \`npx -y @aiperf/cli@<this version>\` on a Node image (they need the npm registry). Plain YAML, for
      \`kubectl apply -f\`.
    `,
    examples: [
      ['4 shards of a 2,048-stream run', '$0 kube generate --name llama --shards 4 -o llama.yaml -- -m llama -u http://llm:8000 --streaming --concurrency 2048 --request-count 20000'],
      ['With a published image and an existing RWX claim', '$0 kube generate --shards 8 --image ghcr.io/acme/aiperf:1.0 --pvc shared -- -m llama -u http://llm:8000 --request-rate 500'],
    ],
  });

  name = Option.String('--name', 'aiperf', { description: 'Base name of the Jobs and the claim (default aiperf)' });
  namespace = Option.String('--namespace,-n', { description: 'Namespace of every object (default: kubectl\'s)' });
  shards = Option.String('--shards', { required: true, description: 'Number of shard pods (completions = parallelism)' });
  image = Option.String('--image', { description: 'A published aiperf CLI image (default: npx on --node-image)' });
  nodeImage = Option.String('--node-image', 'node:20-slim', { description: 'The Node image npx runs on (default node:20-slim)' });
  cliPackage = Option.String('--cli-package', { description: 'npm spec npx runs (default @aiperf/cli@<this version>)' });
  pvc = Option.String('--pvc', { description: 'Use this existing ReadWriteMany claim instead of generating one' });
  storage = Option.String('--storage', '10Gi', { description: 'Size of the generated claim (default 10Gi)' });
  storageClass = Option.String('--storage-class', { description: 'Storage class of the generated claim (must offer ReadWriteMany)' });
  cpu = Option.String('--cpu', { description: 'CPU request of each shard pod, e.g. 2' });
  memory = Option.String('--memory', { description: 'Memory request of each shard pod, e.g. 4Gi' });
  apiKeySecret = Option.String('--api-key-secret', { description: 'Secret whose key "api-key" becomes $AIPERF_API_KEY in the shard pods' });
  barrierTimeout = Option.String('--barrier-timeout', '900', { description: 'Seconds the shards wait for each other to be scheduled (default 900)' });
  output = Option.String('-o,--output', { description: 'The YAML file to write (default: stdout)' });
  profileArgs = Option.Rest({ name: '-- PROFILE_ARGS' });

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const { KUBE_DEFAULTS, kubeManifests, renderManifests, validateKubeOptions } = await import('@aiperf/kube');
    const options = {
      name: this.name,
      namespace: this.namespace ?? null,
      shards: Number(this.shards),
      profileArgs: this.profileArgs,
      image: this.image ?? null,
      nodeImage: this.nodeImage,
      cliPackage: this.cliPackage ?? `${KUBE_DEFAULTS.cliPackage}@${version}`,
      existingClaim: this.pvc ?? null,
      storage: this.storage,
      storageClass: this.storageClass ?? null,
      cpu: this.cpu ?? null,
      memory: this.memory ?? null,
      apiKeySecret: this.apiKeySecret ?? null,
      barrierTimeoutSeconds: Number(this.barrierTimeout),
    };
    const problems = validateKubeOptions(options);
    if (problems.length > 0) {
      stderr.write(problems.map((p) => `aiperf kube generate: ${p}\n`).join(''));
      return 2;
    }
    const text = renderManifests(kubeManifests(options), [
      `aiperf ${version}: ${options.shards} shards of \`aiperf profile ${options.profileArgs.join(' ')}\``,
      `kubectl apply -f <this file>; results: <claim>/${options.name}/merged (aiperf merge ran in the ${options.name}-merge Job)`,
    ].join('\n'));
    if (!this.output) {
      stdout.write(text);
      return 0;
    }
    const file = resolve(this.context.cwd ?? process.cwd(), this.output);
    await writeFile(file, text);
    stdout.write(`Wrote ${file}: kubectl apply -f ${this.output}\n`);
    return 0;
  }
}
