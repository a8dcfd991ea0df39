/**
 * adr-options: an ADR considered at least two real options (doing nothing
 * counts; option `minimum` asks for more), listed in an options section, a
 * pros-and-cons section or a decision matrix. Options written as prose the
 * parser cannot itemise are given the benefit of the doubt.
 */
import { z } from 'zod';
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
    messages: {
      'too-few': '{{count}} options considered ({{names}}): list {{atLeast}} (rules.adr-options minimum; “do nothing” counts) and why the others lost',
      'one-option': 'Only one option considered (`{{name}}`): add at least one real alternative (“do nothing” counts) and why it lost',
      'one-option-of-minimum': 'Only one option considered (`{{name}}`): add at least {{more}} real alternatives (rules.adr-options minimum; “do nothing” counts) and why they lost',
      'empty-section': 'Empty `{{heading}}` section: list {{atLeast}} options (“do nothing” counts)',
      'missing-section': 'Missing `{{heading}}` section: list {{atLeast}} options considered (“do nothing” counts) and why the others lost',
    },
    options: z.strictObject({
      /** Options a record must consider, the chosen one and "do nothing" included. */
      minimum: z.number().int().min(1).max(10).default(2),
    }),
  },
  ({ doc }, report, _source, { minimum }) => {
    if (doc.language === 'unknown') return;
    const options = optionsConsidered(doc);
    if (options.count >= minimum || options.unreadable) return;
    const heading = headingMarkdown(doc, 'options');
    const section = sectionsWith(doc, 'options', 'pros-cons')[0];
    const atLeast = `at least ${NUMBER_WORDS[minimum] ?? String(minimum)}`;
    if (options.count > 1) {
      const first = doc.options[0];
      report(
        'too-few',
        { count: NUMBER_WORDS[options.count] ?? options.count, names: options.names.map((n) => `\`${n}\``).join(', '), atLeast },
        first ? { line: first.line, column: first.column } : { line: section?.line ?? titleLine(doc) },
      );
      return;
    }
    if (options.count === 1) {
      const only = doc.options[0];
      report(
        minimum === 2 ? 'one-option' : 'one-option-of-minimum',
        { name: options.names[0]!, more: NUMBER_WORDS[minimum - 1] ?? minimum - 1 },
        only ? { line: only.line, column: only.column } : { line: section?.line ?? titleLine(doc) },
        '- Do nothing: keep the current approach, because …',
      );
      return;
    }
    if (section) {
      report('empty-section', { heading: section.heading, atLeast }, { line: section.line, column: section.column });
      return;
    }
    report(
      'missing-section',
      { heading, atLeast },
      { line: titleLine(doc) },
      `${heading}\n\n- …\n- …\n- Do nothing\n`,
    );
  },
);

const NUMBER_WORDS: Record<number, string> = { 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine', 10: 'ten' };
