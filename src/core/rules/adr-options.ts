/**
 * adr-options: an ADR considered at least two real options (doing nothing
 * counts), listed in an options section, a pros-and-cons section or a
 * decision matrix. Options written as prose the parser cannot itemise are
 * given the benefit of the doubt.
 */
import { headingMarkdown, sectionsWith, titleLine } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { optionsConsidered } from '../rule-helpers/options-considered.js';

export const adrOptions = defineRule(
  {
    id: 'adr-options',
    description: 'An ADR considered at least two options.',
    help: 'A decision with one option is an announcement, not a decision: list at least two real options (doing nothing, or keeping the status quo, counts) and why the others lost.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
  },
  ({ doc }, report) => {
    if (doc.language === 'unknown') return;
    const options = optionsConsidered(doc);
    if (options.count >= 2 || options.unreadable) return;
    const heading = headingMarkdown(doc, 'options');
    const section = sectionsWith(doc, 'options', 'pros-cons')[0];
    if (options.count === 1) {
      const only = doc.options[0];
      report(
        `Only one option considered (\`${options.names[0]}\`): add at least one real alternative (“do nothing” counts) and why it lost`,
        only ? { line: only.line, column: only.column } : { line: section?.line ?? titleLine(doc) },
        '- Do nothing: keep the current approach, because …',
      );
      return;
    }
    if (section) {
      report(`Empty \`${section.heading}\` section: list at least two options (“do nothing” counts)`, {
        line: section.line,
        column: section.column,
      });
      return;
    }
    report(
      `Missing \`${heading}\` section: list at least two options considered (“do nothing” counts) and why the others lost`,
      { line: titleLine(doc) },
      `${heading}\n\n- …\n- …\n- Do nothing\n`,
    );
  },
);
