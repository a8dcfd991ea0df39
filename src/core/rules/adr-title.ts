/**
 * adr-title: an ADR has a title, and the title is not the template's
 * placeholder (`# [short title of solved problem and solution]`, `# {title}`).
 */
import { trimEndMatching } from '../document/trim-chars.js';
import { defineRule } from './define-rule.js';

/** Titles templates ship with (lower case, numbering stripped). */
const PLACEHOLDER_TITLES = new Set([
  'title',
  'adr title',
  'decision title',
  'short title',
  'template',
  'adr template',
  'architecture decision record',
  'todo',
  'tbd',
  'untitled',
  'short title of solved problem and solution',
  'short title, representative of solved problem and found solution',
  'titre',
  'titre court du problème résolu et de la solution',
]);

/** The title without its number (`12. `, `ADR-0012: `, `ADR 12 - `). */
function withoutNumber(title: string): string {
  return title
    // `[\s-]*` alone when there is no prefix word: `\s*[\s-]*` backtracks quadratically on long space runs.
    .replace(/^(?:\s*(?:adr|rfc|decision))?[\s-]*#?\d+\s*[.:)\-–—]?\s*/i, '')
    .trim();
}

/** True when the title is template text rather than the decision's name. */
export function isPlaceholderTitle(title: string): boolean {
  const text = withoutNumber(title);
  if (text === '') return true;
  if (/^(?:\[[^\]]*\]|\{[^}]*\}|<[^>]*>)$/.test(text)) return true;
  // Not `.replace(/[.:]+$/, '')`: quadratic on a long run of dots before the end (see trim-chars.ts).
  const plain = trimEndMatching(text.replace(/[*_`]/g, ''), /[.:]/).trim().toLowerCase();
  return PLACEHOLDER_TITLES.has(plain) || /^(?:todo|tbd)\b/.test(plain);
}

export default defineRule(
  {
    id: 'adr-title',
    description: 'An ADR has a title that names the decision.',
    help: 'The title is how people find a decision in a list of dozens: write what was decided, e.g. `# 12. Use PostgreSQL for order storage`.',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'document',
  },
  ({ doc }, report) => {
    const title = doc.title;
    if (!title) {
      report('Missing title: start the record with a `# <number>. <decision>` heading that names the decision', {
        line: 1,
      });
      return;
    }
    if (isPlaceholderTitle(title.value)) {
      report(
        `Title \`${title.value.trim()}\` is an unfilled template placeholder: write what was decided, e.g. \`Use PostgreSQL for order storage\``,
        { line: title.line, column: title.column },
      );
    }
  },
);
