/**
 * adr-status: an ADR says where it is in its lifecycle, with a word from the
 * configured vocabulary. Missing status is common in MADR records (it lives in
 * the pull request), hence a warning; the template's unfilled guidance is
 * reported as such, not as an unknown word.
 */
import { stripInlineMarkdown } from '../document/markdown-inline.js';
import { headingMarkdown, titleLine } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { statusKey } from '../rule-helpers/status-lifecycle.js';

/** Words teams write for a vocabulary status, so the suggestion can offer the right one. */
const SYNONYMS: Record<string, string> = {
  approved: 'accepted',
  adopted: 'accepted',
  agreed: 'accepted',
  decided: 'accepted',
  active: 'accepted',
  final: 'accepted',
  done: 'implemented',
  completed: 'implemented',
  complete: 'implemented',
  open: 'proposed',
  proposal: 'proposed',
  suggested: 'proposed',
  wip: 'draft',
  'work-in-progress': 'draft',
  review: 'in-review',
  reviewing: 'in-review',
  discussion: 'in-review',
  'under-review': 'in-review',
  'in-discussion': 'in-review',
  declined: 'rejected',
  refused: 'rejected',
  obsolete: 'deprecated',
  replaced: 'superseded',
  paused: 'on-hold',
  postponed: 'on-hold',
  deferred: 'on-hold',
  cancelled: 'withdrawn',
  canceled: 'withdrawn',
  abandoned: 'withdrawn',
};

export const adrStatus = defineRule(
  {
    id: 'adr-status',
    description: 'An ADR states its status with a word from the configured vocabulary.',
    help: 'Readers need to know whether a decision stands: write `proposed`, `accepted`, `superseded by ADR-N`… in a `## Status` section or `status:` front matter. The vocabulary is `statuses` in the config.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      'empty-section': "Empty `{{heading}}` section: write the decision's status, one of {{listed}}",
      'missing-front-matter': 'Missing status: add `status: {{fallback}}` to the front matter (one of {{listed}})',
      'missing-section': 'Missing status: add a `{{heading}}` section with one of {{listed}}',
      placeholder: "Status {{written}}is an unfilled template placeholder: write the decision's status, e.g. `{{fallback}}`",
      'empty-status': 'Empty status: write one of {{listed}}',
      unexpected: 'Unexpected status `{{status}}`, expected one of {{listed}}',
    },
  },
  ({ doc, config }, report) => {
    const vocabulary = config.statuses.map(statusKey);
    const listed = config.statuses.join(', ');
    const fallback = vocabulary.includes('proposed') ? 'proposed' : vocabulary[0]!;
    const status = doc.status;
    if (!status) {
      // A status written under a heading the parser cannot read is not a missing one.
      if (doc.language === 'unknown') return;
      const section = doc.sections.find((sec) => sec.key === 'status');
      if (section) {
        report(
          'empty-section',
          { heading: section.heading, listed },
          { line: section.line, column: section.column },
          capitalize(fallback),
        );
        return;
      }
      const frontMatter = doc.frontMatter !== null && doc.frontMatterLine !== undefined;
      report(
        frontMatter ? 'missing-front-matter' : 'missing-section',
        { fallback, listed, heading: headingMarkdown(doc, 'status') },
        { line: frontMatter ? doc.frontMatterLine! : titleLine(doc) },
        frontMatter ? `status: ${fallback}` : `${headingMarkdown(doc, 'status')}\n\n${capitalize(fallback)}\n`,
      );
      return;
    }
    const place = { line: status.line, column: status.column };
    if (status.placeholder) {
      // The parser keeps the guidance as written, even when YAML read it as a map (`status: {proposed | accepted}`).
      const written = status.raw.trim();
      report(
        'placeholder',
        { written: written ? `\`${shorten(written)}\` ` : '', fallback },
        place,
        fallback,
      );
      return;
    }
    const word = status.normalized === null ? null : statusKey(status.normalized);
    if (word !== null && vocabulary.includes(word)) return;
    // The word as written may be in the vocabulary when its family word is not (`merged`, `agreed`).
    const written = /[\p{L}][\p{L}\p{N}-]*/u.exec(stripInlineMarkdown(status.raw))?.[0];
    if (written !== undefined && vocabulary.includes(statusKey(written))) return;
    const raw = shorten(status.raw);
    const mapped = SYNONYMS[word ?? statusKey(raw)];
    const suggestion = mapped && vocabulary.includes(mapped) ? mapped : fallback;
    report(
      word === null && raw === '' ? 'empty-status' : 'unexpected',
      { status: word ?? raw, listed },
      place,
      suggestion,
    );
  },
);

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Status text short enough to quote in a one-line message. */
function shorten(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
