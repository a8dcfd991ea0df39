/**
 * A record fresh from `design-review new` asks only to be filled in: `check`
 * on it reports template placeholders (adr-placeholders) and nothing else, for
 * every built-in template. Before, the ADR template's Context TODO mentioned
 * "Type 1 … one-way door" and drew an adr-type-1-rigor finding, and the TODO-only
 * Context, Decision and options drew adr-context, adr-decision and adr-options.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, removeRepo, runCli, runCliInProcess } from './cli-harness.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  message: string;
}

describe('design-review new, then check', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await makeRepo({});
  });
  afterAll(async () => {
    await removeRepo(repo);
  });

  // adr-placeholders reviews ADRs only, so the design doc's TODOs draw no finding at all.
  it.each([
    ['adr', 'Use PostgreSQL for orders', true],
    ['trade-off-analysis', 'Pick a message broker', true],
    ['design-doc', 'Order events pipeline', false],
  ])('the %s template gets only placeholder findings', async (template, title, placeholders) => {
    const created = await runCli(['new', title, '--template', template, '--today', '2026-01-10'], repo);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const path = created.stdout.trim();
    // `new` runs the binary (templates found from the installed layout); `check` the same main() in this process.
    const result = await runCliInProcess(['check', path, '--format', 'json', '--today', '2026-01-10'], repo);
    const { findings } = JSON.parse(result.stdout) as { findings: JsonFinding[] };
    // The template is full of TODOs: asking to fill them is the one thing check should say.
    expect(findings.some((f) => f.ruleId === 'adr-placeholders')).toBe(placeholders);
    expect(findings.filter((f) => f.ruleId !== 'adr-placeholders').map((f) => `${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
