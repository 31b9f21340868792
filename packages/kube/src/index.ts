// @aiperf/kube public API: Kubernetes manifests for a sharded aiperf run.
export { kubeManifests } from './manifests.js';
export type { KubeObject } from './manifests.js';
export { KUBE_DEFAULTS, validateKubeOptions } from './options.js';
export type { KubeOptions } from './options.js';
export { renderManifests } from './render.js';
