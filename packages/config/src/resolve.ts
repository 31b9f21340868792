import { workloadConsistency } from './rules-workloads.js';
import { Value } from '@sinclair/typebox/value';
import { dirname } from 'node:path';
import { redactedCommandLine } from './argv.js';
import { buildDraft } from './build.js';
import { checkDocument } from './check.js';
import { type Doc, getAt, mergeDocs, setAt } from './doc-path.js';
import { type FlagValues, flagsToDocument } from './flag-values.js';
import { flagForPath } from './flags.js';
import type { ConfigIssue } from './issues.js';
import { runConvergence } from './rules-convergence.js';
import { userCentricChecks } from './rules-user-centric.js';
import { loadShapeChecks, loadShapeMode, slaSettings, convergenceSettings } from './rules-loadshape.js';
import { parameterSweep, recipeAlias, seedSweepBase } from './rules-sweep.js';
import { type ConfigRule, endpointCapabilities, endpointUrl, inputConsistency, loadConsistency, requireModel, timingMode } from './rules.js';
import { multiRunAndUi, plotEnvelope, recipeName, sweepSeed, verboseUi } from './rules-run.js';
import { runControl } from './rules-run-control.js';
import { AiperfConfig } from './schema.js';
import { applyShardEnv, shardSettings } from './shard.js';
import { YamlDocument } from './yaml-schema.js';
import { parseYaml, substituteEnv } from './yaml-text.js';

export interface ConfigSources {
  /** Text of the YAML file (`-f/--config`), or null. */
  yamlText?: string | null;
  /** Its path, for messages, the record and resolving relative paths in it. */
  yamlPath?: string | null;
  /** Parsed CLI flag values keyed by `FlagDef.key`. */
  flags?: FlagValues;
  env?: Record<string, string | undefined>;
  /** The arguments after `aiperf profile`, recorded (redacted) in `source.cliCommand`. */
  argv?: readonly string[];
  fileExists?: (path: string) => boolean;
}

export interface ConfigResult {
  /** The resolved config, or null when there are errors. */
  config: AiperfConfig | null;
  errors: ConfigIssue[];
  warnings: string[];
}

/** Order matters: the sweep decides the base concurrency before the timing mode derives counts from it. */
export const CONFIG_RULES: readonly ConfigRule[] = [requireModel, recipeName, recipeAlias, parameterSweep, loadShapeMode, userCentricChecks, timingMode, loadShapeChecks, loadConsistency, runControl, inputConsistency, workloadConsistency, endpointCapabilities, endpointUrl, multiRunAndUi, verboseUi, sweepSeed, plotEnvelope, shardSettings, slaSettings, runConvergence, convergenceSettings];

function readYaml(sources: ConfigSources, env: Record<string, string | undefined>, errors: ConfigIssue[]): Doc {
  if (sources.yamlText == null) return {};
  const file = sources.yamlPath ?? '<config>';
  const parsed = parseYaml(substituteEnv(sources.yamlText, env, file, errors), file, errors);
  if (parsed === undefined || parsed === null) return {};
  const checked = checkDocument(YamlDocument, parsed);
  errors.push(...checked.issues.map((i) => ({ where: i.path === '' ? file : i.path, message: i.message })));
  const doc = (checked.value ?? {}) as Doc;
  // A recipe given by name alone becomes a mapping, so `--recipe-param` can overlay its params.
  if (typeof doc.recipe === 'string') doc.recipe = { name: doc.recipe };
  return doc;
}

/**
 * Turns (YAML text, CLI flags, environment) into one resolved, validated, fully-defaulted config.
 * Precedence: defaults < YAML < flags (< env only where neither says anything, e.g. `AIPERF_API_KEY`).
 * Pure: file existence is asked through `fileExists`; `loadConfig` is the wrapper that reads the file.
 */
export function resolveConfig(sources: ConfigSources): ConfigResult {
  const env = sources.env ?? {};
  const errors: ConfigIssue[] = [];
  const warnings: string[] = [];
  const yamlDoc = readYaml(sources, env, errors);
  const flags = flagsToDocument(sources.flags ?? {});
  errors.push(...flags.issues);
  const doc = mergeDocs(yamlDoc, flags.doc);
  const provenance = flags.provenance;
  const apiKey = env.AIPERF_API_KEY;
  if (getAt(doc, 'benchmark.endpoint.api_key') === undefined && apiKey) {
    setAt(doc, 'benchmark.endpoint.api_key', apiKey);
    provenance.set('benchmark.endpoint.api_key', '$AIPERF_API_KEY');
  }
  applyShardEnv(doc, env, provenance);
  if (errors.length > 0) return { config: null, errors, warnings };

  seedSweepBase(doc);
  const yamlPath = sources.yamlPath ?? null;
  const config = buildDraft(doc as YamlDocument, { yamlPath, cliCommand: redactedCommandLine(sources.argv ?? []) });
  const ctx = {
    doc: doc as YamlDocument,
    where: (path: string) => provenance.get(path) ?? (getAt(doc, path) === undefined ? flagForPath(path) : null) ?? path,
    given: (path: string) => getAt(doc, path) !== undefined,
    yamlDir: yamlPath === null ? null : dirname(yamlPath),
    fileExists: sources.fileExists ?? (() => true),
    errors,
    warnings,
  };
  for (const rule of CONFIG_RULES) rule.apply(config, ctx);
  if (errors.length > 0) return { config: null, errors, warnings };
  if (!Value.Check(AiperfConfig, config)) {
    const first = [...Value.Errors(AiperfConfig, config)][0];
    throw new Error(`resolveConfig produced an invalid config at ${first?.path}: ${first?.message} (this is a bug)`);
  }
  return { config, errors, warnings };
}

