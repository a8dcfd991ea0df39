// Vitest global setup: writes the routing part of GitHub's OpenAPI description once per run, so
// each test process that starts a GitHub double reads 1.4 MB instead of parsing the 70 MB file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadGitHubOpenApi, ROUTING_SPEC_KEY, slimOpenApi } from '../github-double/openapi-spec.js';

// Both projects list this setup; the main process imports it once, so the file is written once.
let written: { dir: string; file: string } | undefined;
let users = 0;

export default function setup(_project: TestProject): () => void {
  if (written === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'design-review-openapi-'));
    const file = join(dir, 'routing.json');
    writeFileSync(file, JSON.stringify(slimOpenApi(loadGitHubOpenApi())));
    written = { dir, file };
  }
  users += 1;
  // An environment variable rather than vitest's provide/inject: the double is also used outside
  // vitest (the benchmarks), where importing vitest fails. Workers start after this and inherit it.
  process.env[ROUTING_SPEC_KEY] = written.file;
  return () => {
    users -= 1;
    if (users === 0 && written !== undefined) {
      rmSync(written.dir, { recursive: true, force: true });
      delete process.env[ROUTING_SPEC_KEY];
      written = undefined;
    }
  };
}
