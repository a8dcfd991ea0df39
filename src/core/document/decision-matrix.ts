/**
 * Decision matrices: GFM tables of weighted criteria and a score per option
 * (trade-off template, domain.md section 5). Either criteria are rows with a
 * Weight column and options are the score columns, or criteria are columns
 * with a Weight row and options are the other rows. One pass over the cells,
 * so 10,000-row tables stay cheap.
 */
import type { Table } from 'mdast';
import type { DecisionMatrix, MatrixCriterion } from './model.js';
import { plainText } from './plain-text.js';

const WEIGHT = /^\s*(?:weights?|weighting|poids|pondération|importance)\b/i;
// Rows and columns that sum or comment rather than score.
const NOT_SCORED = /^\s*(?:(?:weighted\s+)?(?:total|sum|score)s?|notes?|comments?|rationale|justification|description|remarks?)\b/i;

/** A weight as written (`30%`, `0.3`, `3`, `0,3`); percent tells whether a `%` was written. */
export function parseWeight(text: string): { value: number; percent: boolean } | undefined {
  const m = /(\d+(?:[.,]\d+)?|[.,]\d+)\s*(%)?/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]!.replace(',', '.'));
  return Number.isFinite(value) ? { value, percent: m[2] === '%' } : undefined;
}

/** The decision matrix a table holds, or undefined when it has no weight column or row and no scored option. */
export function readDecisionMatrix(table: Table): DecisionMatrix | undefined {
  const rows = table.children.map((row) => row.children.map((cell) => plainText(cell).trim()));
  const header = rows[0];
  if (!header || rows.length < 2) return undefined;
  const weightCol = header.findIndex((h) => WEIGHT.test(h));
  return weightCol >= 0 ? byWeightColumn(table, rows, weightCol) : byWeightRow(table, rows);
}

function byWeightColumn(table: Table, rows: string[][], weightCol: number): DecisionMatrix | undefined {
  const header = rows[0]!;
  const nameCol = weightCol === 0 ? 1 : 0;
  const scored = new Uint8Array(header.length);
  const criteria: MatrixCriterion[] = [];
  const weights: { value: number; percent: boolean }[] = [];
  for (let r = 1; r < rows.length; r += 1) {
    const cells = rows[r]!;
    const name = cells[nameCol] ?? '';
    if (name === '' || NOT_SCORED.test(name)) continue;
    const criterion: MatrixCriterion = { name, ...placeOf(table, r) };
    const weight = parseWeight(cells[weightCol] ?? '');
    if (weight) {
      criterion.weight = weight.value;
      weights.push(weight);
    }
    criteria.push(criterion);
    for (let c = 0; c < header.length; c += 1) if (/\d/.test(cells[c] ?? '')) scored[c] = 1;
  }
  const options = header.filter(
    (h, c) => c !== nameCol && c !== weightCol && scored[c] === 1 && h !== '' && !NOT_SCORED.test(h),
  );
  return options.length > 0 && criteria.length > 0 ? matrix(table, criteria, weights, options) : undefined;
}

function byWeightRow(table: Table, rows: string[][]): DecisionMatrix | undefined {
  const header = rows[0]!;
  const weightRow = rows.findIndex((cells, r) => r > 0 && WEIGHT.test(cells[0] ?? ''));
  if (weightRow < 0) return undefined;
  const criteria: MatrixCriterion[] = [];
  const weights: { value: number; percent: boolean }[] = [];
  const place = placeOf(table, 0);
  for (let c = 1; c < header.length; c += 1) {
    const name = header[c]!;
    if (name === '' || NOT_SCORED.test(name)) continue;
    const criterion: MatrixCriterion = { name, ...place };
    const weight = parseWeight(rows[weightRow]![c] ?? '');
    if (weight) {
      criterion.weight = weight.value;
      weights.push(weight);
    }
    criteria.push(criterion);
  }
  const options: string[] = [];
  for (let r = 1; r < rows.length; r += 1) {
    const name = rows[r]![0] ?? '';
    if (r !== weightRow && name !== '' && !NOT_SCORED.test(name)) options.push(name);
  }
  return options.length > 0 && criteria.length > 0 ? matrix(table, criteria, weights, options) : undefined;
}

function matrix(
  table: Table,
  criteria: MatrixCriterion[],
  weights: { value: number; percent: boolean }[],
  options: string[],
): DecisionMatrix {
  let total = 0;
  let percentWritten = false;
  for (const w of weights) {
    total += w.value;
    percentWritten ||= w.percent;
  }
  // Floating sums of fractions (0.1 + 0.2) need rounding to compare with 1.
  const weightTotal = Math.round(total * 1e6) / 1e6;
  const weightScale: DecisionMatrix['weightScale'] =
    percentWritten || Math.abs(weightTotal - 100) <= 5
      ? 'percent'
      : Math.abs(weightTotal - 1) <= 0.05
        ? 'fraction'
        : 'unknown';
  return {
    ...placeOf(table, -1),
    endLine: table.position?.end.line ?? 1,
    criteria,
    weightTotal,
    weightScale,
    options,
  };
}

/** Place of a row (or of the table for -1). */
function placeOf(table: Table, row: number): { line: number; column: number } {
  const node = row < 0 ? table : table.children[row];
  return { line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1 };
}
