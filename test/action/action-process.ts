// The built Action entry (`node dist/action/main.js`, what action.yml runs) as a child process,
// with the variables a runner sets: an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
// files, GITHUB_API_URL on the GitHub double, and the inputs with action.yml's defaults.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { GitHubDouble } from '../github-double/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ENTRY = join(ROOT, 'dist/action/main.js');

/** action.yml, parsed. */
export interface ActionManifest {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Array<{ name?: string; id?: string; uses?: string; with?: Record<string, unknown>; run?: string; shell?: string; env?: Record<string, string>; 'working-directory'?: string }> };
}

/** Reads action.yml at the repository root. */
export function readManifest(): ActionManifest {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;
}

/** What one run of the Action left behind. */
export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** $GITHUB_OUTPUT parsed the way the runner parses it. */
  outputs: Record<string, string>;
  /** $GITHUB_STEP_SUMMARY as written. */
  summary: string;
  ms: number;
}

export interface RunOptions {
  eventName: string;
  payload: Record<string, unknown>;
  token: string;
  /** `owner/name` for GITHUB_REPOSITORY. */
  repository: string;
  /** Inputs by their action.yml name; action.yml's defaults fill the rest (`github-token` comes from `token`). */
  inputs?: Record<string, string>;
  /** '/api/v3' makes GITHUB_API_URL look like GitHub Enterprise Server's. */
  apiPrefix?: '' | '/api/v3';
}

/** Runs the built Action once against the double. */
export async function runAction(github: GitHubDouble, options: RunOptions): Promise<ActionRun> {
  if (!existsSync(ENTRY)) throw new Error('dist/action/main.js is missing: run `npm run build` first (npm test does)');
  const dir = mkdtempSync(join(tmpdir(), 'design-review-action-'));
  try {
    const eventPath = join(dir, 'event.json');
    const outputPath = join(dir, 'output');
    const summaryPath = join(dir, 'step-summary.md');
    writeFileSync(eventPath, JSON.stringify(options.payload));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: options.repository,
      GITHUB_API_URL: `${github.url}${options.apiPrefix ?? ''}`,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      // The double has no secondary rate limit, and its 502s are on purpose: writes 10 ms apart
      // and retries 10, 40, 90 ms later instead of 1 s and 1, 4, 9 s (src/github/request-pacing.ts).
      GITHUB_WRITE_SPACING_MS: '10',
      GITHUB_RETRY_BASE_MS: '10',
      // One core thread, as the e2e App (test/e2e/app-process.ts says why).
      REVIEW_THREADS: '1',
      ...inputEnv(options),
    };
    const started = performance.now();
    const { code, stdout, stderr } = await spawnNode([ENTRY], env);
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      ms: performance.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// action.yml's `env:` for the review step names each input's variable; fill them as the runner would.
function inputEnv(options: RunOptions): Record<string, string> {
  const manifest = readManifest();
  const step = manifest.runs.steps.find((s) => s.id === 'review');
  if (step?.env === undefined) throw new Error('action.yml: no `review` step with env');
  const values: Record<string, string> = { 'github-token': options.token, ...options.inputs };
  const env: Record<string, string> = {};
  for (const [variable, expression] of Object.entries(step.env)) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(expression)?.[1];
    if (input === undefined) throw new Error(`action.yml: ${variable} is not set from an input: ${expression}`);
    const value = values[input] ?? manifest.inputs[input]?.default;
    if (value !== undefined) env[variable] = value;
  }
  return env;
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter!, i + 1);
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`);
      out[name!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else {
      const eq = line.indexOf('=');
      if (eq === -1) throw new Error(`GITHUB_OUTPUT: invalid line "${line}"`);
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

/** Workflow-command lines of one kind (`error`, `warning`, `notice`) in a run's stdout, decoded. */
export function commands(run: ActionRun, kind: 'error' | 'warning' | 'notice'): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind}`))
    .map((l) => l.slice(l.indexOf('::', 2) + 2).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}
