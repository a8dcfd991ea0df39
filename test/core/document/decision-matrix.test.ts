import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { parseWeight, readDecisionMatrix } from '../../../src/core/document/decision-matrix.js';
import { parseMarkdown } from '../../../src/core/document/parse-markdown.js';

const table = (md: string): Table => {
  const node = parseMarkdown(md).children.find((n) => n.type === 'table');
  if (!node || node.type !== 'table') throw new Error('no table in fixture');
  return node;
};

describe('parseWeight', () => {
  it('reads percent, fraction, integer and comma decimals', () => {
    expect(parseWeight('30%')).toEqual({ value: 30, percent: true });
    expect(parseWeight('0.3')).toEqual({ value: 0.3, percent: false });
    expect(parseWeight('3')).toEqual({ value: 3, percent: false });
    expect(parseWeight('0,25')).toEqual({ value: 0.25, percent: false });
    expect(parseWeight('high')).toBeUndefined();
  });
});

describe('readDecisionMatrix', () => {
  it('reads criteria rows with a Weight column and fraction weights', () => {
    const m = readDecisionMatrix(
      table(`| Criterion | Weight | Kafka | RabbitMQ | Notes |
|---|---|---|---|---|
| Throughput | 0.4 | 5 | 3 | measured |
| Team expertise | 0.35 | 4 | 2 | |
| Cost | 0.25 | 3 | 4 | |
| Total | 1.0 | 4.15 | 2.9 | |
`),
    );
    expect(m).toMatchObject({ line: 1, endLine: 6, weightTotal: 1, weightScale: 'fraction', options: ['Kafka', 'RabbitMQ'] });
    expect(m?.criteria.map((c) => [c.name, c.weight, c.line])).toEqual([
      ['Throughput', 0.4, 3],
      ['Team expertise', 0.35, 4],
      ['Cost', 0.25, 5],
    ]);
  });

  it('reads a Weight row with criteria as columns', () => {
    const m = readDecisionMatrix(
      table(`| Option | Performance | Cost | Risk |
|---|---|---|---|
| Weight | 50 | 30 | 20 |
| Postgres | 4 | 4 | 5 |
| DynamoDB | 5 | 3 | 3 |
`),
    );
    expect(m).toMatchObject({ weightTotal: 100, weightScale: 'percent', options: ['Postgres', 'DynamoDB'] });
    expect(m?.criteria.map((c) => [c.name, c.weight])).toEqual([
      ['Performance', 50],
      ['Cost', 30],
      ['Risk', 20],
    ]);
  });

  it('reports weights on a 1-5 scale as unknown scale with their sum', () => {
    const m = readDecisionMatrix(table(`| Criterion | Weight | A | B |\n|---|---|---|---|\n| Speed | 3 | 1 | 2 |\n| Cost | 5 | 2 | 1 |\n`));
    expect(m).toMatchObject({ weightTotal: 8, weightScale: 'unknown' });
  });

  it('is not a matrix without weights or without scored options', () => {
    expect(readDecisionMatrix(table(`| Option | Pros | Cons |\n|---|---|---|\n| Kafka | replay | ops |\n`))).toBeUndefined();
    expect(readDecisionMatrix(table(`| Criterion | Weight | Notes |\n|---|---|---|\n| Cost | 30% | cheap |\n`))).toBeUndefined();
  });
});
