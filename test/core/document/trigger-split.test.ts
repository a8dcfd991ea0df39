import { describe, expect, it } from 'vitest';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { clauses } from '../../../src/core/document/trigger-split.js';
import { builtinChecklists } from '../../helpers/review-options.js';

/** The triggers of an ADR whose revisit section holds `section`, decided 2025-05-10. */
function triggersOf(section: string, body = '') {
  const md = `# 1. Use X\n\nDate: 2025-05-10\n\n## Context\n\nThe context.\n\n${body}## Revisit triggers\n\n${section}\n`;
  return parseDecisionDoc(md, 'docs/adr/0001-use-x.md', 'adr', builtinChecklists()).doc.triggers;
}

// The revisit section starts on line 11 of `triggersOf`'s record.
const LINE = 11;

describe('two conditions in one sentence give two triggers', () => {
  it('splits "…exceeds 2,000 writes/s sustained, or after 12 months" into a threshold and a duration, each with its text and column', () => {
    const line = '- Revisit when write throughput exceeds 2,000 writes/s sustained, or after 12 months.';
    const triggers = triggersOf(line);
    expect(triggers).toHaveLength(2);
    expect(triggers[0]).toMatchObject({
      kind: 'threshold',
      text: 'Revisit when write throughput exceeds 2,000 writes/s sustained',
      line: LINE,
      column: 1,
    });
    expect(triggers[1]).toMatchObject({ kind: 'duration', text: 'after 12 months.', due: '2026-05-10', category: 'calendar', line: LINE });
    expect(triggers[1]!.column).toBe(line.indexOf('after 12 months') + 1);
  });

  it('splits at "; or", " or if" and " or when" too, and in inline sentences', () => {
    expect(triggersOf('- p99 latency > 300 ms for 3 weeks; or monthly spend > $50,000').map((t) => t.kind)).toEqual(['threshold', 'threshold']);
    expect(triggersOf('- in 12 months or if traffic > 10× baseline').map((t) => [t.kind, t.text])).toEqual([
      ['duration', 'in 12 months'],
      ['threshold', 'if traffic > 10× baseline'],
    ]);
    const inline = triggersOf('', '## Decision\n\nWe use X. We will revisit this every 6 months or when the error rate exceeds 2 %.\n\n');
    expect(inline.map((t) => t.kind)).toEqual(['recurring', 'threshold']);
    expect(inline[1]!.text).toBe('when the error rate exceeds 2 %.');
    expect(inline[1]!.line).toBe(11);
    expect(inline[1]!.column).toBe('We use X. We will revisit this every 6 months or '.length + 1);
  });

  it('places a condition written on the next line of the item', () => {
    const triggers = triggersOf('- Scale: more than 5,000 TPS at peak,\n  or after 18 months');
    expect(triggers.map((t) => [t.kind, t.line, t.column])).toEqual([
      ['threshold', LINE, 1],
      ['duration', LINE + 1, 6],
    ]);
    expect(triggers[0]!.category).toBe('scale');
  });
});

describe('sentences that stay one trigger', () => {
  it.each([
    // "or" inside a noun phrase is no clause boundary.
    '- read or write latency exceeds 200 ms at p99',
    '- PostgreSQL or MySQL reaches end of life before 2028-01-01',
    '- traffic grows to 10× baseline or more',
    // The second clause is no condition of its own.
    '- in 12 months, or sooner if needed',
    '- every 6 months, or earlier at the team\'s discretion',
    '- when PostgreSQL, MySQL, or Oracle drops our version',
    // A number with a thousands separator before "or".
    '- spend above $1,000 or 20 % over budget',
  ])('%j', (item) => {
    expect(triggersOf(item)).toHaveLength(1);
  });

  it('finds no boundary in a noun phrase, and one at each ", or"', () => {
    expect(clauses('read or write latency > 200 ms')).toHaveLength(1);
    expect(clauses('a > 1, or b > 2; or after 3 months').map((c) => [c.text, c.boundary])).toEqual([
      ['a > 1', ''],
      ['b > 2', ', or '],
      ['after 3 months', '; or '],
    ]);
  });
});

describe('places inside a trigger', () => {
  it('puts a vague phrase where it is written, not at the sentence start', () => {
    const [trigger] = triggersOf('- We should look at this again **when we grow**, probably.');
    expect(trigger).toMatchObject({ kind: 'vague', vaguePhrase: 'when we grow', line: LINE, column: 1 });
    expect(trigger!.vagueAt).toEqual({ line: LINE, column: '- We should look at this again **'.length + 1 });
  });

  it('puts an impossible date where it is written', () => {
    const [trigger] = triggersOf('- Calendar: revisit by 2027-02-30');
    expect(trigger).toMatchObject({ kind: 'date', impossibleDate: { value: '2027-02-30', line: LINE, column: '- Calendar: revisit by '.length + 1 } });
    expect(trigger!.due).toBeUndefined();
    expect(triggersOf('- Revisit by 2026-13-45')[0]!.impossibleDate?.value).toBe('2026-13-45');
    // A real day, and a date that reads two ways, are not impossible.
    expect(triggersOf('- Revisit by 2027-02-28')[0]!.impossibleDate).toBeUndefined();
    expect(triggersOf('- Revisit by 04/09/2027')[0]!.impossibleDate).toBeUndefined();
  });
});
