/**
 * adr-trade-offs reads a cost named outright in the Decision (audit F051,
 * F075): the phrases that count, and the negated, hypothetical, avoided and
 * status-quo uses that do not.
 */
import { describe, expect, it } from 'vitest';
import { namesCost } from '../../../src/core/rule-helpers/negative-consequences.js';

describe('namesCost', () => {
  it.each([
    'This creates a limitation of the design: callers cast the event first.',
    'We think that is an acceptable trade-off.',
    '* After this breaking change, old clients have to be updated.',
    'One drawback is that the schema is split across files.',
    'The one downside of this is that results come back unordered.',
    'This change breaks backward compatibility for plugin authors.',
    'We lose the ability to replay events older than a week.',
    'It trades off memory for speed, a space / time tradeoff.',
  ])('counts %j', (line) => {
    expect(namesCost(line)).toBe(true);
  });

  it.each([
    'Callers that send no token get the first page, so this is not a breaking change.',
    'This extends the mapper without being a breaking change.',
    'Paging removes the current limitation on export size.',
    'Adding it to the interface would be a breaking change, so we add a new one.',
    'To avoid any breaking changes, the old method stays.',
    'Some fixes can be made with non-breaking changes.',
    "The new flag isn't a limitation for existing users.",
    'Callers must send the broker name and need a new client.',
  ])('does not count %j', (line) => {
    expect(namesCost(line)).toBe(false);
  });

  it('stays linear on a long line full of negated costs', () => {
    const time = (line: string): number => {
      const started = performance.now();
      namesCost(line);
      return performance.now() - started;
    };
    const hostile = 'not a limitation, '.repeat(20_000);
    const benign = 'a plain clause, '.repeat(22_500);
    expect(namesCost(hostile)).toBe(false);
    const benignMs = time(benign);
    // Each match looks back a bounded 200 characters: the cost grows with the matches, not with their square.
    expect(time(hostile)).toBeLessThan(Math.max(500, benignMs * 100));
  });
});
