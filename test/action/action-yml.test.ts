// action.yml: the metadata GitHub reads, checked against what the built entry expects.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CONFIG_PATH, DEFAULT_FAIL_ON, DEFAULT_MAX_WARNINGS, GITHUB_ACTIONS_LOGIN } from '../../src/action/action-settings.js';
import { ENTRY, readManifest, ROOT } from './action-process.js';

const manifest = readManifest();

describe('action.yml', () => {
  it('has a name, a description and branding for the Marketplace', () => {
    expect(manifest.name).toMatch(/design review/i);
    expect(manifest.description.length).toBeGreaterThan(40);
    expect(manifest.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
  });

  it('declares the inputs with the defaults the entry also assumes', () => {
    expect(Object.keys(manifest.inputs).sort()).toEqual(['bot-login', 'config', 'fail-on', 'github-token', 'max-warnings']);
    expect(manifest.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(manifest.inputs['config']!.default).toBe(DEFAULT_CONFIG_PATH);
    expect(manifest.inputs['fail-on']!.default).toBe(DEFAULT_FAIL_ON);
    expect(manifest.inputs['max-warnings']!.default).toBe(DEFAULT_MAX_WARNINGS);
    expect(manifest.inputs['bot-login']!.default).toBe(GITHUB_ACTIONS_LOGIN);
    for (const input of Object.values(manifest.inputs)) expect(input.description).not.toBe('');
  });

  it('maps every output to the review step', () => {
    expect(Object.keys(manifest.outputs).sort()).toEqual(['check-run-id', 'check-run-url', 'conclusion', 'findings', 'outcome', 'summary']);
    for (const [name, output] of Object.entries(manifest.outputs)) {
      expect(output.value).toBe(`\${{ steps.review.outputs.${name} }}`);
      expect(output.description).not.toBe('');
    }
  });

  it('runs as a composite: Node 20, npm ci in the action folder, then the built entry with inputs as env', () => {
    expect(manifest.runs.using).toBe('composite');
    const [setup, install, review, ...rest] = manifest.runs.steps;
    expect(rest).toEqual([]);
    expect(setup).toMatchObject({ uses: expect.stringMatching(/^actions\/setup-node@v\d+$/), with: { 'node-version': 20 } });
    expect(install).toMatchObject({ shell: 'bash', 'working-directory': '${{ github.action_path }}', run: 'npm ci --include=dev --no-audit --no-fund' });
    expect(review).toMatchObject({ id: 'review', shell: 'bash', run: 'node "$GITHUB_ACTION_PATH/dist/action/main.js"' });
    expect(review!.env).toEqual({
      INPUT_GITHUB_TOKEN: '${{ inputs.github-token }}',
      INPUT_CONFIG: '${{ inputs.config }}',
      INPUT_FAIL_ON: '${{ inputs.fail-on }}',
      INPUT_MAX_WARNINGS: '${{ inputs.max-warnings }}',
      INPUT_BOT_LOGIN: '${{ inputs.bot-login }}',
    });
  });

  it('puts no expression inside a script, where a pull request title could become code', () => {
    for (const step of manifest.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('runs an entry that exists after the build, from a package whose `prepare` builds it', async () => {
    expect(existsSync(ENTRY)).toBe(true);
    const pkg = (await import(join(ROOT, 'package.json'), { with: { type: 'json' } })) as { default: { scripts: Record<string, string>; files: string[] } };
    expect(pkg.default.scripts['prepare']).toBe('npm run build');
    expect(pkg.default.files).toContain('dist/');
  });

  it('matches the README example: declared inputs only, the three permissions, a pull request trigger', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## GitHub Action\n'), readme.indexOf('## Configuration\n'));
    const example = /```yaml\n(# \.github\/workflows\/[\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const workflow = parse(example!) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ checks: 'write', 'pull-requests': 'write', contents: 'read' });
    const step = Object.values(workflow.jobs).flatMap((j) => j.steps).find((s) => s.uses?.startsWith('design-review-bot/design-review-bot@'));
    expect(step).toBeDefined();
    for (const input of Object.keys(step!.with ?? {})) expect(Object.keys(manifest.inputs)).toContain(input);
    for (const output of example!.matchAll(/steps\.review\.outputs\.([a-z-]+)/g)) expect(Object.keys(manifest.outputs)).toContain(output[1]);
  });
});
