// Type test, run by `pnpm typecheck` (tsc): a flag's `path` must be a key of the YAML schema.
import type { FlagDef, SettingPath } from './flag-types.js';

export const rightPath: FlagDef = { key: 'requestRate', names: ['--request-rate'], path: 'benchmark.load.request_rate', kind: 'value', group: 'Load', description: 'ok' };

export const wrongPath: FlagDef = {
  key: 'requestRate',
  names: ['--request-rate'],
  // @ts-expect-error `request_rat` is not a key of benchmark.load: a typo in a flag row fails the typecheck.
  path: 'benchmark.load.request_rat',
  kind: 'value',
  group: 'Load',
  description: 'typo',
};

// @ts-expect-error a resolved (camelCase) name is not a YAML path either.
export const camelPath: SettingPath = 'benchmark.load.requestRate';

export const nestedPath: SettingPath = 'benchmark.input.output_tokens.stddev';
