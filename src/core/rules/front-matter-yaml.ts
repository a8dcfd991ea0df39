/**
 * front-matter-yaml: the YAML front matter of a decision document parses.
 * The parser records what went wrong and where; this check reports it, so the
 * problem gets a severity and can be disabled like any other finding.
 */
import { defineRule } from '../rule-helpers/define-rule.js';

export const frontMatterYaml = defineRule(
  {
    id: 'front-matter-yaml',
    description: 'Front matter is valid YAML.',
    help: 'Invalid front matter is ignored, so its status, date and deciders are lost: fix the YAML (quote values that contain `:` or start with `[`, `{`, `*`, `@`).',
    appliesTo: ['adr', 'design-doc'],
    defaultSeverity: 'error',
    scope: 'document',
    messages: {
      // What the YAML parser said, with the fix (src/core/document/front-matter.ts).
      'invalid-yaml': '{{problem}}',
    },
  },
  ({ doc }, report) => {
    for (const p of doc.problems) {
      if (p.ruleId === 'front-matter-yaml') report('invalid-yaml', { problem: p.message }, { line: p.line, column: p.column });
    }
  },
);
