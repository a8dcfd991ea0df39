import type { DecisionDoc, RevisitTrigger } from '../../../src/core/document/model.js';
import type { DocCoverage } from '../../../src/core/coverage-model.js';
import type { Review } from '../../../src/core/review-model.js';

/** A minimal parsed document for renderer tests. */
export function doc(path: string, kind: DecisionDoc['kind'] = 'adr', triggers: RevisitTrigger[] = []): DecisionDoc {
  return {
    path,
    kind,
    lineCount: 30,
    frontMatter: null,
    participants: [],
    sections: [],
    options: [],
    matrices: [],
    tradeOffs: [],
    triggers,
    supersedes: [],
    supersededBy: [],
    language: 'en',
    placeholders: [],
    problems: [],
  };
}

/** Coverage of a design doc: 4 pillars addressed, 1 n/a, 1 missing; 4 of 5 questions. */
export function designCoverage(path: string): DocCoverage {
  return {
    path,
    kind: 'design-doc',
    pillars: [
      { id: 'operational-excellence', name: 'Operational excellence', state: 'addressed', line: 12, evidence: 'runbook' },
      { id: 'security', name: 'Security', state: 'addressed', line: 14, evidence: 'least privilege' },
      { id: 'reliability', name: 'Reliability', state: 'addressed', line: 20, evidence: 'retries' },
      { id: 'performance-efficiency', name: 'Performance efficiency', state: 'addressed', line: 22, evidence: 'caching' },
      { id: 'cost-optimization', name: 'Cost optimization', state: 'not-applicable', line: 30, evidence: 'internal tool' },
      { id: 'sustainability', name: 'Sustainability', state: 'missing' },
    ],
    questions: [
      { id: 'problem', text: 'What problem?', answered: true, line: 3 },
      { id: 'constraints', text: 'Constraints?', answered: true, line: 5 },
      { id: 'options', text: 'Options?', answered: true, line: 8 },
      { id: 'trade-offs', text: 'Trade-offs?', answered: false },
      { id: 'recommendation', text: 'Recommendation?', answered: true, line: 10 },
    ],
    triggers: { total: 3, byKind: { date: 1, duration: 0, recurring: 0, threshold: 2, vague: 0 }, due: 1 },
    lenses: [],
  };
}

/** A review with two ADRs (one with findings), a design doc and a skipped file. */
export function sampleReview(): Review {
  return {
    findings: [
      { ruleId: 'adr-revisit-triggers', severity: 'warning', message: 'Missing revisit triggers, expected a "Revisit" section', file: 'docs/adr/0002-use-kafka.md', line: 1, column: 1, suggestion: '## Revisit\n\n- ' },
      { ruleId: 'adr-status', messageId: 'unexpected', severity: 'error', message: 'Unexpected status "Acepted", expected one of proposed, accepted', file: 'docs/adr/0002-use-kafka.md', line: 5, column: 1, endLine: 5, endColumn: 8 },
      { ruleId: 'design-pillars', severity: 'warning', message: 'Missing pillar: sustainability', file: 'docs/design/search.md', line: 1, column: 1 },
      { ruleId: 'front-matter-invalid', severity: 'error', message: 'Invalid front matter: bad indentation', file: 'docs/adr/0003-broken.md', line: 2, column: 3 },
    ],
    coverage: [
      designCoverage('docs/design/search.md'),
      {
        path: 'docs/adr/0002-use-kafka.md',
        kind: 'adr',
        pillars: [],
        questions: [
          { id: 'problem', text: 'What problem?', answered: true, line: 3 },
          { id: 'options', text: 'Options?', answered: false },
        ],
        triggers: { total: 0, byKind: { date: 0, duration: 0, recurring: 0, threshold: 0, vague: 0 }, due: 0 },
        lenses: [],
      },
    ],
    documents: [doc('docs/adr/0001-record.md'), doc('docs/adr/0002-use-kafka.md'), doc('docs/adr/0003-broken.md'), doc('docs/design/search.md', 'design-doc')],
    skipped: [{ path: 'docs/adr/diagram.md', reason: 'binary file' }],
  };
}

/** A review without findings. */
export function cleanReview(): Review {
  return { findings: [], coverage: [], documents: [doc('docs/adr/0001-record.md')], skipped: [] };
}
