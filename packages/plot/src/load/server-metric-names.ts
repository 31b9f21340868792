// Display names of server metrics (AIPerf's prefix map): `vllm:kv_cache_usage_perc` → `vLLM: Kv Cache Usage`.
const PREFIXES: readonly (readonly [string, string])[] = [
  ['vllm:', 'vLLM: '], ['sglang:', 'SGLang: '], ['trtllm:', 'TensorRT-LLM: '], ['trtllm_', 'TensorRT-LLM: '], ['llamacpp:', 'llama.cpp: '],
  ['dynamo_', 'Dynamo: '], ['nv_gpu_', 'Triton GPU: '], ['nv_inference_', 'Triton: '], ['nv_', 'Triton: '], ['http_', 'HTTP: '],
  ['https_', 'HTTPS: '], ['nvidia_', 'NVIDIA: '], ['dcgm_', 'DCGM: '], ['gpu_', 'GPU: '],
];
const UNIT_SUFFIX = /_(seconds|milliseconds|microseconds|nanoseconds|us|ms|ns|bytes|total|count|perc|percent|percentage)$/;

export function serverMetricDisplayName(name: string): string {
  const [prefix, shown] = PREFIXES.find(([candidate]) => name.startsWith(candidate)) ?? ['', ''];
  const rest = name.slice(prefix.length).replace(UNIT_SUFFIX, '');
  return `${shown}${rest.split(/[_:]/).filter(Boolean).map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ')}`;
}
