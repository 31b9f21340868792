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

const Size = (mean: number) => Type.Optional(Mapping({ mean: Type.Optional(Def(Type.Number({ exclusiveMinimum: 0 }), mean)), stddev: Type.Optional(Stddev) }));
export const IMAGE_FORMATS = ['png', 'jpeg', 'random'] as const;
export const AUDIO_FORMATS = ['wav'] as const;

/** Synthetic images per chat request (AIPerf's defaults: off, 512×512, jpeg), or files from a directory. */
export const YamlImages = Mapping({
  batch_size: Type.Optional(Def(Type.Integer({ minimum: 0 }), 0)),
  width: Size(512),
  height: Size(512),
  format: Type.Optional(Def(Type.Union(IMAGE_FORMATS.map((f) => Type.Literal(f))), 'jpeg')),
  /** Send images picked from this directory instead of synthetic ones. */
  directory: Type.Optional(Type.String({ minLength: 1 })),
});

/** Synthetic WAV audio per chat request (AIPerf's defaults: off, 10 s, 16 kHz, 16 bit, mono). */
export const YamlAudio = Mapping({
  batch_size: Type.Optional(Def(Type.Integer({ minimum: 0 }), 0)),
  /** Seconds. */
  length: Size(10),
  format: Type.Optional(Def(Type.Union(AUDIO_FORMATS.map((f) => Type.Literal(f))), 'wav')),
  /** kHz, one picked per clip. */
  sample_rates: Type.Optional(Def(Type.Array(Type.Number({ exclusiveMinimum: 0 }), { minItems: 1 }), [16])),
  /** Bits per sample, one picked per clip. */
  depths: Type.Optional(Def(Type.Array(Type.Integer({ minimum: 8, maximum: 32, multipleOf: 8 }), { minItems: 1 }), [16])),
  num_channels: Type.Optional(Def(Type.Integer({ minimum: 1, maximum: 2 }), 1)),
});

/** Keys of `benchmark.input` added for endpoint types. */
export const ENDPOINT_INPUT_KEYS = {
  /** Prompts per request for endpoint types that take a list of inputs (embeddings). */
  batch_size: Type.Optional(Def(PositiveInt, 1)),
  rankings: Type.Optional(YamlRankings),
  images: Type.Optional(YamlImages),
  audio: Type.Optional(YamlAudio),
};
