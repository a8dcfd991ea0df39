import { describe, expect, it } from 'vitest';
import { normalizeStatus } from '../../../src/core/document/status.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

describe('normalizeStatus', () => {
  it.each([
    ['Accepted', 'accepted'],
    ['ACCEPTED', 'accepted'],
    ['**Accepted**', 'accepted'],
    ['Accepted (PR #2897)', 'accepted'],
    ['Superseded by [ADR-0020](0020-x.md)', 'superseded'],
    ['Reverted by [discussion](https://github.com/org/repo/discussions/12)', 'reverted'],
    ['Rejected in favour of ADR 111', 'rejected'],
    ['Implemented', 'implemented'],
    ['Pending', 'pending'],
    ['In review', 'in-review'],
    ['On hold', 'on-hold'],
    ['Withdrawn', 'withdrawn'],
    ['Draft', 'draft'],
    ['Deprecated', 'deprecated'],
    ['Amended by ADR-12', 'amended'],
    ['Proposed, then accepted on 2021-01-04', 'proposed'],
    ['Accepté', 'accepted'],
    ['Proposé', 'proposed'],
    ['Rejeté', 'rejected'],
    ['Déprécié', 'deprecated'],
    ['Remplacé par ADR-0007', 'superseded'],
  ])('%s → %s', (raw, word) => {
    expect(normalizeStatus(raw)).toMatchObject({ normalized: word, placeholder: false });
  });

  it('keeps the date written with the status', () => {
    expect(normalizeStatus('2020-03-25 accepted')).toEqual({ normalized: 'accepted', placeholder: false, date: '2020-03-25', known: true });
  });

  it('keeps an unknown word as the first word, lower-cased', () => {
    expect(normalizeStatus('Ratified by the architecture board')).toEqual({ normalized: 'ratified', placeholder: false });
  });

  it.each([
    '[proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]',
    'What is the status, such as proposed, accepted, rejected, deprecated, superseded, etc.?',
    '{status}',
    '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}',
    'proposed | accepted | rejected',
    'TBD',
    '',
  ])('flags template guidance %j as a placeholder', (raw) => {
    expect(normalizeStatus(raw)).toEqual({ normalized: null, placeholder: true });
  });
});

describe('status in documents', () => {
  const parse = (source: string) => parseDecisionDoc(source, 'docs/adr/0001-x.md', 'adr', sampleChecklists).doc;

  it('reads `- **Status**: Proposed` as a field line with its raw markdown', () => {
    const doc = parse('# Use X\n\n- **Status**: Proposed\n- **Date**: 2024-01-02\n');
    expect(doc.status).toEqual({ raw: 'Proposed', normalized: 'proposed', placeholder: false, source: 'field', line: 3, column: 1 });
  });

  it('reads `Status: Accepted` in a metadata paragraph', () => {
    const doc = parse('# Use X\n\nStatus: Accepted  \nDate: 2024-01-02\n\n## Context\n\nText.\n');
    expect(doc.status).toMatchObject({ normalized: 'accepted', source: 'field', line: 3 });
  });

  it('reads `## Status: Accepted` written as a heading', () => {
    const doc = parse('# Use X\n\n## Status: Accepted\n\n## Context\n\nText.\n');
    expect(doc.status).toMatchObject({ normalized: 'accepted', source: 'field', line: 3 });
  });

  it('reads the first non-empty block of a Status section, skipping guidance comments', () => {
    const doc = parse('# Use X\n\n## Status\n\n<!-- proposed, accepted, … -->\n\n* **Accepted** (PR #2897)\n\nSupersedes ADR 2.\n');
    expect(doc.status).toMatchObject({ raw: '**Accepted** (PR #2897)', normalized: 'accepted', source: 'section', line: 7 });
  });

  it('reports an empty Status section as a placeholder at its heading', () => {
    const doc = parse('# Use X\n\n## Status\n\n<!-- fill in -->\n\n## Context\n\nText.\n');
    expect(doc.status).toMatchObject({ raw: '', normalized: null, placeholder: true, source: 'section', line: 3 });
  });

  it('prefers front matter over the body', () => {
    const doc = parse('---\nstatus: deprecated\n---\n# Use X\n\n## Status\n\nAccepted\n');
    expect(doc.status).toMatchObject({ normalized: 'deprecated', source: 'front-matter', line: 2 });
  });

  it('does not read a Status line inside a code block', () => {
    const doc = parse('# Use X\n\n```yaml\nStatus: accepted\n```\n');
    expect(doc.status).toBeUndefined();
  });
});
