import { describe, expect, it } from 'vitest';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const options = (md: string) =>
  parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', sampleChecklists).doc.options.map((o) => [o.name, o.line]);

describe('options', () => {
  it('reads sub-headings under an Alternatives section, skipping known structure headings', () => {
    expect(
      options(`# X

## Alternatives considered

### Option 1: Keep the cron job

It works today.

### Option 2: Temporal workflows

#### Pros and cons

Durable, but new to the team.
`),
    ).toEqual([
      ['Option 1: Keep the cron job', 5],
      ['Option 2: Temporal workflows', 9],
    ]);
  });

  it('skips sub-headings that are topics about the options, keeping the options', () => {
    expect(
      options(`# X

## Alternatives

### Evaluation criteria

* Cost, latency, team skills.

### Option 1: PostgreSQL

Mature and known to the team.

### Kafka

Durable log.

### Comparison

| | PostgreSQL | Kafka |
|---|---|---|
| Cost | low | high |

### Decision matrix

Scores below.

### Pros and cons

### Summary

### Notes
`),
    ).toEqual([
      ['Option 1: PostgreSQL', 9],
      ['Kafka', 13],
    ]);
  });

  it('reads the option list when the only sub-heading is a topic', () => {
    expect(options('# X\n\n## Options considered\n\n* Kafka\n* NATS\n\n### Comparison\n\nKafka keeps a log.\n')).toEqual([
      ['Kafka', 5],
      ['NATS', 6],
    ]);
  });

  it('skips French topic sub-headings', () => {
    expect(options("# X\n\n## Options envisagées\n\n### Critères d'évaluation\n\n### PostgreSQL\n\n### Synthèse\n")).toEqual([
      ['PostgreSQL', 7],
    ]);
  });

  it('reads the first line of numbered items and ignores nested lists', () => {
    expect(options('# X\n\n## Options\n\n1. **Postgres**\n   - mature\n2. MySQL\n   second line\n')).toEqual([
      ['Postgres', 5],
      ['MySQL', 7],
    ]);
  });

  it('falls back to the option sub-headings of Pros and Cons', () => {
    expect(options('# X\n\n## Pros and Cons of the Options\n\n### Kafka\n\n* Good\n\n### NATS\n\n* Bad\n')).toEqual([
      ['Kafka', 5],
      ['NATS', 9],
    ]);
  });

  it('finds a single option when only one is written', () => {
    expect(options('# X\n\n## Considered Options\n\n* Kafka\n* {title of option 2}\n')).toEqual([['Kafka', 5]]);
  });

  it('finds none without an options section, list or matrix', () => {
    expect(options('# X\n\n## Decision\n\n* Use Kafka\n')).toEqual([]);
  });
});
