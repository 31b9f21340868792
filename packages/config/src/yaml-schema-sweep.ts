import { type TSchema, Type } from '@sinclair/typebox';

/**
 * Named scenarios (`variants:`) and the choice among them (`sweep.variant`), kept apart from `yaml-schema.ts`
 * (which spreads them into its mappings) so that settings added by other areas merge without conflicts.
 */

const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);

/** One value of a swept setting: a number, or a string/boolean for such settings (`arrival_pattern`, `streaming`). */
export const YamlSweepValue = Type.Union([Type.Number(), Type.String(), Type.Boolean()], { 'x-expected': 'a number, string or boolean' });
export type SweepValue = number | string | boolean;

/**
 * Top-level `variants:` — scenario name → the settings it changes (a sweep parameter's short name such as `isl`,
 * or any numeric benchmark setting by its YAML path) → the value. Each variant chosen is one run of the sweep.
 */
export const YamlVariants = Type.Record(
  Type.String({ minLength: 1 }),
  Type.Record(Type.String({ minLength: 1 }), YamlSweepValue, { minProperties: 1 }),
  { minProperties: 1 },
);

/** `sweep` keys of the variants: which of them to run (all when left out). */
export const VARIANT_SWEEP_KEYS = {
  variant: Opt(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
};

/** A variant name is a directory name and a label: letters, digits, `_`, `-`, `.` (not only dots). */
export const VARIANT_NAME = /^(?!\.+$)[A-Za-z0-9_.-]+$/;

/**
 * AIPerf's names of search recipes whose meaning matches one of ours (AIPerf drops "under" from the two
 * throughput-under-SLA names); the others (concurrency-ramp, max-concurrency-under-sla, …) are spelled alike.
 */
export const RECIPE_ALIASES: Readonly<Record<string, string>> = {
  'max-throughput-ttft-sla': 'max-throughput-under-ttft-sla',
  'max-throughput-itl-sla': 'max-throughput-under-itl-sla',
};
