import { describe, expect, it } from 'vitest';
import { buildSections, indexBlocks, isGuidanceOnly } from '../../../src/core/document/sections.js';
import { parseMarkdown } from '../../../src/core/document/parse-markdown.js';

const sectionsOf = (md: string) => buildSections(indexBlocks(parseMarkdown(md))).map((s) => s.section);

describe('buildSections', () => {
  it('gives each heading its content up to the next heading of the same or lower depth', () => {
    const sections = sectionsOf(`# 3. Use gRPC internally

## 1. Context

Services talk JSON over HTTP.

* p99 is 40 ms today

## 2) Decision

Use gRPC between services.

### Consequences

Proto files live in \`api/\`.

## Rationale:

Typed contracts.
`);
    expect(sections.map((s) => [s.heading, s.key, s.depth, s.line, s.endLine])).toEqual([
      ['3. Use gRPC internally', null, 1, 1, 19],
      ['1. Context', 'context', 2, 3, 7],
      ['2) Decision', 'decision', 2, 9, 15],
      ['Consequences', 'consequences', 3, 13, 15],
      ['Rationale:', 'rationale', 2, 17, 19],
    ]);
    expect(sections[1]!.text).toBe('Services talk JSON over HTTP.\np99 is 40 ms today');
    expect(sections[2]!.text).toBe('Use gRPC between services.\nConsequences\nProto files live in api/.');
  });

  it('keeps the plain text of emphasis, links and code', () => {
    const [, context] = sectionsOf('# T\n\n## Context\n\nWe use **[Kafka](https://kafka.apache.org)** and `acks=all`.\n');
    expect(context!.text).toBe('We use Kafka and acks=all.');
  });

  it('marks sections with only guidance, comments, TODO or N/A as empty', () => {
    const sections = sectionsOf(`# T

## Context

<!-- Describe the forces at play -->

## Decision Drivers

* [driver 1, e.g., a force, facing concern, …]
* {decision driver 2}

## Consequences

TODO: fill in after the spike

## Risks

N/A

## Rollout

Behind a flag, 5 % then 50 % then 100 %.

## Options

### Option A

{description}
`);
    expect(sections.map((s) => [s.key, s.empty])).toEqual([
      [null, false],
      ['context', true],
      ['drivers', true],
      ['consequences', true],
      ['risks', true],
      ['rollout', false],
      ['options', true],
      [null, true],
    ]);
  });

  it('does not read a bare Options heading over an API\'s settings as considered options', () => {
    const settings = sectionsOf(
      '# T\n\n## Options\n\nA request may carry:\n\n- `limit` (int): at most this many\n- `cursor` (string): where to start\n',
    );
    expect(settings[1]).toMatchObject({ heading: 'Options', key: null });
    // The same shape without types, schema or settings words: names of alternatives written as code.
    const alternatives = sectionsOf('# T\n\n## Options\n\n- `NNNN-title.md` - sorts by number\n- `YYYY-MM-DD-title.md` - sorts by date\n');
    expect(alternatives[1]).toMatchObject({ heading: 'Options', key: 'options' });
    // "Considered Options" always lists alternatives.
    const considered = sectionsOf('# T\n\n## Considered Options\n\n- `limit` (int): one\n- `cursor` (string): two\n');
    expect(considered[1]).toMatchObject({ key: 'options' });
  });

  it('a section with no content ends on its heading line', () => {
    const [, status] = sectionsOf('# T\n\n## Status\n## Context\n\nx\n');
    expect(status).toMatchObject({ key: 'status', line: 3, endLine: 3, empty: true, text: '' });
  });
});

describe('Section.textLines', () => {
  const md = [
    '# Design: search v2', // 1
    '', // 2
    '## Design', // 3
    '', // 4
    'First paragraph wraps', // 5
    'onto a second line.', // 6
    '', // 7
    'Second paragraph with a hard break  ', // 8
    'after it.', // 9
    '', // 10
    '- item one', // 11
    '  continued', // 12
    '- item two', // 13
    '', // 14
    '| Option | Score |', // 15
    '|---|---|', // 16
    '| Kafka | 3 |', // 17
    '| | 4 |', // 18
    '', // 19
    '```yaml', // 20
    'replicas: 3', // 21
    'zones: 2', // 22
    '```', // 23
    '', // 24
    '    indented code', // 25
    '', // 26
    '> quoted one', // 27
    '>', // 28
    '> quoted two', // 29
    '', // 30
    '### Capacity', // 31
    '', // 32
    'Headroom of 3x.', // 33
    '',
  ].join('\n');

  it('maps every line of a section\'s text to its source line', () => {
    const [, design, capacity] = sectionsOf(md);
    const lines = design!.text.split('\n');
    expect(lines).toEqual([
      'First paragraph wraps',
      'onto a second line.',
      'Second paragraph with a hard break',
      'after it.',
      'item one',
      'continued',
      'item two',
      'Option | Score',
      'Kafka | 3',
      '4',
      'replicas: 3',
      'zones: 2',
      'indented code',
      'quoted one',
      'quoted two',
      'Capacity',
      'Headroom of 3x.',
    ]);
    expect(design!.textLines).toEqual([5, 6, 8, 9, 11, 12, 13, 15, 17, 18, 21, 22, 25, 27, 29, 31, 33]);
    expect(capacity!.textLines).toEqual([33]);
  });

  it('gives an empty section an empty map', () => {
    const [, status] = sectionsOf('# T\n\n## Status\n## Context\n\nx\n');
    expect(status!.textLines).toEqual([]);
  });
});

describe('isGuidanceOnly', () => {
  it('is true for template hints and markers', () => {
    expect(isGuidanceOnly('{Describe the context and problem statement}')).toBe(true);
    expect(isGuidanceOnly('[list everyone involved in the decision]')).toBe(true);
    expect(isGuidanceOnly('TBD')).toBe(true);
    expect(isGuidanceOnly('N.A.')).toBe(true);
    expect(isGuidanceOnly('  …  ')).toBe(true);
  });
  it('is false for real content, even with a bracket in it', () => {
    expect(isGuidanceOnly('We chose Kafka [see benchmark].')).toBe(false);
    expect(isGuidanceOnly('Utiliser PostgreSQL')).toBe(false);
    expect(isGuidanceOnly('42')).toBe(false);
  });
});
