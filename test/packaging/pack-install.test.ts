// Installing the CLI in another repository: `npm pack` the built package, install the tarball
// into a fresh git repository with a docs/adr folder (offline, from the cache `npm ci` filled),
// and run `new`, `check` and `triggers` there through the installed bin, so the published files
// (dist, templates, checklists) and the runtime dependencies are all a user gets. The README's
// code-scanning script runs there too, with the installed bin in place of `npx`.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { healthcheckCommand, readDockerfile } from '../deploy/dockerfile.js';
import { appPrivateKey, freePort, waitFor } from '../e2e/app-process.js';
import { consumerLockfile } from './consumer-lockfile.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
// The bin's `#!/usr/bin/env node` must find this Node, whatever PATH the runner was given.
const PATH = `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`;
const env = { ...process.env, PATH, NO_COLOR: '1' };

let work: string;
let repo: string;
let packedFiles: string[];

/** Runs the installed `design-review` in the consumer repository; never throws on a non-zero exit. */
async function designReview(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(join(repo, 'node_modules/.bin/design-review'), args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c ?? -1));
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error(`${ROOT}/dist is missing: run \`npm run build\` first (npm test does)`);
  work = mkdtempSync(join(tmpdir(), 'design-review-pack-'));
  // --ignore-scripts: `prepare` would rebuild dist/, which `npm test` has just built.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed!.files.map((f) => f.path);
  const tarball = `file:${join(work, packed!.filename)}`;

  repo = join(work, 'consumer');
  mkdirSync(join(repo, 'docs/adr'), { recursive: true });
  await run('git', ['init', '-q'], { cwd: repo, env });
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'consumer', private: true, dependencies: { 'design-review-bot': tarball } }));
  writeFileSync(join(repo, 'package-lock.json'), JSON.stringify(consumerLockfile(join(ROOT, 'package-lock.json'), 'consumer', tarball)));
  try {
    await run('npm', ['ci', '--offline', '--omit=dev', '--no-audit', '--no-fund'], { cwd: repo, env });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`npm ci --offline of the packed tarball failed (a dependency missing from npm's cache? run \`npm ci\` in ${ROOT} first):\n${stderr ?? String(error)}`);
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package, installed in another repository', () => {
  it('ships the built code, templates, checklists, README and LICENSE, and no sources or tests', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/design-review.js', 'dist/cli/main.js', 'dist/main.js', 'templates/adr.hbs', 'checklists/well-architected.yml', 'app.yml']) {
      expect(packedFiles, file).toContain(file);
    }
    expect(packedFiles.filter((f) => /^(src|test|bench)\//.test(f))).toEqual([]);
  });

  it('`new` writes the first ADR into docs/adr from the packaged template', async () => {
    const result = await designReview(['new', 'Use PostgreSQL for orders', '--date', '2026-01-10']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('docs/adr/0001-use-postgresql-for-orders.md');
    const adr = readFileSync(join(repo, 'docs/adr/0001-use-postgresql-for-orders.md'), 'utf8');
    expect(adr).toContain('Use PostgreSQL for orders');
    // The calendar trigger: revisit.defaultCalendar (6 months) after the date, from the template's trigger section.
    expect(adr).toContain('2026-07-10');
  });

  it('`check` reviews that ADR with the packaged checklists', async () => {
    const result = await designReview(['check', '--format', 'json', '--today', '2026-02-01']);
    expect(result.stderr).not.toMatch(/unexpected error|cannot find|ENOENT/i);
    expect([0, 1]).toContain(result.code);
    const report = JSON.parse(result.stdout) as { findings: { file: string; ruleId: string }[]; coverage: { path: string; pillars: { name: string }[] }[] };
    expect(report.coverage.map((c) => c.path)).toEqual(['docs/adr/0001-use-postgresql-for-orders.md']);
    // The six pillars come from checklists/well-architected.yml inside the installed package.
    expect(report.coverage[0]!.pillars).toHaveLength(6);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['docs/adr/0001-use-postgresql-for-orders.md']));
  });

  it('`triggers` lists the ADR\'s calendar trigger with its due date', async () => {
    const result = await designReview(['triggers', '--format', 'json', '--today', '2026-02-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { triggers: { file: string; category: string; due?: string }[] };
    expect(report.triggers).toEqual([expect.objectContaining({ file: 'docs/adr/0001-use-postgresql-for-orders.md', category: 'calendar', due: '2026-07-10' })]);
  });
});

describe('the App from the installed package (runtime dependencies only, as in the Docker image)', () => {
  it('starts in production mode and passes the Dockerfile HEALTHCHECK', async () => {
    const packageDir = join(repo, 'node_modules/design-review-bot');
    const port = await freePort();
    const appEnv = {
      PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_ID: '1',
      PRIVATE_KEY: appPrivateKey(),
      WEBHOOK_SECRET: 'pack-install',
      // No GitHub here: the reminder schedule would list installations at startup.
      REMINDERS: 'off',
    };
    let output = '';
    const app = spawn(process.execPath, ['./dist/main.js'], { cwd: packageDir, env: appEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    app.stdout.on('data', (d: Buffer) => (output += d.toString()));
    app.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => app.once('exit', resolve));
    try {
      await waitFor('GET /healthz from the installed App', async () => {
        if (app.exitCode !== null) throw new Error(`exited with ${app.exitCode}`);
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        return res.status === 200 && (await res.text()) === 'ok';
      }, 30_000, () => output);
      const [command, ...args] = healthcheckCommand(readDockerfile(join(ROOT, 'Dockerfile')));
      const check = spawn(command === 'node' ? process.execPath : command!, args, { env: { PATH, PORT: String(port) }, stdio: 'ignore' });
      expect(await new Promise((resolve) => check.once('exit', resolve))).toBe(0);
    } finally {
      app.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});

describe("the README's code-scanning step, with the installed CLI", () => {
  const NPX = 'npx --yes github:design-review-bot/design-review-bot#v0';

  /** The `run:` script of the README's SARIF step, with `command` in place of the npx line's installer. */
  function sarifScript(command: string): string {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const sectionStart = readme.indexOf('### In a GitHub workflow (code scanning)');
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(readme.slice(sectionStart))![1]!;
    const workflow = parse(yamlBlock) as { jobs: Record<string, { steps: { id?: string; run?: string }[] }> };
    const step = Object.values(workflow.jobs).flatMap((j) => j.steps).find((s) => s.id === 'design-review');
    expect(step?.run).toContain(NPX);
    return step!.run!.replaceAll(NPX, command);
  }

  /** Runs a script as GitHub Actions runs `shell: bash` in the consumer repository; resolves with its exit code and $GITHUB_OUTPUT. */
  async function runStep(script: string): Promise<{ code: number; output: string }> {
    const outputFile = join(work, 'github-output');
    writeFileSync(outputFile, '');
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: repo, env: { ...env, GITHUB_OUTPUT: outputFile }, stdio: 'ignore' });
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c) => resolve(c ?? -1));
    });
    return { code, output: readFileSync(outputFile, 'utf8') };
  }

  function writeConfig(text: string): void {
    mkdirSync(join(repo, '.github'), { recursive: true });
    writeFileSync(join(repo, '.github/design-review.yml'), text);
  }

  afterAll(() => {
    for (const path of ['.github', '.design-review-cache', 'design-review.sarif']) rmSync(join(repo, path), { recursive: true, force: true });
  });

  const installed = () => `'${join(repo, 'node_modules/.bin/design-review')}'`;

  it('uploads error findings: the SARIF file is written, status 1 is recorded and the step passes', async () => {
    writeConfig('rules:\n  adr-placeholders: error\n');
    const { code, output } = await runStep(sarifScript(installed()));
    expect(output).toBe('status=1\n');
    expect(code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(repo, 'design-review.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.some((r) => r.ruleId === 'adr-placeholders')).toBe(true);
  });

  it('fails the step with exit code 2 on a config error, before any upload', async () => {
    writeConfig('rules:\n  adr-placeholders: fatal\n');
    const { code, output } = await runStep(sarifScript(installed()));
    expect(output).toBe('status=2\n');
    expect(code).toBe(2);
  });

  it('fails the step when the CLI writes no SARIF at all (npx could not install it)', async () => {
    writeConfig('rules: {}\n');
    const { code } = await runStep(sarifScript('false'));
    expect(code).toBe(2);
  });
});
