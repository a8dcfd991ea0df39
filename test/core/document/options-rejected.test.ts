/**
 * Alternatives turned down in prose and headings over alternatives (issue 9,
 * final audit F002, F036, F053, F061, F087, F100): each shape is written in
 * our own words after a real record, with the near miss that must not count.
 */
import { describe, expect, it } from 'vitest';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const parse = (source: string) => parseDecisionDoc(source, 'docs/adr/0001-x.md', 'adr', sampleChecklists).doc;
const inProse = (source: string) => (parse(source).optionsInProse ?? []).map((o) => [o.line, o.value]);

describe('a labelled alternative', () => {
  it.each([
    ['a plain label paragraph', 'Alternative approach\n\nA reviewer wanted a flag on the old list, but it would need a second format.'],
    ['a bold label paragraph', '**Alternatives considered**\n\nA cron job: dropped because it cannot retry.'],
    ['a label on the first line', 'Alternative approach\nKeeping the queue was simpler, but it loses messages on restart.'],
    ['a label before a colon', '**Rejected option:** a shared database, since every team would then own its schema.'],
  ])('counts %s', (_name, body) => {
    expect(inProse(`# X\n\n## Decision\n\nWe use a queue.\n\n${body}\n`)).toHaveLength(1);
  });

  it.each([
    ['says there is none', '**Alternatives**\n\nNone.'],
    ['gives no reason', 'Alternative approach\n\nA flag on the old list.'],
    ['labels settings', 'Other options: `--quiet` is not changed.'],
    ['is a sentence, not a label', 'An alternative approach to hosting is described in ADR 3, but not here.'],
  ])('does not count a label that %s', (_name, body) => {
    expect(inProse(`# X\n\n## Decision\n\nWe use a queue.\n\n${body}\n`)).toEqual([]);
  });
});

describe('an alternative dismissed in a sentence', () => {
  it.each([
    'The ideal fix would be to keep the history. Sadly that is not possible this year.',
    'An obvious approach would be a second index, but it doubles the writes.',
    'There was a proposal to sign the manifest too, but nobody holds the key.',
    'My personal preference is the standard logger (see Appendix A.), but that is too big a change.',
    'I would have preferred a new table, but the migration window is too short.',
  ])('reads %j', (sentence) => {
    expect(inProse(`# X\n\n## Context\n\n${sentence}\n`)).toMatchObject([[5, expect.any(String)]]);
  });

  it.each([
    'The ideal fix would be to keep the history, and this record does so.',
    'There was a proposal to archive old rows, and this record adopts it.',
    'My preference is the hosted service, and the team agreed.',
    'There was a proposal. It was accepted, but late.',
  ])('does not read %j', (sentence) => {
    expect(inProse(`# X\n\n## Context\n\n${sentence}\n`)).toEqual([]);
  });
});

describe('the usual approach refused in the Decision', () => {
  const context = 'A common answer is for each client to wrap the container in an adapter.';
  const decision = 'We declare factories. We will not write a wrapper over containers.';

  it('counts the refusal when the Context described the approach', () => {
    expect(inProse(`# X\n\n## Context\n\n${context}\n\n## Decision\n\n${decision}\n`)).toEqual([[9, 'We will not write']]);
  });

  it('does not count a refusal alone (scope, not an option)', () => {
    expect(inProse(`# X\n\n## Context\n\nClients are slow.\n\n## Decision\n\n${decision}\n`)).toEqual([]);
  });

  it('does not count the approach alone (it may be the one chosen)', () => {
    expect(inProse(`# X\n\n## Context\n\n${context}\n\n## Decision\n\nWe do the same.\n`)).toEqual([]);
  });
});

describe('headings over alternatives', () => {
  it.each([
    ['### Existing solutions: ORMs', 'They leak the database through the abstraction.'],
    ['### Prior art', 'Two other frameworks solve this with code generation.'],
    ['### Contrast with Django', 'Django renders templates; ours are copied once.'],
    ['### Comparison with gRPC', 'gRPC needs generated stubs.'],
    ['### Alternative design', 'A single table for all tenants, dropped for isolation.'],
  ])('counts %j with content', (heading, text) => {
    expect(inProse(`# X\n\n## Context\n\nClients are slow.\n\n${heading}\n\n${text}\n\n## Decision\n\nWe do Y.\n`)).toEqual([
      [7, heading.replace(/^#+ /, '')],
    ]);
  });

  it('does not count such a heading without content', () => {
    expect(inProse('# X\n\n## Context\n\nClients are slow.\n\n### Prior art\n\n## Decision\n\nWe do Y.\n')).toEqual([]);
  });

  it('counts "Approaches" over two sub-headings, not over one', () => {
    const two = '## Approaches\n\n### Polling\n\nSimple, slow.\n\n### Webhooks\n\nFast, needs an endpoint.\n';
    expect(inProse(`# X\n\n${two}\n## Decision\n\nWebhooks.\n`)).toEqual([[3, 'Approaches']]);
    const one = '## Approaches\n\n### Webhooks\n\nFast, needs an endpoint.\n';
    expect(inProse(`# X\n\n${one}\n## Decision\n\nWebhooks.\n`)).toEqual([]);
  });

  it('does not count the descriptive sub-headings of a spec', () => {
    const spec = '### Background\n\nOne file per request.\n\n### Terminology\n\nA batch is a set of files.\n\n### Existing tools\n\nWe use curl.\n';
    expect(inProse(`# X\n\n## Context\n\n${spec}\n## Decision\n\nBatches.\n`)).toEqual([]);
  });
});
