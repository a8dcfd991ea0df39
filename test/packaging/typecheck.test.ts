// The type check of the whole project (src, test, bench: tsconfig.json) as a test of the suite.
// `npm run build` transpiles file by file and bundles the entry points with esbuild, which
// checks no types; this runs `tsc --noEmit` beside the other tests rather than before them,
// so the second core is not idle while one tsc process checks 58k lines.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('the type check (tsc -p tsconfig.json --noEmit)', () => {
  it('finds no type error in src, test or bench', async () => {
    const outcome = await promisify(execFile)(process.execPath, [TSC, '-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '' }),
    );
    // tsc writes its diagnostics to stdout: shown in full when there are any.
    expect(outcome.stdout).toBe('');
    expect(outcome.code).toBe(0);
  }, 240_000);
});
