import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/core/document/model.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { scanRelatedLinks } from '../../../src/core/document/related-links.js';
import { sampleChecklists } from './sample-checklists.js';

const parse = (md: string) => parseDecisionDoc(md, 'docs/adr/0009-x.md', 'adr', sampleChecklists).doc;
const related = (md: string) => (parse(md).relatesTo ?? []).map((l) => [l.target, l.number, l.line, l.column]);

describe('related links', () => {
  it('reads "Relates to", "See also", "Extends" and "Related ADRs:" with their targets (real record shapes)', () => {
    expect(related('# 9. X\n\nRelates to [ADR-0003](0003-use-x.md).\n')).toEqual([['0003-use-x.md', 3, 3, 12]]);
    // BrighterCommand/Brighter docs/adr/0033: "See also [ADR #42](0042-….md) for context."
    expect(related('# 9. X\n\nSee also [ADR #42](0042-use-reactive.md) for context.\n')).toEqual([['0042-use-reactive.md', 42, 3, 10]]);
    // Brighter docs/adr/0057: "**Extends**: [ADR 0053 — Box Database Migration](0053-box-database-migration.md)"
    expect(related('# 9. X\n\n**Extends**: [ADR 0053 — Box Database Migration](0053-box-database-migration.md)\n')).toEqual([
      ['0053-box-database-migration.md', 53, 3, 14],
    ]);
    expect(related('# 9. X\n\n- Related ADRs: ADR-4, ADR-5 and [ADR-6](0006-x.md)\n').map((l) => l[1])).toEqual([4, 5, 6]);
  });

  it('reads every record link listed under a "Related decisions" / "See also" / "Links" heading', () => {
    const md = '# 9. X\n\n## Decision\n\nWe will.\n\n## Related decisions\n\n- [Use Kafka](0004-use-kafka.md)\n- ADR-0007, for the retention\n- [Kafka docs](https://kafka.apache.org)\n\n## Notes\n\n[Other](0005-y.md)\n';
    expect(related(md)).toEqual([
      ['0004-use-kafka.md', 4, 9, 3],
      ['ADR-0007', 7, 10, 3],
    ]);
  });

  it('never takes a bare number or a non-record link for a related record', () => {
    expect(related('# 9. X\n\nThe gateway depends on 3 services and relates to #12.\n')).toEqual([]);
    expect(related('# 9. X\n\nSee also [the RFC](https://example.com/rfc) and the related work.\n')).toEqual([]);
    expect(related('# 9. X\n\n```\nsee also ADR-3\n```\n')).toEqual([]);
  });

  it('reads front matter related / see-also lists, and names each record once', () => {
    const md = '---\nsee-also:\n  - "/enhancements/installer/aws-dns.md"\n  - the wiki\nrelated: ADR-0003\n---\n# 9. X\n\nRelates to ADR-0003.\n';
    expect(related(md)).toEqual([
      ['/enhancements/installer/aws-dns.md', undefined, 2, 1],
      ['ADR-0003', 3, 5, 1],
    ]);
  });

  it('leaves the model without relatesTo when a record names none', () => {
    expect(parse('# 9. X\n\n## Decision\n\nWe will.\n')).not.toHaveProperty('relatesTo');
  });

  it('stays linear on hostile lines of phrases and open brackets', () => {
    // The scanner alone: micromark's own time on such lines is the parser's budget (hostile-documents.test.ts).
    const related = { heading: 'Related', line: 1, endLine: 2 } as Section;
    for (const line of ['see also ['.repeat(20_000), 'relates to [x]('.repeat(20_000), '[ADR-1]('.repeat(20_000)]) {
      const started = performance.now();
      scanRelatedLinks(['', line], new Uint8Array(4), []);
      scanRelatedLinks(['', line], new Uint8Array(4), [related]);
      // Under 100 ms each here; a quadratic scan of these 160-300 KB lines takes minutes.
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
