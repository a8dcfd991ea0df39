import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/core/rules/preset.js';
import { ruleDocsUrl } from '../../src/core/rules/define-rule.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(allRules.map((r) => [r.meta.id, r.meta] as const))('documents rule %s with its description and help', (id, meta) => {
    expect(readme).toContain(`### ${id}\n`);
    expect(readme).toContain(meta.description);
    expect(readme).toContain(meta.help);
    expect(ruleDocsUrl(id)).toMatch(new RegExp(`#${id}$`));
  });

  it('keeps the two quick-start commands near the top', () => {
    const quickStart = readme.slice(0, 1500);
    expect(quickStart).toContain('npm ci && npx design-review check examples/');
    expect(quickStart).toContain('npm test');
  });
});
