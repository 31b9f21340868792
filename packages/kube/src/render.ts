import yaml from 'js-yaml';
import type { KubeObject } from './manifests.js';

/** One multi-document YAML file for `kubectl apply -f` (plain YAML: no templating, no anchors). */
export function renderManifests(objects: readonly KubeObject[], header: string): string {
  const docs = objects.map((o) => yaml.dump(o, { noRefs: true, lineWidth: -1, sortKeys: false }));
  return `${header.split('\n').map((line) => `# ${line}`.trimEnd()).join('\n')}\n${docs.map((d) => `---\n${d}`).join('')}`;
}
