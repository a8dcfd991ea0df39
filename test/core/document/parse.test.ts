import { describe, expect, it } from 'vitest';
import { findSection } from '../../../src/core/document/model.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const parse = (source: string, path = 'doc/adr/0001-x.md', kind: 'adr' | 'design-doc' = 'adr') =>
  parseDecisionDoc(source, path, kind, sampleChecklists).doc;

// adr-tools' own first record, verbatim in shape.
const NYGARD = `# 1. Record architecture decisions

Date: 2016-02-12

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as described by Michael Nygard in this article: http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions

## Consequences

See Michael Nygard's article, linked above. For a lightweight ADR toolset, see Nat Pryce's _adr-tools_ at https://github.com/npryce/adr-tools.
`;

const MADR2 = `# Use Markdown Architectural Decision Records

* Status: accepted
* Deciders: Oliver Kopp, Stefan Kapferer
* Date: 2017-12-04

Technical Story: [description | ticket/issue URL] <!-- optional -->

## Context and Problem Statement

We want to record architectural decisions made in this project.
Which format and structure should these records follow?

## Considered Options

* [MADR](https://adr.github.io/madr/) 2.1.2 – The Markdown Architectural Decision Records
* [Michael Nygard's template](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions) – The first incarnation of the term "ADR"
* Formless – No conventions for file format and structure

## Decision Outcome

Chosen option: "MADR 2.1.2", because

* Implicit assumptions should be made explicit.
* The MADR format is lean and fits our development style.

### Positive Consequences <!-- optional -->

* Design decisions are documented.

### Negative Consequences <!-- optional -->

* [e.g., compromising quality attribute, follow-up decisions required, …]
`;

const MADR3 = `---
status: "accepted"
date: 2022-11-05
deciders: Alice Martin, Bob Chen
consulted: Carol
informed: Dave
---
# Publish order events through Kafka

## Context and Problem Statement

Payment confirmation is coupled to order processing; a slow payment provider stalls checkout.

## Decision Drivers

* p99 checkout latency under 300 ms
* The team already runs Kafka for analytics

## Considered Options

* Kafka
* RabbitMQ
* Do nothing

## Decision Outcome

Chosen option: "Kafka", because the team already operates it. This is a two-way door for consumers.

### Consequences

* Good, because checkout no longer waits on the provider.
* Bad, because we run one more consumer group, at the cost of extra on-call load.

### Confirmation

Load test before launch.

## Pros and Cons of the Options

### Kafka

* Good, because retained log allows replay.

### RabbitMQ

* Bad, because nobody here runs it.

## More Information

Revisit in 6 months.
`;

// MADR 4's template, not filled in.
const MADR4_TEMPLATE = `---
# These are optional metadata elements. Feel free to remove any of them.
status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"
date: {YYYY-MM-DD when the decision was last updated}
decision-makers: {list everyone involved in the decision}
---

# {short title, representative of solved problem and found solution}

## Context and Problem Statement

{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story. You may want to articulate the problem in form of a question and add links to collaboration boards or issue management systems.}

<!-- This is an optional element. Feel free to remove. -->
## Decision Drivers

* {decision driver 1, e.g., a force, facing concern, …}

## Considered Options

* {title of option 1}
* {title of option 2}

## Decision Outcome

Chosen option: "{title of option 1}", because {justification}.
`;

const TRADE_OFF = `# Trade-off analysis: primary datastore for orders

## Context

Orders live in a single MongoDB replica set that is at 80 % disk. This is a Type 1 decision (one-way door): the primary database is hard to move later.

## Options considered

| Criterion | Weight | PostgreSQL | DynamoDB | Stay on MongoDB |
|---|---|---|---|---|
| Performance | 25% | 4 | 5 | 3 |
| Cost | 20% | 4 | 3 | 3 |
| Team expertise | 20% | 5 | 2 | 4 |
| Time to implement | 15% | 3 | 3 | 5 |
| Maintainability | 10% | 4 | 4 | 2 |
| Risk | 10% | 4 | 3 | 3 |
| **Weighted total** | | 4.05 | 3.45 | 3.4 |

## Recommendation

Move orders to PostgreSQL 16 on RDS, Multi-AZ.

## Trade-offs accepted

- We give up DynamoDB's elastic write scaling in exchange for relational integrity and team familiarity.
- Main risk: the migration window. Mitigation: dual writes behind a feature flag.

## Revisit triggers

- Write throughput > 5,000 TPS sustained for a week
- Monthly database spend > $8,000
- Revisit later

## Decision record

- Date: 2026-05-10
- Participants: Priya (eng lead), Marco (SRE)
- Status: accepted
`;

const FRENCH = `# Utiliser PostgreSQL pour les commandes

## Statut

Accepté

## Contexte et énoncé du problème

Les commandes sont stockées dans MongoDB et le disque est plein à 80 %.

## Facteurs de décision

* Cohérence transactionnelle

## Options envisagées

* PostgreSQL
* MongoDB sharded

## Résultat de la décision

Option choisie : « PostgreSQL », car l'équipe le maîtrise.

## Conséquences

* Bon, parce que les transactions sont simples.
`;

const DECISION_FIRST = `# ADR 7 - Use feature flags for risky rollouts

## Decision

We will ship risky changes behind feature flags managed in LaunchDarkly.

## Context

Two incidents last quarter came from big-bang releases.

## Alternatives

- Long-lived release branches
- Release trains every two weeks

## Implications

Flags must be removed within 30 days of full rollout.
`;

describe('buildDecisionDoc: Nygard / adr-tools', () => {
  const doc = parse(NYGARD, 'doc/adr/0001-record-architecture-decisions.md');
  it('reads title, numbers, status, date', () => {
    expect(doc.title).toEqual({ value: '1. Record architecture decisions', line: 1, column: 1 });
    expect(doc.titleNumber?.value).toBe(1);
    expect(doc.fileNumber).toBe(1);
    expect(doc.status).toMatchObject({ raw: 'Accepted', normalized: 'accepted', placeholder: false, source: 'section', line: 7 });
    expect(doc.date).toMatchObject({ raw: '2016-02-12', iso: '2016-02-12', source: 'field', line: 3, ambiguous: false });
  });
  it('reads the four sections with keys, lines and text', () => {
    expect(doc.sections.map((s) => [s.key, s.line, s.endLine])).toEqual([
      [null, 1, 19],
      ['status', 5, 7],
      ['context', 9, 11],
      ['decision', 13, 15],
      ['consequences', 17, 19],
    ]);
    expect(findSection(doc, 'context')?.text).toBe('We need to record the architectural decisions made on this project.');
    expect(doc.language).toBe('en');
    expect(doc.lineCount).toBe(19);
    expect(doc.frontMatter).toBeNull();
  });
  it('finds no options, triggers, placeholders or problems', () => {
    expect(doc.options).toEqual([]);
    expect(doc.triggers).toEqual([]);
    expect(doc.placeholders).toEqual([]);
    expect(doc.problems).toEqual([]);
    expect(doc.decisionType).toBeUndefined();
  });
});

describe('buildDecisionDoc: MADR 2', () => {
  const doc = parse(MADR2, 'docs/adr/0000-use-markdown-architectural-decision-records.md');
  it('reads field-line status, deciders and date', () => {
    expect(doc.status).toMatchObject({ normalized: 'accepted', source: 'field', line: 3, column: 1 });
    expect(doc.participants.map((p) => [p.value, p.line])).toEqual([
      ['Oliver Kopp', 4],
      ['Stefan Kapferer', 4],
    ]);
    expect(doc.date).toMatchObject({ iso: '2017-12-04', source: 'field', line: 5 });
    expect(doc.fileNumber).toBe(0);
    expect(doc.titleNumber).toBeUndefined();
  });
  it('reads options as the first line of each list item', () => {
    expect(doc.options.map((o) => [o.name, o.line])).toEqual([
      ['MADR 2.1.2 – The Markdown Architectural Decision Records', 16],
      ["Michael Nygard's template – The first incarnation of the term \"ADR\"", 17],
      ['Formless – No conventions for file format and structure', 18],
    ]);
  });
  it('keys MADR headings with an <!-- optional --> marker and flags template leftovers', () => {
    expect(doc.sections.map((s) => s.key)).toContain('positive-consequences');
    expect(findSection(doc, 'negative-consequences')?.empty).toBe(true);
    expect(findSection(doc, 'positive-consequences')?.empty).toBe(false);
    expect(doc.placeholders.map((p) => [p.value, p.line])).toEqual([
      ['[description | ticket/issue URL]', 7],
      ['<!-- optional -->', 7],
      ['<!-- optional -->', 27],
      ['<!-- optional -->', 31],
      ['[e.g., compromising quality attribute, follow-up decisions required, …]', 33],
    ]);
  });
});

describe('buildDecisionDoc: MADR 3 with front matter', () => {
  const doc = parse(MADR3, 'docs/decisions/0004-publish-order-events.md');
  it('reads front matter status, date and deciders with their lines', () => {
    expect(doc.frontMatterLine).toBe(1);
    expect(doc.frontMatter).toMatchObject({ status: 'accepted', consulted: 'Carol' });
    expect(doc.status).toMatchObject({ raw: 'accepted', normalized: 'accepted', source: 'front-matter', line: 2 });
    expect(doc.date).toMatchObject({ iso: '2022-11-05', source: 'front-matter', line: 3 });
    expect(doc.participants.map((p) => [p.value, p.line])).toEqual([
      ['Alice Martin', 4],
      ['Bob Chen', 4],
    ]);
  });
  it('reads options from Considered Options, not the pros-and-cons sub-headings', () => {
    expect(doc.options.map((o) => o.name)).toEqual(['Kafka', 'RabbitMQ', 'Do nothing']);
  });
  it('reads the decision type, inline trade-off and inline trigger', () => {
    expect(doc.decisionType).toEqual({ value: 'type-2', line: 27, column: 1 });
    expect(doc.tradeOffs.map((t) => [t.value, t.line])).toEqual([
      ['Bad, because we run one more consumer group, at the cost of extra on-call load.', 32],
    ]);
    expect(doc.triggers).toHaveLength(1);
    expect(doc.triggers[0]).toMatchObject({ source: 'inline', line: 50, kind: 'duration', due: '2023-05-05' });
  });
  it('section text includes sub-sections', () => {
    const outcome = findSection(doc, 'decision');
    expect(outcome?.text).toContain('Good, because checkout no longer waits');
    expect(outcome?.text).toContain('Load test before launch.');
    expect(outcome?.endLine).toBe(36);
  });
});

describe('buildDecisionDoc: MADR 4 template left unfilled', () => {
  const doc = parse(MADR4_TEMPLATE, 'docs/decisions/0007-template.md');
  it('reports the status as a placeholder with no normalized word', () => {
    expect(doc.status).toMatchObject({ normalized: null, placeholder: true, source: 'front-matter', line: 3 });
  });
  it('marks guidance-only sections empty and finds no options or participants', () => {
    expect(findSection(doc, 'context')?.empty).toBe(true);
    expect(findSection(doc, 'drivers')?.empty).toBe(true);
    expect(doc.options).toEqual([]);
    expect(doc.participants).toEqual([]);
  });
  it('lists the template leftovers', () => {
    const values = doc.placeholders.map((p) => p.value);
    expect(values).toContain('{short title, representative of solved problem and found solution}');
    expect(values).toContain('<!-- This is an optional element. Feel free to remove. -->');
    expect(values).toContain('{justification}');
    expect(doc.placeholders.find((p) => p.value === '{title of option 1}')?.line).toBe(21);
  });
});

describe('buildDecisionDoc: MADR template front matter that YAML reads as maps', () => {
  const source = [
    '---', // 1
    '# These are optional metadata elements. Feel free to remove any of them.', // 2
    'status: {proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}', // 3
    'date: {YYYY-MM-DD when the decision was last updated}', // 4
    'decision-makers: {list everyone involved in the decision}', // 5
    'consulted: {list everyone whose opinions are sought}', // 6
    'links: {issue: 123}', // 7
    '---', // 8
    '', // 9
    '# Use a queue for payment confirmations', // 10
    '',
  ].join('\n');
  const doc = parse(source, 'docs/decisions/0008-queue.md');

  it('reads the status as a placeholder, keeping the guidance as written', () => {
    expect(doc.status).toEqual({
      raw: '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}',
      normalized: null,
      placeholder: true,
      source: 'front-matter',
      line: 3,
      column: 1,
    });
  });

  it('has no date and no participants, and reports the date line', () => {
    expect(doc.date).toBeUndefined();
    expect(doc.participants).toEqual([]);
    expect(doc.problems).toEqual([
      {
        ruleId: 'adr-date',
        line: 4,
        column: 7,
        message: 'Date `{YYYY-MM-DD when the decision was last updated}` is an unfilled template placeholder: write the decision date as YYYY-MM-DD',
      },
    ]);
  });

  it('lists each guidance value as a template leftover at its line, not a real map', () => {
    expect(doc.placeholders.map((p) => [p.line, p.value])).toEqual([
      [3, '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}'],
      [4, '{YYYY-MM-DD when the decision was last updated}'],
      [5, '{list everyone involved in the decision}'],
      [6, '{list everyone whose opinions are sought}'],
    ]);
  });

  it('still takes the date from the file name when the front matter has none', () => {
    const dated = parse(source, 'docs/decisions/20240102-queue.md');
    expect(dated.date).toMatchObject({ iso: '2024-01-02', source: 'file-name' });
  });

  it('treats a list under `status:` or `date:` as a placeholder too', () => {
    const listed = parse('---\nstatus: [proposed, accepted]\ndate: [2024-01-02]\n---\n# T\n', 'docs/adr/0001-t.md');
    expect(listed.status).toMatchObject({ raw: '[proposed, accepted]', placeholder: true, normalized: null });
    expect(listed.date).toBeUndefined();
    expect(listed.problems.map((p) => [p.ruleId, p.line])).toEqual([['adr-date', 3]]);
  });
});

describe('buildDecisionDoc: trade-off template', () => {
  const doc = parse(TRADE_OFF, 'docs/adr/0031-orders-datastore.md');
  it('reads the weighted matrix and uses its options', () => {
    expect(doc.matrices).toHaveLength(1);
    const m = doc.matrices[0]!;
    expect(m).toMatchObject({ line: 9, endLine: 17, weightTotal: 100, weightScale: 'percent' });
    expect(m.options).toEqual(['PostgreSQL', 'DynamoDB', 'Stay on MongoDB']);
    expect(m.criteria.map((c) => [c.name, c.weight, c.line])).toEqual([
      ['Performance', 25, 11],
      ['Cost', 20, 12],
      ['Team expertise', 20, 13],
      ['Time to implement', 15, 14],
      ['Maintainability', 10, 15],
      ['Risk', 10, 16],
    ]);
    expect(doc.options.map((o) => o.name)).toEqual(['PostgreSQL', 'DynamoDB', 'Stay on MongoDB']);
  });
  it('reads trade-offs, triggers and the decision record', () => {
    expect(doc.tradeOffs.map((t) => t.line)).toEqual([25, 26]);
    expect(doc.tradeOffs[0]!.value).toMatch(/^We give up DynamoDB's elastic write scaling in exchange for/);
    expect(doc.triggers.map((t) => [t.line, t.kind, t.source])).toEqual([
      [30, 'threshold', 'section'],
      [31, 'threshold', 'section'],
      [32, 'vague', 'section'],
    ]);
    expect(doc.status).toMatchObject({ normalized: 'accepted', source: 'field', line: 38 });
    expect(doc.date).toMatchObject({ iso: '2026-05-10', line: 36 });
    expect(doc.participants.map((p) => p.value)).toEqual(['Priya (eng lead)', 'Marco (SRE)']);
    expect(doc.decisionType).toMatchObject({ value: 'type-1', line: 5 });
    expect(findSection(doc, 'decision')?.heading).toBe('Recommendation');
  });
});

describe('buildDecisionDoc: French MADR', () => {
  const doc = parse(FRENCH, 'docs/decisions/0002-postgresql.md');
  it('keys French headings, normalises the status and detects the language', () => {
    expect(doc.language).toBe('fr');
    expect(doc.status).toMatchObject({ raw: 'Accepté', normalized: 'accepted', source: 'section', line: 5 });
    expect(doc.sections.map((s) => s.key)).toEqual([null, 'status', 'context', 'drivers', 'options', 'decision', 'consequences']);
    expect(doc.options.map((o) => o.name)).toEqual(['PostgreSQL', 'MongoDB sharded']);
  });
});

describe('buildDecisionDoc: decision written before the context', () => {
  const doc = parse(DECISION_FIRST, 'docs/adr/0007-feature-flags.md');
  it('keys sections whatever their order', () => {
    expect(doc.sections.map((s) => s.key)).toEqual([null, 'decision', 'context', 'options', 'consequences']);
    expect(findSection(doc, 'decision')?.line).toBe(3);
    expect(findSection(doc, 'context')?.line).toBe(7);
    expect(doc.titleNumber).toEqual({ value: 7, line: 1, column: 1 });
    expect(doc.options.map((o) => o.name)).toEqual(['Long-lived release branches', 'Release trains every two weeks']);
    expect(doc.status).toBeUndefined();
    expect(doc.date).toBeUndefined();
  });
});

describe('buildDecisionDoc: dates from file names and odd forms', () => {
  it('takes the date from a YYYYMMDD file name, without a file number', () => {
    const doc = parse('# Use X\n\n## Context\n\nText.\n', 'architecture/decisions/20200925-use-x.md');
    expect(doc.date).toMatchObject({ iso: '2020-09-25', source: 'file-name', raw: '20200925-use-x.md', line: 1 });
    expect(doc.fileNumber).toBeUndefined();
  });
  it('takes the date from a dated folder holding README.md', () => {
    const doc = parse('# Use X\n', 'docs/decisions/2023-05-02-use-x/README.md');
    expect(doc.date).toMatchObject({ iso: '2023-05-02', source: 'file-name' });
  });
  it('reads "Last updated: September 2, 2015"', () => {
    const doc = parse('# Use X\n\nLast updated: September 2, 2015\n', 'docs/adr/0003-x.md');
    expect(doc.date).toMatchObject({ iso: '2015-09-02', raw: 'September 2, 2015', source: 'field', line: 3 });
  });
  it('keeps an ambiguous date without iso', () => {
    const doc = parse('# Use X\n\n- Date: 04/09/2020\n', 'docs/adr/0003-x.md');
    expect(doc.date).toMatchObject({ raw: '04/09/2020', ambiguous: true, source: 'field', line: 3 });
    expect(doc.date?.iso).toBeUndefined();
  });
  it('converts a YAML Date object to ISO', () => {
    const doc = parse('---\ndate: 2021-03-16\n---\n# X\n');
    expect(doc.date).toMatchObject({ iso: '2021-03-16', source: 'front-matter', line: 2 });
  });
  it('uses the status date as decision date for triggers when no date is written', () => {
    const doc = parse('# X\n\n## Status\n\n2020-03-25 accepted\n\n## Revisit\n\n- every 6 months\n', 'docs/adr/0001-x.md');
    expect(doc.status).toMatchObject({ normalized: 'accepted', date: '2020-03-25' });
    expect(doc.triggers[0]).toMatchObject({ kind: 'recurring', due: '2020-09-25' });
  });
});

describe('buildDecisionDoc: front matter problems', () => {
  it('reports invalid YAML at its line and keeps parsing the body', () => {
    const source = '---\nstatus: accepted\ntitle: Use X: now\ndate: 2024-01-01\n---\n# Use X\n\n## Status\n\nProposed\n';
    const doc = parse(source);
    expect(doc.frontMatter).toBeNull();
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ ruleId: 'front-matter-yaml', line: 3 });
    expect(doc.problems[0]!.message).toMatch(/Fix the YAML between the --- lines/);
    expect(doc.status?.normalized).toBe('proposed');
  });
  it('accepts navigation-only front matter without problems', () => {
    const doc = parse('---\nparent: Decisions\nnav_order: 12\n---\n# 12. Use X\n');
    expect(doc.problems).toEqual([]);
    expect(doc.frontMatter).toEqual({ parent: 'Decisions', nav_order: 12 });
    expect(doc.status).toBeUndefined();
    expect(doc.titleNumber?.value).toBe(12);
  });
  it('takes the title from front matter when there is no H1', () => {
    const doc = parse('---\ntitle: "ADR-0042: Adopt OpenTelemetry"\n---\n\n## Context\n\nWe lack traces.\n');
    expect(doc.title).toEqual({ value: 'ADR-0042: Adopt OpenTelemetry', line: 2, column: 1 });
    expect(doc.titleNumber?.value).toBe(42);
  });
  it('reads TOML front matter', () => {
    const doc = parse('+++\ntitle = "Use X"\nstatus = "accepted"\ndate = 2024-02-03\n+++\n\n## Context\n\nText.\n');
    expect(doc.frontMatter).toEqual({ title: 'Use X', status: 'accepted', date: '2024-02-03' });
    expect(doc.status).toMatchObject({ normalized: 'accepted', line: 3, source: 'front-matter' });
    expect(doc.date?.iso).toBe('2024-02-03');
  });
  it('reads revisit triggers from front matter', () => {
    const doc = parse('---\ndate: 2026-01-10\nrevisit:\n  - every 6 months\n---\n# X\n');
    expect(doc.triggers.length).toBeGreaterThan(0);
    expect(doc.triggers[0]).toMatchObject({ source: 'front-matter', line: 3 });
  });
});

describe('buildDecisionDoc: supersede links', () => {
  it('reads Superseded by from the status and Supersedes from the body', () => {
    const source = `# 5. Use Redis for sessions

## Status

Superseded by [ADR-0020](0020-use-valkey.md)

## Context

Supersedes [2. Sticky sessions](0002-sticky-sessions.md) and ADR 3.
`;
    const doc = parse(source, 'doc/adr/0005-use-redis.md');
    expect(doc.status).toMatchObject({ normalized: 'superseded', raw: 'Superseded by [ADR-0020](0020-use-valkey.md)' });
    expect(doc.supersededBy).toEqual([{ relation: 'superseded-by', target: '0020-use-valkey.md', number: 20, line: 5, column: 15 }]);
    expect(doc.supersedes.map((l) => [l.target, l.number, l.line])).toEqual([
      ['0002-sticky-sessions.md', 2, 9],
      ['ADR 3', 3, 9],
    ]);
  });
  it('reads front matter superseded-by', () => {
    const doc = parse('---\nstatus: superseded\nsuperseded-by: 0020-use-valkey.md\n---\n# Use Redis\n');
    expect(doc.supersededBy).toEqual([{ relation: 'superseded-by', target: '0020-use-valkey.md', number: 20, line: 3, column: 1 }]);
  });
  it('ignores prose and code', () => {
    const doc = parse('# X\n\nThis supersedes the cron job; the queue is replaced by a stream.\n\n```\nSuperseded by ADR-9\n```\n');
    expect(doc.supersedes).toEqual([]);
    expect(doc.supersededBy).toEqual([]);
  });
});
