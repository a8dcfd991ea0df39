import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/core/output/json.js';
import { renderSarif } from '../../../src/core/output/sarif.js';
import { renderTerminal } from '../../../src/core/output/terminal.js';
import { foldConventions } from '../../../src/core/review/folder-conventions.js';
import { reviewDocument, reviewRepository } from '../../../src/core/review/review.js';
import { withoutSectionText } from '../../../src/core/review/section-text.js';
import type { SourceFile } from '../../../src/core/review-model.js';
import { allRules } from '../../../src/core/rule-set/preset.js';
import { reviewOptions } from '../../helpers/review-options.js';

const record = (n: number, title: string, status: string, more = '') => `# ${n}. ${title}

Date: 2026-01-12

## Status

${status}

## Context

We need a store for orders. Throughput is about 2,000 orders/s at peak.

### Constraints

The team knows PostgreSQL.

## Decision

We will use ${title.replace(/^Use /, '')}.

## Consequences

- Good, because it is transactional.
- Bad, because we run schema migrations.
${more}`;

// Numbering, supersede links (one broken), a lint comment, a design doc and a file that is not read:
// what phase 2, the folder conventions and the three formats read.
const FILES: SourceFile[] = [
  { path: 'docs/adr/0001-use-mysql.md', content: record(1, 'Use MySQL', 'Superseded by [ADR-0002](0002-use-postgresql.md)'), kind: 'adr' },
  { path: 'docs/adr/0002-use-postgresql.md', content: record(2, 'Use PostgreSQL', 'Accepted\n\nSupersedes [ADR-0001](0001-use-mysql.md)'), kind: 'adr' },
  { path: 'docs/adr/0002-use-kafka.md', content: record(2, 'Use Kafka', 'Accepted', '\n<!-- design-review-disable adr-trade-offs -->\n'), kind: 'adr' },
  { path: 'docs/adr/0004-use-redis.md', content: record(4, 'Use Redis', 'Accepted\n\nSupersedes [ADR-0009](0009-gone.md)'), kind: 'adr' },
  { path: 'docs/design/search.md', content: '# Search v2\n\n## Goals\n\nFaster search.\n\n## Alternatives\n\n- Elasticsearch\n- Postgres FTS\n', kind: 'design-doc' },
  { path: 'docs/adr/0005-binary.md', content: new Uint8Array([0x23, 0x00, 0x01]), kind: 'adr' },
];

describe('withoutSectionText', () => {
  const opts = reviewOptions();
  const full = FILES.map((file) => reviewDocument(file, opts));
  const lean = full.map(withoutSectionText);

  it("drops every section's text and line map, and keeps its heading, key, depth, places and emptiness", () => {
    const before = full[1]!.doc!.sections;
    const after = lean[1]!.doc!.sections;
    expect(before.some((s) => s.text.includes('2,000 orders/s') && s.textLines !== undefined)).toBe(true);
    expect(after).toHaveLength(before.length);
    for (const [i, section] of after.entries()) {
      expect(section.text).toBe('');
      expect(section).not.toHaveProperty('textLines');
      const { text: _text, textLines: _lines, ...rest } = before[i]!;
      expect(section).toEqual({ ...rest, text: '' });
    }
  });

  it('keeps everything else of the result, and leaves the input as it was', () => {
    for (const [i, result] of lean.entries()) {
      const { doc, ...rest } = result;
      const { doc: fullDoc, ...fullRest } = full[i]!;
      expect(rest).toEqual(fullRest);
      if (!fullDoc) {
        expect(result).toBe(full[i]);
        continue;
      }
      const { sections: _s, ...facts } = doc!;
      const { sections: _f, ...fullFacts } = fullDoc;
      expect(facts).toEqual(fullFacts);
    }
    expect(full[1]!.doc!.sections.some((s) => s.text.length > 0)).toBe(true);
  });

  it('gives phase 2, the folder conventions and every output format exactly what the full results give', () => {
    const fullReview = reviewRepository(full, opts);
    const leanReview = reviewRepository(lean, opts);
    expect(leanReview.findings).toEqual(fullReview.findings);
    // The repository rules found something to say here, so the comparison means something.
    expect(fullReview.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['adr-number', 'adr-supersede-links', 'document-skipped']));
    expect(leanReview.coverage).toEqual(fullReview.coverage);
    const fold = { configPath: '.github/design-review.yml' };
    const fullFolded = foldConventions(fullReview, fold);
    const leanFolded = foldConventions(leanReview, fold);
    expect(leanFolded.conventions).toEqual(fullFolded.conventions);
    const version = '0.0.0-test';
    expect(renderJson(leanFolded.review, { version, conventions: leanFolded.conventions })).toBe(renderJson(fullFolded.review, { version, conventions: fullFolded.conventions }));
    const rules = allRules.map((r) => r.meta);
    expect(renderSarif(leanFolded.review, { version, rules, conventions: leanFolded.conventions })).toBe(
      renderSarif(fullFolded.review, { version, rules, conventions: fullFolded.conventions }),
    );
    expect(renderTerminal(leanFolded.review, { color: false, conventions: leanFolded.conventions })).toBe(
      renderTerminal(fullFolded.review, { color: false, conventions: fullFolded.conventions }),
    );
  });
});
