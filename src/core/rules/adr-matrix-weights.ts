/**
 * adr-matrix-weights: the criteria weights of a decision matrix add up
 * (100 % ± 0.5, or 1 ± 0.005 for fractions) and every criterion has one;
 * otherwise the weighted scores, and the recommendation built on them, are off.
 * Matrices with relative weights (1-5 importance) or none at all are left alone.
 */
import type { DecisionMatrix } from '../document/model.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/** Rows that summarise scores rather than weigh a criterion. */
const SUMMARY_ROW = /^\s*(?:\*\*)?(?:weighted\s+)?(?:total|sum|score|result|overall|totaal|somme)\b/i;

/** The scale a matrix's weights are written on, inferring it when the parser could not. */
function scaleOf(matrix: DecisionMatrix, weights: number[]): 'percent' | 'fraction' | null {
  if (matrix.weightScale !== 'unknown') return matrix.weightScale;
  if (weights.length === 0) return null;
  const total = weights.reduce((a, b) => a + b, 0);
  // Fractions: every weight below 1, summing to roughly one.
  if (weights.every((w) => w < 1) && total > 0.5 && total < 1.5) return 'fraction';
  // Percentages without the sign: some weight above 10 and a total roughly a hundred.
  if (weights.some((w) => w > 10) && total > 50 && total < 150) return 'percent';
  // Relative importance (1-5, 1-10): no total is expected.
  return null;
}

/** A number as the author would write it: no float noise. */
function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

export const adrMatrixWeights = defineRule(
  {
    id: 'adr-matrix-weights',
    description: 'The weights of a decision matrix add up to 100 % (or 1) and every criterion has one.',
    help: 'A weighted decision matrix only ranks options fairly when its weights add up: adjust them to total 100 % (or 1.0), and give every criterion a weight.',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'document',
    messages: {
      'unweighted-criterion': 'Criterion `{{criterion}}` has no weight{{others}}: give every criterion a weight',
      'percent-total': 'Decision matrix weights add up to {{total}}%, expected 100%: adjust the weights',
      'fraction-total': 'Decision matrix weights add up to {{total}}, expected 1: adjust the weights',
    },
  },
  ({ doc }, report) => {
    for (const matrix of doc.matrices) {
      const criteria = matrix.criteria.filter((c) => !SUMMARY_ROW.test(c.name));
      const weighted = criteria.filter((c) => c.weight !== undefined);
      if (weighted.length === 0) continue;
      const weights = weighted.map((c) => c.weight!);
      const scale = scaleOf(matrix, weights);
      const total = weights.reduce((a, b) => a + b, 0);
      const unit = scale === 'percent' ? '%' : '';
      const unweighted = criteria.filter((c) => c.weight === undefined);
      if (unweighted.length > 0) {
        const others = scale ? `; the others add up to ${formatNumber(total)}${unit}` : '';
        for (const c of unweighted) {
          report('unweighted-criterion', { criterion: c.name, others }, { line: c.line, column: c.column });
        }
        continue;
      }
      if (scale === 'percent' && Math.abs(total - 100) > 0.5) {
        report('percent-total', { total: formatNumber(total) }, { line: matrix.line, column: matrix.column });
      } else if (scale === 'fraction' && Math.abs(total - 1) > 0.005) {
        report('fraction-total', { total: formatNumber(total) }, { line: matrix.line, column: matrix.column });
      }
    }
  },
);
