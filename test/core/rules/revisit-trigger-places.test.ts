/**
 * adr-revisit-triggers points at what is wrong, not at the trigger's start: the
 * vague phrase inside a longer sentence, the impossible date after its label.
 * (The fixture test checks lines and messages; this one checks the columns.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/core/review/review.js';
import { reviewOptions } from '../../helpers/review-options.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/docs/adr-revisit-triggers/', import.meta.url));

function findingsOf(name: string) {
  const content = readFileSync(FIXTURES + name, 'utf8');
  const lines = content.split('\n');
  const findings = review([{ path: `docs/adr/${name}`, content, kind: 'adr' }], reviewOptions()).findings.filter(
    (f) => f.ruleId === 'adr-revisit-triggers',
  );
  /** The text a finding's line and column point at. */
  const at = (f: { line?: number; column?: number }) => lines[f.line! - 1]!.slice(f.column! - 1);
  return { findings, at };
}

describe('adr-revisit-triggers places', () => {
  it('a vague-trigger finding points at the vague phrase, not at the sentence start', () => {
    const { findings, at } = findingsOf('not-ok-vague-phrase-column.md');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.column).toBeGreaterThan(3);
    expect(at(findings[0]!)).toMatch(/^when we grow,/);
  });

  it('an impossible-date finding points at the date', () => {
    const { findings, at } = findingsOf('not-ok-impossible-date.md');
    expect(findings.map((f) => at(f))).toEqual(['2027-02-30', '2026-13-45 with the pricing team.']);
  });
});
