import { Type } from '@sinclair/typebox';
import { withDefault as Def } from './resolved.js';

// The settings of the endpoint-type work (#17): request batching, rankings passages, custom templates.
// Spread into `benchmark.input` / `benchmark.endpoint` of the YAML schema; the resolved config follows by the
// usual rule (camelCase, defaults filled in).

const Mapping = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
const PositiveInt = Type.Integer({ minimum: 1 });
const Stddev = Def(Type.Number({ minimum: 0 }), 0);
const Distribution = (mean: number) => Type.Optional(Mapping({ mean: Type.Optional(Def(PositiveInt, mean)), stddev: Type.Optional(Stddev) }));

/** Rankings requests: passages per query and the token lengths of query and passages (AIPerf's defaults). */
export const YamlRankings = Mapping({
  passages: Distribution(10),
  passage_tokens: Distribution(128),
  query_tokens: Distribution(32),
});

/** Keys of `benchmark.input` added for endpoint types. */
export const ENDPOINT_INPUT_KEYS = {
  /** Prompts per request for endpoint types that take a list of inputs (embeddings). */
  batch_size: Type.Optional(Def(PositiveInt, 1)),
  rankings: Type.Optional(YamlRankings),
};
