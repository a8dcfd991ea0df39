import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, link, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root and the binary the tests run (built by `npm run build` before vitest). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(PACKAGE_ROOT, 'bin/design-review.js');
const BUILT_MAIN = join(PACKAGE_ROOT, 'dist/cli/main.js');

/** Fail with a clear message when the CLI has not been built. */
export function assertBuilt(): void {
  if (!existsSync(BUILT_MAIN) || !existsSync(join(PACKAGE_ROOT, 'dist/cli/review-worker.js'))) {
    throw new Error(`The CLI tests run the built binary, but ${BUILT_MAIN} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `node bin/design-review.js ...args` in `cwd`; never rejects on a non-zero exit. */
export function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  user?: { uid: number; gid: number; node: string; bin: string },
): Promise<CliResult> {
  assertBuilt();
  const baseEnv: Record<string, string | undefined> = { ...process.env };
  // Colour and debugging must be decided by each test, not by the caller's shell.
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'DEBUG', 'NODE_OPTIONS']) delete baseEnv[key];
  // `remind` against the GitHub double, which has no secondary rate limit: writes 10 ms apart, not 1 s.
  baseEnv['GITHUB_WRITE_SPACING_MS'] ??= '10';
  // and the double's 502s retried 10, 40 and 90 ms later rather than 1, 4 and 9 s.
  baseEnv['GITHUB_RETRY_BASE_MS'] ??= '10';
  return new Promise((resolvePromise) => {
    execFile(
      user?.node ?? process.execPath,
      [user?.bin ?? BIN, ...args],
      { cwd, env: { ...baseEnv, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000, ...(user && { uid: user.uid, gid: user.gid }) },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Run `design-review ...args` in this process, through the same `main()` the binary calls, with
 * `cwd` and captured output; `env` overrides process.env for the run. For the tests where
 * starting a process is not what is tested (about 0.8 s of CPU each): the exit code, stdout and
 * stderr are the binary's. Not for runs large enough to review in worker threads (those load
 * dist/cli/review-worker.js), nor for anything about the process itself (signals, pipes, users).
 */
export async function runCliInProcess(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  // As runCli: colour and debugging decided by the test, the GitHub double paced by 10 ms.
  const overrides: Record<string, string | undefined> = {
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    DEBUG: undefined,
    GITHUB_WRITE_SPACING_MS: process.env['GITHUB_WRITE_SPACING_MS'] ?? '10',
    GITHUB_RETRY_BASE_MS: process.env['GITHUB_RETRY_BASE_MS'] ?? '10',
    ...env,
  };
  const saved = Object.fromEntries(Object.keys(overrides).map((key) => [key, process.env[key]]));
  const savedExitCode = process.exitCode;
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  let stdout = '';
  let stderr = '';
  const stream = (append: (text: string) => void) =>
    ({ isTTY: false, write: (chunk: string | Uint8Array) => (append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true) }) as unknown as NodeJS.WriteStream;
  setEnv(overrides);
  try {
    const code = await main(['node', BIN, ...args], { cwd, stdout: stream((t) => (stdout += t)), stderr: stream((t) => (stderr += t)) });
    return { code, stdout, stderr };
  } finally {
    setEnv(saved);
    process.exitCode = savedExitCode;
  }
}

const NOBODY = 65534;
let unprivilegedCopy: Promise<{ node: string; bin: string; dir: string }> | undefined;

/**
 * Run the CLI as a user for whom mode 000 means no access: this user, or `nobody` when the tests
 * run as root (root reads any file). `nobody` may not be able to reach this checkout (a clone
 * under /root or a `chmod 700` temporary folder), so it runs a copy of the package (node, bin,
 * dist, templates, checklists, node_modules: hard links where the file system allows, else
 * copies) made once per test process in a fresh world-traversable folder of the system's temp dir.
 */
export async function runCliUnprivileged(args: string[], cwd: string): Promise<CliResult> {
  if (process.getuid?.() !== 0) return runCli(args, cwd);
  unprivilegedCopy ??= copyPackageForNobody();
  const copy = await unprivilegedCopy;
  return runCli(args, cwd, {}, { uid: NOBODY, gid: NOBODY, node: copy.node, bin: copy.bin });
}

/** Removes the package copy runCliUnprivileged made, if any. */
export async function removeUnprivilegedCopy(): Promise<void> {
  if (unprivilegedCopy === undefined) return;
  const { dir } = await unprivilegedCopy;
  unprivilegedCopy = undefined;
  await rm(dir, { recursive: true, force: true });
}

async function copyPackageForNobody(): Promise<{ node: string; bin: string; dir: string }> {
  assertBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'design-review-nobody-'));
  await chmod(dir, 0o755);
  const root = join(dir, 'package');
  await mkdir(root, { mode: 0o755 });
  for (const entry of ['package.json', 'bin', 'dist', 'templates', 'checklists', 'node_modules']) {
    await linkTree(join(PACKAGE_ROOT, entry), join(root, entry));
  }
  // The copied folders are new (only files are linked): let nobody enter them whatever the umask.
  await run('find', [root, '-type', 'd', '-exec', 'chmod', 'a+rx', '{}', '+']);
  const node = join(dir, 'node');
  await linkOrCopy(process.execPath, node);
  return { node, bin: join(root, 'bin/design-review.js'), dir };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => execFile(command, args, (error) => (error ? reject(error) : resolvePromise())));
}

// `cp -al` (hard links, fast) falls back to `cp -a` across file systems.
async function linkTree(from: string, to: string): Promise<void> {
  await run('cp', ['-al', from, to]).catch(async () => {
    await rm(to, { recursive: true, force: true });
    await run('cp', ['-a', from, to]);
  });
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
  await chmod(to, 0o755);
}

/** A temporary repository (with a `.git` folder, so it is the root) holding the given files. */
export async function makeRepo(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'design-review-cli-'));
  await mkdir(join(dir, '.git'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Remove a temporary repository. */
export async function removeRepo(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
