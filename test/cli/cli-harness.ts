import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  user?: { uid: number; gid: number },
): Promise<CliResult> {
  assertBuilt();
  const baseEnv: Record<string, string | undefined> = { ...process.env };
  // Colour and debugging must be decided by each test, not by the caller's shell.
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'DEBUG', 'NODE_OPTIONS']) delete baseEnv[key];
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...baseEnv, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000, ...user },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
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
