/**
 * adr-title: an ADR has a title, and the title is not the template's
 * placeholder (`# [short title of solved problem and solution]`, `# {title}`).
 * Square brackets alone do not make a placeholder: some projects keep the
 * template's brackets around a real title (`# [Cache build layers]`); only
 * brackets that hold a template slot (generic words such as title, name,
 * decision, problem, solution, nom, titre) are unfilled.
 */
import { trimEndMatching } from '../document/trim-chars.js';
import { defineRule } from '../rule-helpers/define-rule.js';

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

/**
 * Words a template's bracketed title slot is made of (lower case, English and
 * French): `[short title of solved problem and solution]`, `[ADR title]`,
 * `[Nom de la décision]`, `[Number]`. A bracketed title with any other word
 * is the author's own title.
 */
const SLOT_WORDS = new Set([
  // English
  'a', 'an', 'the', 'of', 'and', 'or', 'for', 'in', 'to', 'with', 'your', 'this', 'here', 'what', 'was',
  'title', 'name', 'short', 'long', 'descriptive', 'summary', 'subject', 'topic', 'insert', 'enter', 'write',
  'adr', 'rfc', 'architecture', 'architectural', 'decision', 'decided', 'record', 'problem', 'solution', 'solved',
  'found', 'representative', 'number', 'nnn', 'nnnn', 'xxx', 'imperative', 'mood', 'phrase', 'noun', 'verb',
  // French
  'le', 'la', 'les', 'l', 'un', 'une', 'du', 'de', 'des', 'd', 'sa', 'son', 'et', 'ou', 'ici', 'votre',
  'titre', 'nom', 'court', 'courte', 'sujet', 'résumé', 'décision', 'problème', 'résolu', 'résolue', 'trouvée',
  'numéro',
]);

/** Characters that may stand between bracket groups of a title slot. */
const GROUP_SEPARATORS = ' \t.:-–—';

/**
 * The contents of each `[…]` when `text` is only bracket groups, joined by
 * spaces or `.:-` (`[Title]`, `[Number]. [Title]`); undefined when any other
 * text stands outside them. A scan, not a regex, so it stays linear.
 */
function bracketGroups(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  const groups: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) return undefined;
      groups.push(text.slice(i + 1, close));
      i = close + 1;
    } else if (GROUP_SEPARATORS.includes(ch)) {
      i += 1;
    } else {
      return undefined;
    }
  }
  return groups;
}

/** True when bracketed text is a template slot: empty, a known placeholder title, or made only of slot words. */
function isSlot(inner: string): boolean {
  const plain = inner.replace(/[*_`]/g, '').trim().toLowerCase();
  if (plain === '' || PLACEHOLDER_TITLES.has(plain)) return true;
  const words = plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return words.every((w) => SLOT_WORDS.has(w) || /^(?:x+|n+|0+)$/.test(w));
}

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
  if (/^(?:\{[^}]*\}|<[^>]*>)$/.test(text)) return true;
  const groups = bracketGroups(text);
  if (groups) return groups.every(isSlot);
  // Not `.replace(/[.:]+$/, '')`: quadratic on a long run of dots before the end (see trim-chars.ts).
  const plain = trimEndMatching(text.replace(/[*_`]/g, ''), /[.:]/).trim().toLowerCase();
  return PLACEHOLDER_TITLES.has(plain) || /^(?:todo|tbd)\b/.test(plain);
}

export const adrTitle = defineRule(
  {
    id: 'adr-title',
    description: 'An ADR has a title that names the decision.',
    help: 'The title is how people find a decision in a list of dozens: write what was decided, e.g. `# 12. Use PostgreSQL for order storage`.',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'document',
    messages: {
      'missing-title': 'Missing title: start the record with a `# <number>. <decision>` heading that names the decision',
      'placeholder-title': 'Title `{{title}}` is an unfilled template placeholder: write what was decided, e.g. `Use PostgreSQL for order storage`',
    },
  },
  ({ doc }, report) => {
    const title = doc.title;
    if (!title) {
      report('missing-title', {}, { line: 1 });
      return;
    }
    if (isPlaceholderTitle(title.value)) {
      report('placeholder-title', { title: title.value.trim() }, { line: title.line, column: title.column });
    }
  },
);
