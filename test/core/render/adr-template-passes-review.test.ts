import { beforeAll, describe, expect, it } from 'vitest';
import { buildAdrData } from '../../../src/core/new-adr/adr-data.js';
import { renderTemplate } from '../../../src/core/render/templates.js';
import { review } from '../../../src/core/review/review.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { builtinChecklists, reviewOptions, TODAY } from '../../helpers/review-options.js';

/**
 * The acceptance test: "A rendered ADR, once its placeholders are
 * filled, passes every ADR check." The templates are rendered with nothing
 * prefilled, every placeholder kind is filled the way a careful author would,
 * and the real review must find nothing; the unfilled render must be flagged.
 */

const PATH = 'docs/adr/0007-use-postgresql.md';

/** One placeholder kind: the line that holds it, and the text an author writes instead ('' deletes the line). */
interface Fill {
  kind: string;
  line: RegExp;
  text: string;
}

/** Placeholders both templates share: the trade-offs, the revisit triggers and the participants. */
const SHARED_FILLS: Fill[] = [
  {
    kind: 'trade-off statement',
    line: /^- TODO: We give up \[what we lose\] in exchange for \[what we gain\]\.$/,
    text: '- We give up the schemaless writes of the document store in exchange for transactions across orders and payments and 40% lower storage cost at 2 TB.',
  },
  {
    kind: 'main risk',
    line: /^- TODO: The main risk is \[risk\]; we mitigate it by \[mitigation\]\.$/,
    text: '- The main risk is a slow migration of 2 TB of order history; we mitigate it by copying data in monthly batches behind a feature flag, with the old store kept read-only for 30 days.',
  },
  { kind: 'trigger guidance', line: /^TODO: Keep the conditions that apply/, text: '' },
  {
    kind: 'scale trigger',
    line: /^- Scale: TODO:/,
    text: '- Scale: write traffic exceeds 5,000 transactions per second at peak, or the orders table passes 10 TB (alert: orders-db-capacity).',
  },
  {
    kind: 'team trigger',
    line: /^- Team: TODO:/,
    text: '- Team: more than 15 engineers commit to the order service in one quarter.',
  },
  {
    kind: 'cost trigger',
    line: /^- Cost: TODO:/,
    text: '- Cost: the managed database costs more than $8,000 per month for two consecutive months (budget alert: orders-db-spend).',
  },
  {
    kind: 'compliance trigger',
    line: /^- Compliance: TODO:/,
    text: '- Compliance: card data enters PCI-DSS scope in the order service.',
  },
  {
    kind: 'performance trigger',
    line: /^- Performance: TODO:/,
    text: '- Performance: p99 query latency exceeds 250 ms for three consecutive weeks (alert: orders-db-p99).',
  },
  {
    kind: 'technology trigger',
    line: /^- Technology: TODO:/,
    text: '- Technology: PostgreSQL 16 reaches end of life on the managed service, on 2028-11-09.',
  },
  {
    kind: 'organizational trigger',
    line: /^- Organizational: TODO:/,
    text: '- Organizational: ownership of the order service moves to another department after a reorganisation.',
  },
];

const ADR_FILLS: Fill[] = [
  {
    kind: 'problem',
    line: /^The problem: TODO:/,
    text: [
      'Orders and payments live in a document store without multi-document transactions, so about 40 orders a week end up',
      'paid but not confirmed and support fixes them by hand. We need the order and its payment to be written atomically.',
    ].join('\n'),
  },
  {
    kind: 'constraints',
    line: /^Constraints: TODO:/,
    text: 'The team of six engineers already runs PostgreSQL for billing, and the budget for the store is $5,000 per month.',
  },
  {
    kind: 'why now',
    line: /^Why now: TODO:/,
    text: 'The change must ship before the peak season in March. This is a Type 1 decision: the primary database is costly to reverse.',
  },
  {
    kind: 'decision drivers',
    line: /^- TODO: the forces that matter most/,
    text: [
      '- Atomic writes of an order and its payment, with zero unconfirmed paid orders.',
      '- p99 write latency under 200 ms at 2,000 transactions per second.',
      '- The team already operates PostgreSQL for billing.',
    ].join('\n'),
  },
  {
    kind: 'preferred option',
    line: /^- Option 1: TODO: the option you lean towards$/,
    text: '- PostgreSQL 16 on the managed database service, with orders and payments in one schema',
  },
  {
    kind: 'second option',
    line: /^- Option 2: TODO: another real alternative$/,
    text: '- DynamoDB with transactions over a single-table design',
  },
  {
    kind: 'do-nothing option',
    line: /^- Do nothing: TODO:/,
    text: '- Do nothing: keep the document store and the nightly job that repairs unconfirmed orders',
  },
  {
    kind: 'decision',
    line: /^We will TODO: name the chosen option/,
    text: 'We will move orders and payments to PostgreSQL 16 on the managed database service, because it gives atomic writes across both tables, meets the latency target in our load test (p99 120 ms at 2,000 transactions per second), and the team already runs it for billing.',
  },
  {
    kind: 'good consequence',
    line: /^- Good, because TODO:/,
    text: '- Good, because an order and its payment commit together, which removes the 40 manual fixes a week.',
  },
  {
    kind: 'bad consequence',
    line: /^- Bad, because TODO:/,
    text: '- Bad, because we must migrate 2 TB of order history and run schema migrations for every model change.',
  },
  {
    kind: 'participants',
    line: /^- TODO: @handles of the people who decide/,
    text: '- @alice (order service lead)\n- @bob (database operations)',
  },
  ...SHARED_FILLS,
];

const TRADE_OFF_FILLS: Fill[] = [
  {
    kind: 'context',
    line: /^TODO: What is being decided, and why now\?/,
    text: 'Orders and payments live in a document store without multi-document transactions, so about 40 orders a week end up paid but not confirmed. We need the order and its payment written atomically before the peak season in March, with a team of six and a budget of $5,000 per month.',
  },
  {
    kind: 'decision type',
    line: /^Decision type: TODO:/,
    text: 'Decision type: Type 1, a one-way door: moving 2 TB of data out of a primary database again would take a quarter.',
  },
  { kind: 'preferred option heading', line: /^### Option 1: TODO: the option you lean towards$/, text: '### PostgreSQL' },
  { kind: 'second option heading', line: /^### Option 2: TODO: another real alternative$/, text: '### DynamoDB' },
  {
    kind: 'second option description',
    line: /^TODO: how this alternative solves the problem, and what it costs\.$/,
    text: 'DynamoDB with transactions over a single-table design: fast writes at any load, but a data model the team has never run; about $2,600 per month.',
  },
  {
    kind: 'option description',
    line: /^TODO: how this option solves the problem, and what it costs\.$/,
    text: 'PostgreSQL 16 on the managed database service, with orders and payments in one schema and one transaction per checkout; about $3,200 per month at today’s volume.',
  },
  {
    kind: 'do-nothing description',
    line: /^TODO: what keeping the current approach costs/,
    text: 'Keep the document store and the nightly repair job: no migration, but about 40 manual fixes a week today and ten times that at ten times the load.',
  },
  {
    kind: 'matrix header',
    line: /^\| Criterion \| Weight \| Option 1 \| Option 2 \| Do nothing \|$/,
    text: '| Criterion | Weight | PostgreSQL | DynamoDB | Do nothing |',
  },
  ...(
    [
      ['Performance', 4, 5, 3],
      ['Cost', 3, 3, 5],
      ['Team expertise', 5, 2, 4],
      ['Time to implement', 3, 2, 5],
      ['Maintainability', 4, 3, 2],
      ['Risk', 4, 3, 2],
    ] as const
  ).map(([name, a, c, b]): Fill => ({
    kind: `matrix scores: ${name}`,
    line: new RegExp(`^\\| ${name} \\| (\\d+)% \\| TODO \\| TODO \\| TODO \\|$`),
    text: `| ${name} | $1% | ${a} | ${c} | ${b} |`,
  })),
  { kind: 'weighted total', line: /^\| Weighted total \| \| TODO \| TODO \| TODO \|$/, text: '| Weighted total | | 3.85 | 3.1 | 3.5 |' },
  {
    kind: 'score rationale',
    line: /^TODO: the rationale behind the scores/,
    text: 'Maintainability and risk decided it: the repair job grows with the load, while PostgreSQL costs more to adopt once.',
  },
  {
    kind: 'recommendation',
    line: /^We recommend TODO: the chosen option/,
    text: 'We recommend PostgreSQL, because it removes the unconfirmed orders at the root with atomic writes, meets the p99 target of 200 ms in our load test, and the team already runs it.',
  },
  {
    kind: 'decision record participants',
    line: /^- Participants: TODO:/,
    text: '- Participants: @alice, @bob',
  },
  ...SHARED_FILLS,
];

/** Replace every placeholder line by its filled text; fails when a placeholder kind is not covered. */
function fillPlaceholders(markdown: string, fills: Fill[]): string {
  const unused = new Set(fills.map((f) => f.kind));
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    const fill = fills.find((f) => f.line.test(line));
    if (!fill) {
      lines.push(line);
      continue;
    }
    unused.delete(fill.kind);
    // The pattern names the placeholder by its start; the whole line is replaced.
    if (fill.text !== '') lines.push(line.replace(new RegExp(`${fill.line.source}.*$`), fill.text));
  }
  const filled = lines.join('\n').replace(/\n{3,}/g, '\n\n');
  expect([...unused], 'placeholder kinds the template no longer has').toEqual([]);
  expect(filled, 'placeholders left unfilled').not.toMatch(/TODO|\[what|\[risk\]|\[mitigation\]/);
  return filled;
}

function render(template: 'adr' | 'trade-off-analysis', status = 'accepted'): string {
  const data = buildAdrData({
    title: 'Use PostgreSQL for orders and payments',
    number: 7,
    date: '2026-11-02',
    status,
    defaultCalendar: reviewOptions().config.revisit.defaultCalendar,
    categories: builtinChecklists().triggerCategories,
  });
  return renderTemplate(template, data);
}

function findings(content: string) {
  return review([{ path: PATH, content, kind: 'adr' }], reviewOptions()).findings;
}

function answered(content: string): string[] {
  const [coverage] = review([{ path: PATH, content, kind: 'adr' }], reviewOptions()).coverage;
  return coverage!.questions.filter((q) => q.answered).map((q) => q.id);
}

beforeAll(() => {
  loadBuiltinTemplates();
});

describe.each([
  ['adr', ADR_FILLS],
  ['trade-off-analysis', TRADE_OFF_FILLS],
] as const)('%s.hbs', (template, fills) => {
  it('once its placeholders are filled, passes every ADR check', () => {
    const filled = fillPlaceholders(render(template), fills);
    expect(findings(filled)).toEqual([]);
  });

  it('passes while proposed, too', () => {
    const filled = fillPlaceholders(render(template, 'proposed'), fills);
    expect(findings(filled)).toEqual([]);
  });

  it('unfilled, is flagged for its placeholders and nothing else', () => {
    const result = findings(render(template));
    const placeholders = result.filter((f) => f.ruleId === 'adr-placeholders');
    expect(placeholders.length).toBeGreaterThan(0);
    // A blank record asks to be filled in; it has no Type 1 rigor, empty-section or single-option finding to show.
    expect(result.filter((f) => f.ruleId !== 'adr-placeholders').map((f) => `${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(placeholders.every((f) => f.file === PATH && typeof f.line === 'number')).toBe(true);
  });

  it('unfilled, its prompts answer none of the five questions: they are placeholders, not answers', () => {
    // The trade-off template writes real structure the review reads as such: a decision matrix with
    // the configured criteria and a "Do nothing" option (options), and a Decision record with the
    // date and status (recommendation). Its prompts answer nothing.
    expect(answered(render(template))).toEqual(template === 'adr' ? [] : ['options', 'recommendation']);
    // Filled in, the same sections answer them.
    expect(answered(fillPlaceholders(render(template), fills)).length).toBeGreaterThanOrEqual(4);
  });

  it('is checked for real: the filled record without its revisit triggers is flagged', () => {
    const filled = fillPlaceholders(render(template), fills);
    const start = filled.search(/^## Revisit triggers$/im);
    const end = filled.indexOf('\n## ', start + 1);
    expect(start).toBeGreaterThan(0);
    const withoutTriggers = filled.slice(0, start) + filled.slice(end + 1);
    expect(findings(withoutTriggers).map((f) => f.ruleId)).toContain('adr-revisit-triggers');
  });

  it('is reviewed against today, and its calendar trigger is not yet due', () => {
    const filled = fillPlaceholders(render(template), fills);
    expect(filled).toContain('- Calendar: revisit by 2027-05-02 (6 months after the decision).');
    expect(TODAY < '2027-05-02').toBe(true);
  });
});
