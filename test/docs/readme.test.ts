// The README against the code: rules, config keys, environment variables and CLI flags are read
// from the code (the preset, the zod schema, `env` reads in src/ and the test helpers, commander's
// help), never from a list kept here, so a new one fails this test until the README names it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SETUP_MODE_HEALTH } from '../../src/app/http-routes.js';
import { main } from '../../src/cli/main.js';
import { configSchema, DEFAULT_ADR_GLOBS } from '../../src/config/schema.js';
import { allRules } from '../../src/core/rule-set/preset.js';
import { ruleDocsUrl } from '../../src/core/rule-helpers/define-rule.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text of a `## ` / `### ` section, up to the next heading of the same or a higher level (outside code blocks). */
function section(heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  let fenced = false;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i]!.startsWith('```')) fenced = !fenced;
    const next = !fenced && /^(#+) /.exec(lines[i]!);
    if (next && next[1]!.length <= level) return lines.slice(start + 1, i).join('\n');
  }
  return lines.slice(start + 1).join('\n');
}

describe('README', () => {
  it.each(allRules.map((r) => [r.meta.id, r.meta] as const))('documents rule %s with its description and help', (id, meta) => {
    expect(readme).toContain(`### ${id}\n`);
    expect(readme).toContain(meta.description);
    expect(readme).toContain(meta.help);
    expect(ruleDocsUrl(id)).toMatch(new RegExp(`#${id}$`));
  });

  it.each(allRules.map((r) => [r.meta.id, r.meta] as const))('documents the options of rule %s, and none it does not take', (id, meta) => {
    const options = section(`### ${id}`).split('\n').find((line) => line.startsWith('Options: '));
    const keys = Object.keys((meta.options as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
    if (keys.length === 0) return expect(options).toBeUndefined();
    const defaults = meta.options!.parse({}) as Record<string, unknown>;
    for (const key of keys) expect(options).toContain(`\`${key}\` (default \`${String(defaults[key])}\``);
  });

  it('documents no rule under Rules that the preset lacks', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    const headings = [...section('## Rules').matchAll(/^### (\S+)$/gm)].map((m) => m[1]!);
    expect(headings.filter((h) => !ids.has(h))).toEqual([]);
  });

  it('keeps the two quick-start commands near the top', () => {
    const quickStart = readme.slice(0, 1500);
    expect(quickStart).toContain('npm ci && npx design-review check examples/');
    expect(quickStart).toContain('npm test');
  });
});

describe('README: configuration keys', () => {
  interface ZodNode {
    _zod: { def: { type: string; innerType?: ZodNode; shape?: Record<string, ZodNode> } };
  }
  /** The schema under optional / default / prefault wrappers. */
  function unwrap(node: ZodNode): ZodNode {
    let current = node;
    while (current._zod.def.innerType) current = current._zod.def.innerType;
    return current;
  }
  /** Dotted key paths of an object schema; records (rule ids, template names) are the user's keys, not the schema's. */
  function schemaKeys(node: ZodNode, prefix = ''): string[] {
    const shape = unwrap(node)._zod.def.shape ?? {};
    return Object.entries(shape).flatMap(([key, child]) => [`${prefix}${key}`, ...schemaKeys(child, `${prefix}${key}.`)]);
  }
  function isRecord(path: string): boolean {
    let node: ZodNode | undefined = configSchema as unknown as ZodNode;
    for (const key of path.split('.')) node = node && unwrap(node)._zod.def.shape?.[key];
    return node !== undefined && unwrap(node)._zod.def.type === 'record';
  }
  /** Dotted key paths of the README's example config (not below record-valued keys). */
  function exampleKeys(value: unknown, prefix = ''): string[] {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    return Object.entries(value).flatMap(([key, child]) => {
      const path = `${prefix}${key}`;
      return [path, ...(isRecord(path) ? [] : exampleKeys(child, `${path}.`))];
    });
  }
  const config = section('## Configuration');
  const example = parse(/```yaml\n([\s\S]*?)```/.exec(config)![1]!) as unknown;
  const keys = schemaKeys(configSchema as unknown as ZodNode);

  it.each(keys)('documents config key %s', (key) => {
    // `_extends` has a paragraph of its own rather than a line in the example.
    if (exampleKeys(example).includes(key)) return;
    expect(config).toContain(`\`${key}\``);
  });

  it('shows no config key in its example that the schema lacks', () => {
    expect(exampleKeys(example).filter((k) => !keys.includes(k))).toEqual([]);
  });
});

describe('README: environment variables', () => {
  /** Every file under `dir` with one of the extensions. */
  function files(dir: string, ext: RegExp): string[] {
    return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f)).map((f) => join(dir, f));
  }
  /** Names of constants set to an upper-case string (`const EXTENDS_ALLOW_VARIABLE = 'CONFIG_EXTENDS_ALLOW'`). */
  const constants = new Map<string, string>();
  const sources = [...files('src', /\.ts$/), ...files('test/helpers', /\.ts$/).filter((f) => !f.endsWith('.test.ts'))].map((f) => [f, readFileSync(join(ROOT, f), 'utf8')] as const);
  for (const [, text] of sources) for (const m of text.matchAll(/\bconst ([A-Z][A-Z0-9_]*) = '([A-Z][A-Z0-9_]+)'/g)) constants.set(m[1]!, m[2]!);
  /** Variables the code reads: `env.X`, `env['X']`, `env[CONSTANT]`, `process.env.X`; from src/ and the test helpers (how the suite runs). */
  const read = new Map<string, string>();
  for (const [file, text] of sources) {
    for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)\b|\[\s*'([A-Z][A-Z0-9_]+)'\s*\]|\[\s*([A-Z][A-Z0-9_]*)\s*\])/g)) {
      const name = m[1] ?? m[2] ?? constants.get(m[3]!);
      if (name !== undefined && !read.has(name)) read.set(name, file);
    }
  }
  // Set by the system or by the Actions runner for every step, not by a user: PATH, HOME and the runner's files and event.
  const runnerSet = /^(PATH|HOME|GITHUB_(EVENT_NAME|EVENT_PATH|OUTPUT|STEP_SUMMARY))$/;
  const documented = [...read].filter(([name]) => !runnerSet.test(name) && !name.startsWith('INPUT_'));

  it('finds the variables the code reads', () => {
    expect(read.has('REDIS_URL') && read.has('CONFIG_EXTENDS_ALLOW')).toBe(true);
  });

  it.each(documented)('documents %s (read in %s)', (name) => {
    expect(readme).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it.each([...read.keys()].filter((n) => n.startsWith('INPUT_')))('documents the Action input behind %s', (name) => {
    const input = name.slice('INPUT_'.length).toLowerCase().replace(/_/g, '-');
    expect(section('## GitHub Action')).toContain(`| \`${input}\` |`);
  });

  it.each(readFileSync(join(ROOT, '.env.example'), 'utf8').match(/^[A-Z][A-Z0-9_]*(?==)/gm)!)('documents %s from .env.example', (name) => {
    expect(readme).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe('README: CLI flags', () => {
  /** Long flags of one subcommand, from commander's own help (`--format <format>`, `--no-color`). */
  async function codeFlags(command: string): Promise<string[]> {
    let out = '';
    const io = { cwd: ROOT, stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: () => true } } as unknown as Parameters<typeof main>[1];
    const previous = process.exitCode;
    await main(['node', 'design-review', command, '--help'], io);
    process.exitCode = previous;
    return [...new Set([...out.matchAll(/(?:^|[\s,])(--[a-z][a-z-]*)/gm)].map((m) => m[1]!))].filter((f) => f !== '--help');
  }
  /** Flags of the README's usage line for a subcommand (the CLI section's text block). */
  function readmeFlags(command: string): string[] {
    const usage = /```text\n([\s\S]*?)```/.exec(section('## CLI'))![1]!;
    const line = usage.split('\n').find((l) => l.startsWith(`design-review ${command} `) || l === `design-review ${command}`);
    if (line === undefined) throw new Error(`README.md: the CLI usage block has no "design-review ${command}" line`);
    return [...new Set([...line.matchAll(/\[(--[a-z][a-z-]*)/g)].map((m) => m[1]!))];
  }

  it.each(['check', 'new', 'triggers', 'remind'])('lists exactly the flags `%s` defines', async (command) => {
    const flags = await codeFlags(command);
    expect(flags.length).toBeGreaterThan(0);
    expect(readmeFlags(command).sort()).toEqual(flags.sort());
  });
});

describe('README: facts the code decides', () => {
  it('counts and names the packages `overrides` pins', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { overrides: Record<string, unknown> };
    /** Pinned packages: the leaves of the overrides tree (`{a: {b: '1'}}` pins b under a). */
    const pinned = (tree: Record<string, unknown>): string[] =>
      Object.entries(tree).flatMap(([name, value]) => (typeof value === 'string' ? [name] : pinned(value as Record<string, unknown>)));
    const names = pinned(pkg.overrides);
    const pins = section('## Dependency pins');
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    expect(pins).toContain(`\`overrides\` pins ${words[names.length] ?? names.length} transitive dependencies`);
    for (const name of names) expect(pins).toMatch(new RegExp(`^- \`${name}\` `, 'm'));
    expect(pins.match(/^- `[^`]+` /gm)).toHaveLength(names.length);
  });

  it('quotes what /healthz answers in setup mode', () => {
    expect(section('### Setup mode and local development (`WEBHOOK_PROXY_URL`)')).toContain(`\`${SETUP_MODE_HEALTH}\``);
  });

  it("states the order in which `new` looks for the ADR folder, the schema's default order", () => {
    const folders = DEFAULT_ADR_GLOBS.map((g) => g.replace(/\/\*\*$/, ''));
    expect(section('## CLI')).toContain(`The default \`paths.adr\` order is ${folders.slice(0, 9).map((f) => `\`${f}\``).join(', ')}, then the rest of \`DEFAULT_ADR_GLOBS\``);
  });
});
