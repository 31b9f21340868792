import type { KubeOptions } from './options.js';

/** A Kubernetes object as plain data (what `kubectl apply -f` reads). */
export type KubeObject = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string } };

const ARTIFACTS_MOUNT = '/artifacts';

/**
 * The manifests of one sharded run: the artifacts volume (unless an existing claim is given), an Indexed Job whose
 * pod i runs shard i (Kubernetes sets $JOB_COMPLETION_INDEX; $AIPERF_SHARD_COUNT is set here) into a shared
 * directory, meeting at a barrier there so all shards start together, and a Job that waits for every shard's
 * summary, then runs `aiperf merge`. Pure: options in, objects out.
 */
export function kubeManifests(o: KubeOptions): KubeObject[] {
  const runDir = `${ARTIFACTS_MOUNT}/${o.name}`;
  const claim = o.existingClaim ?? `${o.name}-artifacts`;
  const metadata = (name: string, component: string) => ({
    name,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    labels: { 'app.kubernetes.io/name': 'aiperf', 'app.kubernetes.io/instance': o.name, 'app.kubernetes.io/component': component },
  });
  const volumes = [{ name: 'artifacts', persistentVolumeClaim: { claimName: claim } }];
  const volumeMounts = [{ name: 'artifacts', mountPath: ARTIFACTS_MOUNT }];
  const resources = o.cpu || o.memory ? { resources: { requests: { ...(o.cpu ? { cpu: o.cpu } : {}), ...(o.memory ? { memory: o.memory } : {}) } } } : {};

  const objects: KubeObject[] = [];
  if (o.existingClaim === null) {
    objects.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: metadata(claim, 'artifacts'),
      spec: {
        // Every shard pod (on any node) writes its own subdirectory, and the merge pod reads them all.
        accessModes: ['ReadWriteMany'],
        resources: { requests: { storage: o.storage } },
        ...(o.storageClass ? { storageClassName: o.storageClass } : {}),
      },
    });
  }
  const shardArgs = ['profile', ...o.profileArgs, '--ui', 'none', '--artifact-dir', runDir, '--shard-barrier-dir', `${runDir}/barrier`, '--shard-barrier-timeout', String(o.barrierTimeoutSeconds)];
  objects.push({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(`${o.name}-shards`, 'shards'),
    spec: {
      completionMode: 'Indexed',
      completions: o.shards,
      parallelism: o.shards,
      // A retried shard would start alone after the others passed the barrier: a failed shard stays failed, and
      // `aiperf merge --allow-partial` merges the rest (marked partial).
      backoffLimit: 0,
      template: {
        metadata: { labels: metadata('', 'shards').labels },
        spec: {
          restartPolicy: 'Never',
          containers: [{
            name: 'aiperf',
            ...invocation(o, shardArgs),
            env: [
              { name: 'AIPERF_SHARD_COUNT', value: String(o.shards) },
              ...(o.apiKeySecret ? [{ name: 'AIPERF_API_KEY', valueFrom: { secretKeyRef: { name: o.apiKeySecret, key: 'api-key' } } }] : []),
            ],
            volumeMounts,
            ...resources,
          }],
          volumes,
        },
      },
    },
  });
  const waitScript = `until [ "$(ls ${runDir}/shard-*/profile_export_aiperf.json 2>/dev/null | wc -l)" -ge ${o.shards} ]; do sleep 5; done`;
  objects.push({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(`${o.name}-merge`, 'merge'),
    spec: {
      backoffLimit: 2,
      template: {
        metadata: { labels: metadata('', 'merge').labels },
        spec: {
          restartPolicy: 'Never',
          // Jobs have no ordering of their own: the merge waits until every shard has written its summary.
          initContainers: [{ name: 'wait-for-shards', image: o.image ?? o.nodeImage, command: ['sh', '-c', waitScript], volumeMounts }],
          containers: [{ name: 'merge', ...invocation(o, ['merge', runDir, '-o', `${runDir}/merged`]), volumeMounts }],
          volumes,
        },
      },
    },
  });
  return objects;
}

/** The container's image and command: the published CLI image's `aiperf`, or `npx` of the CLI package on Node. */
function invocation(o: KubeOptions, args: readonly string[]): { image: string; command: string[]; args: string[] } {
  return o.image ? { image: o.image, command: ['aiperf'], args: [...args] } : { image: o.nodeImage, command: ['npx', '-y', o.cliPackage], args: [...args] };
}
