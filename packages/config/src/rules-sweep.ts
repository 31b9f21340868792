import { checkDocument } from './check.js';
import { getAt, schemaAt, setAt } from './doc-path.js';
import { showValue } from './issues.js';
import { resolveMapping } from './resolved.js';
import type { ConfigRule, RuleContext } from './rules.js';
import { didYouMean } from './suggest.js';
import { sweepTarget } from './sweep-paths.js';
import { YamlDocument, YamlSweep } from './yaml-schema.js';
import { RECIPE_ALIASES, type SweepValue, VARIANT_NAME } from './yaml-schema-sweep.js';

const CONCURRENCY = 'benchmark.load.concurrency';
type Values = Record<string, SweepValue[]>;

/**
 * Sweeps of any parameter: comma lists on numeric flags and `sweep.parameters` (plus the older concurrency list),
 * crossed (grid) or paired (zip). A parameter given only in `sweep.parameters` gets its first value written into
 * the base document here, before the draft is built, so the base run is the first cell.
 */
export function seedSweepBase(doc: Record<string, unknown>): void {
  const parameters = getAt(doc, 'sweep.parameters');
  if (typeof parameters !== 'object' || parameters === null) return;
  for (const [name, values] of Object.entries(parameters)) {
    const target = sweepTarget(name);
    if (typeof target === 'string' || !Array.isArray(values) || values.length === 0 || getAt(doc, target.yamlPath) !== undefined) continue;
    // As the setting takes it ("true" → true, "1m" → 60); a bad value is reported by the rule below instead.
    const first = checkDocument(schemaAt(YamlDocument, target.yamlPath), values[0], target.yamlPath);
    if (first.issues.length === 0) setAt(doc, target.yamlPath, first.value);
  }
}

/**
 * `key: values` of a sweep or a variant → `{ canonical name: values }`, each key a settable numeric benchmark
 * setting and each value one its schema accepts; problems are one line each, at `where/key`.
 */
function checkedParameters(given: Record<string, readonly SweepValue[]>, where: string, ctx: RuleContext): Values | null {
  const out: Values = {};
  let ok = true;
  for (const [key, values] of Object.entries(given)) {
    const at = ctx.where(`${where}.${key}`);
    const target = sweepTarget(key);
    if (typeof target === 'string') {
      ctx.errors.push({ where: at, message: target });
      ok = false;
      continue;
    }
    if (out[target.name]) {
      ctx.errors.push({ where: at, message: `sets ${target.yamlPath}, which is already swept as ${target.name}; give its values once` });
      ok = false;
      continue;
    }
    const schema = schemaAt(YamlDocument, target.yamlPath);
    // Each value as the setting itself takes it (a duration like "30s" in seconds, an enum checked).
    const canonical: SweepValue[] = [];
    for (const value of values) {
      const checked = checkDocument(schema, value, target.yamlPath);
      const problem = checked.issues[0];
      if (problem) {
        ctx.errors.push({ where: at, message: `${problem.message} (in ${showValue(values)})` });
        ok = false;
      } else canonical.push(checked.value as SweepValue);
    }
    out[target.name] = [...new Set(canonical)];
  }
  return ok ? out : null;
}

function sweepValues(ctx: RuleContext): Values | null {
  const list = getAt(ctx.doc, CONCURRENCY);
  const fromSweep = ctx.doc.sweep?.concurrency;
  const given: Record<string, SweepValue[]> = { ...(ctx.doc.sweep?.parameters ?? {}) };
  if (Array.isArray(list) && fromSweep) {
    ctx.errors.push({ where: ctx.where(CONCURRENCY), message: 'a list of values conflicts with sweep.concurrency; give the sweep values once' });
    return null;
  }
  const concurrency = fromSweep ?? (Array.isArray(list) ? (list as number[]) : null);
  if (concurrency && given.concurrency) {
    ctx.errors.push({ where: ctx.where('sweep.parameters.concurrency'), message: 'conflicts with a concurrency list; give the sweep values once' });
    return null;
  }
  if (concurrency) given.concurrency = concurrency;
  return checkedParameters(given, 'sweep.parameters', ctx);
}

/** The chosen named scenarios (`--variant a,b`, else every one defined), checked; null when there are none. */
function chosenVariants(ctx: RuleContext): { name: string; values: Record<string, SweepValue> }[] | null {
  const defined = ctx.doc.variants;
  const chosen = ctx.doc.sweep?.variant;
  const at = ctx.where('sweep.variant');
  if (!defined) {
    if (chosen) ctx.errors.push({ where: at, message: `got ${showValue(chosen.join(','))}, but no variants are defined; define them in the YAML, e.g. variants: {short: {isl: 128, osl: 64}}` });
    return null;
  }
  const names = Object.keys(defined);
  for (const name of names) {
    if (!VARIANT_NAME.test(name)) ctx.errors.push({ where: `variants.${name}`, message: 'is not a usable variant name (it names a directory); use letters, digits, _, - and .' });
  }
  const unknown = (chosen ?? []).filter((name) => !(name in defined));
  for (const name of unknown) ctx.errors.push({ where: at, message: `unknown variant ${showValue(name)}${didYouMean(name, names)}; defined: ${names.join(', ')}` });
  if (unknown.length > 0) return null;
  const variants = [];
  for (const name of [...new Set(chosen ?? names)]) {
    const single = Object.fromEntries(Object.entries(defined[name]!).map(([key, value]) => [key, [value]]));
    const checked = checkedParameters(single, `variants.${name}`, ctx);
    if (checked) variants.push({ name, values: Object.fromEntries(Object.entries(checked).map(([key, [value]]) => [key, value!])) });
  }
  return variants;
}

export const parameterSweep: ConfigRule = {
  name: 'parameter-sweep',
  apply(config, ctx) {
    const parameters = sweepValues(ctx);
    const variants = chosenVariants(ctx);
    if (parameters === null) return;
    const settings = resolveMapping(YamlSweep, ctx.doc.sweep, ['concurrency', 'parameters', 'variant']);
    if (variants !== null) {
      const listed = Object.keys(parameters);
      if (listed.length > 0) {
        ctx.errors.push({ where: ctx.where(`sweep.parameters.${listed[0]}`), message: `cannot be combined with variants (${ctx.where('sweep.variant')}); put the values into the variants` });
        return;
      }
      if (variants.length > 0) config.sweep = { parameters: {}, variants, ...settings };
      return;
    }
    const type = ctx.doc.sweep?.type ?? 'grid';
    const lengths = Object.entries(parameters).map(([name, values]) => [name, values.length] as const);
    if (type === 'zip' && new Set(lengths.map(([, n]) => n)).size > 1) {
      const shown = lengths.map(([name, n]) => `${ctx.where(`sweep.parameters.${name}`)} has ${n}`).join(', ');
      ctx.errors.push({ where: ctx.where('sweep.type'), message: `zip pairs the i-th values of every list, so the lists need one length; got ${shown}` });
      return;
    }
    const cells = type === 'zip' ? (lengths[0]?.[1] ?? 0) : lengths.reduce((n, [, k]) => n * k, lengths.length > 0 ? 1 : 0);
    if (cells < 2) {
      if (ctx.doc.sweep && lengths.length === 0) ctx.warnings.push('sweep: settings ignored: no sweep values (give --concurrency 1,4,8, a comma list on another numeric flag, sweep.parameters or variants)');
      return;
    }
    config.sweep = { parameters, variants: null, ...settings };
    const concurrency = parameters.concurrency;
    if (concurrency && (!ctx.given(CONCURRENCY) || Array.isArray(getAt(ctx.doc, CONCURRENCY)))) config.benchmark.load.concurrency = concurrency[0] as number;
  },
};

/** `--recipe max-throughput-ttft-sla` (AIPerf's name) runs our recipe of the same meaning, recorded by our name. */
export const recipeAlias: ConfigRule = {
  name: 'recipe-alias',
  apply(config) {
    const canonical = config.recipe ? RECIPE_ALIASES[config.recipe.name] : undefined;
    if (config.recipe && canonical) config.recipe = { ...config.recipe, name: canonical };
  },
};
