/** What `aiperf kube generate` is asked for. */
export interface KubeOptions {
  /** Base name of every object (`<name>-shards`, `<name>-merge`, `<name>-artifacts`); a DNS-1123 label. */
  name: string;
  namespace: string | null;
  /** Shard processes (pods): completions = parallelism = shards. */
  shards: number;
  /** The `aiperf profile` arguments every shard runs (without --shard and --artifact-dir: they are set here). */
  profileArgs: readonly string[];
  /** A published aiperf CLI image (its `aiperf` on PATH), or null: `npx` of the CLI package on a Node image. */
  image: string | null;
  nodeImage: string;
  /** npm spec run by npx on the Node image, e.g. `@aiperf/cli@1.2.0`. */
  cliPackage: string;
  /** An existing ReadWriteMany claim to use, or null: a new one is generated. */
  existingClaim: string | null;
  storage: string;
  storageClass: string | null;
  cpu: string | null;
  memory: string | null;
  /** A Secret holding the API key (key `api-key`), passed as $AIPERF_API_KEY; never written into the manifests. */
  apiKeySecret: string | null;
  /** How long the shards wait at the barrier for the others (pods scheduled late). */
  barrierTimeoutSeconds: number;
}

export const KUBE_DEFAULTS = {
  nodeImage: 'node:20-slim',
  cliPackage: '@aiperf/cli',
  storage: '10Gi',
  barrierTimeoutSeconds: 900,
} as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Flags `aiperf kube generate` sets itself; given in the profile arguments they would break the sharding. */
const RESERVED = ['--shard', '--artifact-dir', '--output-artifact-dir', '--shard-barrier-dir'];

/** Every problem with the options, each naming its flag, the value and what is allowed. */
export function validateKubeOptions(o: KubeOptions): string[] {
  const problems: string[] = [];
  // Object names get suffixes (`-artifacts`, 10 chars) and pods an index; stay well under the 63-char label limit.
  if (!DNS_LABEL.test(o.name) || o.name.length > 40) problems.push(`--name: got "${o.name}"; use lowercase letters, digits and '-', at most 40 characters, starting and ending with a letter or digit`);
  if (o.namespace !== null && (!DNS_LABEL.test(o.namespace) || o.namespace.length > 63)) problems.push(`--namespace: got "${o.namespace}"; expected a DNS-1123 label (lowercase letters, digits, '-')`);
  if (!Number.isInteger(o.shards) || o.shards < 1 || o.shards > 10_000) problems.push(`--shards: got ${o.shards}; expected an integer from 1 to 10000`);
  if (!(o.barrierTimeoutSeconds > 0)) problems.push(`--barrier-timeout: got ${o.barrierTimeoutSeconds}; expected seconds > 0`);
  for (const arg of o.profileArgs) {
    const flag = arg.split('=')[0]!;
    if (RESERVED.includes(flag)) problems.push(`${flag}: set by aiperf kube generate for each shard; leave it out of the profile arguments`);
  }
  if (!o.profileArgs.some((a) => a === '-m' || a === '--model' || a === '--model-names' || a.startsWith('--model=') || a === '-f' || a === '--config')) {
    problems.push('profile arguments: name the model (-m) or a config file (-f) after `--`, e.g. `aiperf kube generate --shards 4 -- -m my-model -u http://llm:8000 --concurrency 512`');
  }
  return problems;
}
