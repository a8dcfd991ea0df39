import { describe, expect, it } from 'vitest';
import { languageOfHeadings, normalizeHeading, sectionKeyFor } from '../../../src/core/document/headings.js';

describe('sectionKeyFor', () => {
  it.each([
    // Nygard / adr-tools
    ['Status', 'status'],
    ['Context', 'context'],
    ['Decision', 'decision'],
    ['Consequences', 'consequences'],
    // MADR 2-4
    ['Context and Problem Statement', 'context'],
    ['Decision Drivers', 'drivers'],
    ['Considered Options', 'options'],
    ['Decision Outcome', 'decision'],
    ['Positive Consequences', 'positive-consequences'],
    ['Negative Consequences', 'negative-consequences'],
    ['Pros and Cons of the Options', 'pros-cons'],
    ['More Information', 'more-information'],
    ['Validation', 'more-information'],
    ['Confirmation', 'more-information'],
    // trade-off template
    ['Options considered', 'options'],
    ['Recommendation', 'decision'],
    ['Trade-offs accepted', 'trade-offs'],
    ['Revisit triggers', 'revisit'],
    ['Decision record', 'decision-record'],
    // synonyms
    ['Background', 'context'],
    ['Abstract', 'context'],
    ['Problem statement', 'context'],
    ['Motivation', 'context'],
    ['Proposal', 'decision'],
    ['Approach', 'decision'],
    ['Implications', 'consequences'],
    ['Neutral', 'consequences'],
    ['Positive', 'positive-consequences'],
    ['Negative', 'negative-consequences'],
    ['Alternatives', 'options'],
    ['Alternative Approaches', 'options'],
    ['Alternatives considered', 'options'],
    ['Rationale', 'rationale'],
    ['Justification', 'rationale'],
    ['Review date', 'revisit'],
    ['When to revisit', 'revisit'],
    ['Review triggers', 'revisit'],
    ['Risks and mitigations', 'risks'],
    ['Rollout plan', 'rollout'],
    ['Rollback', 'rollout'],
    ['Migration', 'rollout'],
    ['Blast radius', 'failure-modes'],
    ['Failure modes', 'failure-modes'],
    ['Deciders', 'participants'],
    ['Decision makers', 'participants'],
    // French MADR
    ['Statut', 'status'],
    ['Contexte et énoncé du problème', 'context'],
    ['Options envisagées', 'options'],
    ['Options considérées', 'options'],
    ['Résultat de la décision', 'decision'],
    ['Décision', 'decision'],
    ['Conséquences', 'consequences'],
    ['Facteurs de décision', 'drivers'],
  ])('%s → %s', (heading, key) => {
    expect(sectionKeyFor(heading)).toBe(key);
  });

  it.each([
    ['1. Context', 'context'],
    ['2) Decision', 'decision'],
    ['3.1 Options', 'options'],
    ['CONSEQUENCES:', 'consequences'],
    ['**Decision Outcome**', 'decision'],
    ['Decision Drivers (optional)', 'drivers'],
    ['Decision Outcome: use Postgres', 'decision'],
  ])('normalises %s → %s', (heading, key) => {
    expect(sectionKeyFor(heading)).toBe(key);
  });

  it('returns null for headings the review does not know', () => {
    expect(sectionKeyFor('Kafka')).toBeNull();
    expect(sectionKeyFor('Appendix B: benchmark numbers')).toBeNull();
    expect(sectionKeyFor('Use Postgres for orders')).toBeNull();
  });
});

describe('normalizeHeading', () => {
  it('drops numbering, emphasis, trailing colons and (optional)', () => {
    expect(normalizeHeading('2.  _Decision_ :')).toBe('decision');
    expect(normalizeHeading('Decision Drivers (optional)')).toBe('decision drivers');
    expect(normalizeHeading('Trade‑offs accepted')).toBe('trade-offs accepted');
  });
});

describe('languageOfHeadings', () => {
  it('is fr when French headings dominate', () => {
    expect(languageOfHeadings(['Utiliser X', 'Statut', 'Contexte', 'Options', 'Décision', 'Conséquences'])).toBe('fr');
  });
  it('is en when English known headings are found', () => {
    expect(languageOfHeadings(['Use X', 'Status', 'Context', 'Decision'])).toBe('en');
  });
  it('is unknown when no known heading is found (German MADR)', () => {
    expect(languageOfHeadings(['Kontext und Problemstellung', 'Entscheidung', 'Options'])).toBe('unknown');
  });
});
