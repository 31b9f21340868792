// aiperf as a user installs it: the workspace packages packed with `pnpm pack` (which rewrites `workspace:` and
// `catalog:` ranges to real versions), installed with npm into a fresh project, and run through the installed bin.
// Needs only Node, npm and the npm registry (the third-party dependencies come from there or npm's cache).
import { execFile, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The pnpm the repository pins (`packageManager`), run through npx like the README does. */
async function pnpmSpec(): Promise<string> {
  const { packageManager } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { packageManager: string };
  return packageManager;
}

// Settings a user or CI gives npm through the environment; the rest of the npm_*/pnpm_* variables are what a
// running `pnpm test` exports about the repository (its prefix, its package.json) and would point npm back at it.
const KEPT_NPM_SETTINGS = ['registry', 'cache', 'cafile', 'userconfig', 'globalconfig', 'proxy', 'https_proxy', 'noproxy', 'strict_ssl'];

function packageManagerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_config_') ? KEPT_NPM_SETTINGS.includes(lower.slice('npm_config_'.length)) : !/^(npm|pnpm)_/.test(lower)) env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false' };
}

async function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout } = await exec(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...packageManagerEnv(), ...env } });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stderr ?? ''}${stdout ?? ''}`, { cause: error });
  }
}

const tarballsIn = (stdout: string) => stdout.split('\n').map((line) => line.trim()).filter((line) => line.endsWith('.tgz'));

/**
 * `pnpm pack` of @aiperf/cli and every workspace package it depends on at run time (`--filter-prod cli...`:
 * dev dependencies such as the private test servers are not published, so they are not packed), then of each
 * package directory in `dirs` (outside the workspace list: the example plugin). Needs the build. One `npx` for all
 * the packs: resolving the pinned pnpm through npx costs ~1 s of CPU per call, more than a pack.
 */
export async function packCliAnd(destination: string, dirs: readonly string[]): Promise<string[]> {
  const script = ['pnpm --filter-prod "@aiperf/cli..." pack --pack-destination "$PACK_DEST"', ...dirs.map((_, i) => `pnpm -C "$PACK_DIR_${i}" pack --pack-destination "$PACK_DEST"`)];
  const env = Object.fromEntries([['PACK_DEST', destination], ...dirs.map((dir, i) => [`PACK_DIR_${i}`, dir])]);
  const out = await run('npx', ['-y', '-p', await pnpmSpec(), '-c', script.join(' && ')], REPO_ROOT, env);
  return tarballsIn(out);
}

/** `npm pack` (bundled dependencies included, which pnpm pack does not do). */
export async function npmPack(dir: string, destination: string): Promise<string> {
  const out = await run('npm', ['pack', '--silent', '--pack-destination', destination], dir);
  return join(destination, out.trim().split('\n').at(-1) ?? '');
}

/** Unpacks a package tarball into `dir` (its `package/` prefix dropped), as npm lays a package out. */
export async function unpack(tarball: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], dir);
}

/** A fresh npm project at `dir` with the tarballs installed (prefer npm's cache; the registry for the rest). */
export async function npmInstall(dir: string, tarballs: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'plugin-user', private: true, type: 'module' })}\n`);
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], dir);
}

export interface InstalledRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the project's installed `node_modules/.bin/aiperf` from `cwd` (asynchronously, so a mock server in this
 * process keeps answering). `home` keeps the user-level plot config apart from the real one.
 */
export function runInstalledAiperf(project: string, args: readonly string[], options: { cwd: string; home: string }): Promise<InstalledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(project, 'node_modules', '.bin', 'aiperf'), args, {
      cwd: options.cwd,
      env: { ...process.env, HOME: options.home, AIPERF_PLOT_CONFIG_HOME: join(options.home, '.aiperf'), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
