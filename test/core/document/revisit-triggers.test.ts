import { describe, expect, it } from 'vitest';
import type { TriggerCategoryDef } from '../../../src/core/checklists/types.js';
import type { RevisitTrigger, TriggerCategory } from '../../../src/core/document/model.js';
import {
  findInlineTriggers,
  isDue,
  nextDue,
  parseTrigger,
  triggersFromFrontMatter,
  type TriggerContext,
} from '../../../src/core/document/revisit-triggers.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

// Realistic cues for the eight categories of domain.md section 6, written here
// rather than loaded so these tests pin the parser, not the checklist data.
const categories: TriggerCategoryDef[] = [
  def('scale', ['traffic', 'rps', 'tps', 'users', 'customers', 'data volume', 'tb', '10x', 'baseline']),
  def('team', ['engineers', 'developers', 'headcount', 'second team', 'product line', 'domain expert']),
  def('cost', ['monthly spend', 'spend exceeds', 'cost', 'price increase', 'vendor pricing', 'budget', 'commitments expire']),
  def('compliance', ['hipaa', 'pci-dss', 'pci', 'gdpr', 'soc 2', 'data residency', 'audit finding']),
  def('performance', ['p99', 'p95', 'latency', 'sla', 'slo', 'error rate', 'cache hit rate', 'throughput']),
  def('technology', ['end of life', 'eol', 'deprecated', 'major version', 'breaking change', 'new service']),
  def('calendar', ['every 6 months', 'every year', 'quarterly', 'annually', 'months', 'weeks', 'review date']),
  def('organizational', ['reorg', 'reorganisation', 'acquisition', 'merger', 'strategy change']),
];

function def(id: TriggerCategory, cues: string[]): TriggerCategoryDef {
  return { id, name: id, cues, examples: [], revisits: '' };
}

const vaguePhrases = [
  'revisit later',
  'when we grow',
  'if needed',
  'as appropriate',
  'when necessary',
  'at some point',
  'periodically',
  'in the future',
];

const ctx: TriggerContext = { decisionDate: '2026-05-10', categories, vaguePhrases };
const noDate: TriggerContext = { categories, vaguePhrases };
const at = { line: 12, column: 3 };

function parse(text: string, context: TriggerContext = ctx): RevisitTrigger {
  return parseTrigger(text, at, 'section', context);
}

describe('parseTrigger: kinds', () => {
  it.each([
    ['Revisit by 2027-05-01', '2027-05-01'],
    ['Review date: 2027-05-01', '2027-05-01'],
    ['on 1 May 2027', '2027-05-01'],
    ['Reassess on March 16th, 2027', '2027-03-16'],
    ['Revisit by Q3 2027', '2027-07-01'], // a quarter counts from its first day
    ['by May 2027', '2027-05-01'],
    ['by end of 2027', '2027-12-31'],
  ])('reads %j as a date due %s', (text, due) => {
    expect(parse(text)).toMatchObject({ kind: 'date', due, category: 'calendar' });
  });

  it('keeps an ambiguous or impossible revisit date as a date with no due date', () => {
    const ambiguous = parse('Revisit by 04/05/2027');
    expect(ambiguous.kind).toBe('date');
    expect(ambiguous.due).toBeUndefined();
    expect(parse('Revisit by 2027-02-30').due).toBeUndefined();
  });

  it.each([
    ['in 6 months', '2026-11-10'],
    ['after 30 days', '2026-06-09'],
    ['evaluate after 30 days', '2026-06-09'],
    ['6 months after adoption', '2026-11-10'],
    ['within a year', '2027-05-10'],
    ['a 30-day trial, then decide', '2026-06-09'],
    ['6 months', '2026-11-10'],
  ])('reads %j as a duration due %s', (text, due) => {
    expect(parse(text)).toMatchObject({ kind: 'duration', due, category: 'calendar' });
  });

  it('leaves a duration without a due date when the decision date is unknown', () => {
    const trigger = parse('in 6 months', noDate);
    expect(trigger.kind).toBe('duration');
    expect(trigger.due).toBeUndefined();
  });

  it.each([
    ['every 6 months', 6, '2026-11-10'],
    ['Every six months', 6, '2026-11-10'],
    ['annually', 12, '2027-05-10'],
    ['quarterly', 3, '2026-08-10'],
    ['every year regardless', 12, '2027-05-10'],
    ['every other year', 24, '2028-05-10'],
    ['twice a year', 6, '2026-11-10'],
    ['annual review of the vendor contract', 12, '2027-05-10'],
    ['every 2 weeks', 1, '2026-06-10'], // sub-month periods round up to a month
  ])('reads %j as recurring every %i months, first due %s', (text, everyMonths, due) => {
    expect(parse(text)).toMatchObject({ kind: 'recurring', everyMonths, due, category: 'calendar' });
  });

  it('takes a start date written in a recurring trigger as its first occurrence', () => {
    expect(parse('every year, starting 2027-01-15')).toMatchObject({ kind: 'recurring', everyMonths: 12, due: '2027-01-15' });
  });

  it('leaves a recurring trigger without a due date when the decision date is unknown', () => {
    const trigger = parse('every 6 months', noDate);
    expect(trigger).toMatchObject({ kind: 'recurring', everyMonths: 6 });
    expect(trigger.due).toBeUndefined();
  });

  it.each([
    ['if p99 latency > 500 ms', 'performance'],
    ['traffic > 10× baseline', 'scale'],
    ['monthly spend exceeds $50K', 'cost'],
    ['data > 10 TB', 'scale'],
    ['users > 1M', 'scale'],
    ['team > 15 engineers', 'team'],
    ['cache hit rate < 70 %', 'performance'],
    ['error rate above 1%', 'performance'],
    ['vendor price +20%', 'cost'],
    ['more than 5,000 TPS', 'scale'],
    ['p99 ≥ 300ms', 'performance'],
    ['traffic doubles', 'scale'],
    ['p99 over SLA three weeks running', 'performance'],
    ['if latency stays above 200 ms for 3 weeks', 'performance'],
    ['once we have 3 customers on the platform', 'scale'],
    ['when there are more than 40 developers', 'team'],
  ])('reads %j as a threshold (%s)', (text, category) => {
    expect(parse(text)).toMatchObject({ kind: 'threshold', category });
  });

  it('reads a metric adjective as part of the metric, not as a recurrence', () => {
    // "monthly" and "quarterly" describe the metric when there is a comparison.
    expect(parse('monthly spend > $50K').kind).toBe('threshold');
    expect(parse('quarterly revenue drops below $1M')).toMatchObject({ kind: 'threshold', category: 'cost' });
  });

  it.each([
    // Named, checkable events count as thresholds: someone can tell they happened.
    ['when we enter PCI-DSS scope', 'compliance'],
    ['if we must comply with HIPAA', 'compliance'],
    ['if the domain expert leaves', 'team'],
    ['when a second product line depends on it', 'team'],
    ['when PostgreSQL 18 reaches end of life', 'technology'],
    ['if the framework ships a major version with breaking changes', 'technology'],
    ['a new managed service fits the need', 'technology'],
    ['on acquisition or reorg', 'organizational'],
    ['when reserved-capacity commitments expire', 'cost'],
  ])('reads the event %j as a checkable threshold (%s)', (text, category) => {
    expect(parse(text)).toMatchObject({ kind: 'threshold', category });
  });

  it.each([
    ['revisit later', 'revisit later'],
    ['Revisit later.', 'revisit later'],
    ['when we grow', 'when we grow'],
    ['if needed', 'if needed'],
    ['as appropriate', 'as appropriate'],
    ['when necessary', 'when necessary'],
    ['at some point', 'at some point'],
    ['periodically', 'periodically'],
    ['We will look at this again in the future, if needed', 'in the future'],
  ])('reads %j as vague with the phrase %j', (text, vaguePhrase) => {
    expect(parse(text)).toMatchObject({ kind: 'vague', vaguePhrase });
  });

  it('leaves the vague phrase unset when no listed phrase matches and nothing can be read', () => {
    const trigger = parse('if performance becomes an issue');
    expect(trigger).toMatchObject({ kind: 'vague', category: null });
    expect(trigger.vaguePhrase).toBeUndefined();
    const long = parse(`when ${'things feel slow and people complain a lot '.repeat(5)}`);
    expect(long.kind).toBe('vague');
    expect(long.vaguePhrase).toBeUndefined();
  });

  it.each([
    // domain.md section 6's technology example, in other words.
    ['A managed session service appears that covers the need', 'technology'],
    ['If Redis can no longer keep up with write load', 'scale'],
    ['when a managed Kafka offering becomes available in our region', 'technology'],
    ['once the orders table reaches the limit of one node', null],
    ['if we move off Heroku', 'technology'],
  ])('reads the named event %j as a checkable threshold (%s), not vague', (text, category) => {
    const trigger = parse(text);
    expect(trigger).toMatchObject({ kind: 'threshold', category });
    expect(trigger.vaguePhrase).toBeUndefined();
  });

  it('keeps a known vague phrase vague even next to a loose event word', () => {
    expect(parse('when we grow and a need appears')).toMatchObject({ kind: 'vague', vaguePhrase: 'when we grow' });
  });

  it('does not take single capitals or Title Case for a named product', () => {
    expect(parse('A --> B => C')).toMatchObject({ kind: 'vague' });
    expect(parse('Revisit When Things Change').kind).toBe('vague');
  });

  it.each([
    ['Tous les 12 mois.', 12, '2027-05-10'],
    ['tous les six mois', 6, '2026-11-10'],
    ['Tous les ans', 12, '2027-05-10'],
    ['chaque trimestre', 3, '2026-08-10'],
    ['une fois par an', 12, '2027-05-10'],
    ['revue annuelle du contrat', 12, '2027-05-10'],
  ])('reads the French %j as recurring every %i months, first due %s', (text, everyMonths, due) => {
    expect(parse(text)).toMatchObject({ kind: 'recurring', everyMonths, due, category: 'calendar' });
  });

  it.each([
    ["d'ici le 1er mars 2027", '2027-03-01'],
    ['Réévaluer avant le 15 juin 2027', '2027-06-15'],
    ["d'ici fin 2027", '2027-12-31'],
    ["d’ici le 2027-05-01", '2027-05-01'],
  ])('reads the French %j as a date due %s', (text, due) => {
    expect(parse(text)).toMatchObject({ kind: 'date', due, category: 'calendar' });
  });

  it('reads a French duration from the decision date', () => {
    expect(parse('dans 6 mois')).toMatchObject({ kind: 'duration', due: '2026-11-10' });
    expect(parse("d'ici 2 ans")).toMatchObject({ kind: 'duration', due: '2028-05-10' });
  });

  it.each([
    ["Le coût mensuel de l'APM dépasse 5 000 €.", 'cost'],
    ['la latence p99 est supérieure à 300 ms', 'performance'],
    ['plus de 10 000 utilisateurs actifs', 'scale'],
    ['le budget passe au-delà de 8 000 € par mois', 'cost'],
  ])('reads the French comparison %j as a threshold (%s)', (text, category) => {
    expect(parse(text)).toMatchObject({ kind: 'threshold', category });
  });

  it('lets a concrete condition win over a vague phrase in the same trigger', () => {
    expect(parse('when we grow past 1M users').kind).toBe('threshold');
    expect(parse('revisit later, by 2027-05-01 at the latest').kind).toBe('date');
  });

  it('prefers the calendar part when a trigger has both, keeping the category from the cues', () => {
    expect(parse('in 12 months or if traffic > 10× baseline')).toMatchObject({
      kind: 'duration',
      due: '2027-05-10',
      category: 'scale',
    });
  });

  it('places the trigger where its text starts and keeps the source', () => {
    const trigger = parseTrigger('  every 6 months  ', { line: 40, column: 5 }, 'front-matter', ctx);
    expect(trigger).toMatchObject({ line: 40, column: 5, source: 'front-matter', text: 'every 6 months' });
  });
});

describe('parseTrigger: categories', () => {
  // One passing and one failing example per category.
  it.each<[TriggerCategory, string, string]>([
    ['scale', 'traffic > 10× baseline', 'team > 15 engineers'],
    ['team', 'team > 15 engineers', 'users > 1M'],
    ['cost', 'monthly spend exceeds $50K', 'p99 latency > 500 ms'],
    ['compliance', 'when we enter GDPR scope', 'on acquisition or reorg'],
    ['performance', 'cache hit rate < 70 %', 'monthly spend exceeds $50K'],
    ['technology', 'when Node 20 reaches EOL', 'when we enter SOC 2 scope'],
    ['calendar', 'every 6 months regardless', 'monthly spend > $50K'],
    ['organizational', 'after a reorg', 'if the domain expert leaves'],
  ])('%s: matches %j, not %j', (category, yes, no) => {
    expect(parse(yes).category).toBe(category);
    expect(parse(no).category).not.toBe(category);
  });

  it('matches cues on word boundaries only', () => {
    // "tb" must not match inside "outbound"; "sla" not inside "translation".
    expect(parse('if outbound translation breaks').category).toBeNull();
  });

  it('returns null when nothing matches a vague trigger', () => {
    expect(parse('when we grow').category).toBeNull();
  });

  it('falls back to what the concrete part implies when no cue matches', () => {
    // No cue for "FedRAMP" in the fixture, but a named standard is compliance.
    expect(parse('if we pursue FedRAMP authorisation').category).toBe('compliance');
  });

  it('defaults calendar kinds to calendar even with an empty category list', () => {
    const bare: TriggerContext = { decisionDate: '2026-05-10', categories: [], vaguePhrases: [] };
    expect(parseTrigger('in 6 months', at, 'section', bare).category).toBe('calendar');
    expect(parseTrigger('revisit later', at, 'section', bare)).toMatchObject({ category: null, kind: 'vague' });
  });
});

describe('findInlineTriggers', () => {
  it('finds revisit sentences and places them on their line and column', () => {
    const text = [
      'We chose PostgreSQL. The cache expires in 6 months.',
      'We will revisit this decision in 6 months. Review this every 6 months.',
      'Revisit by 2027-05-01. Also revisit if p99 > 500 ms.',
    ].join('\n');
    const found = findInlineTriggers(text, { line: 20, column: 3 }, ctx);
    expect(found.map((t) => [t.line, t.column, t.kind, t.text])).toEqual([
      [21, 1, 'duration', 'We will revisit this decision in 6 months.'],
      [21, 44, 'recurring', 'Review this every 6 months.'],
      [22, 1, 'date', 'Revisit by 2027-05-01.'],
      [22, 24, 'threshold', 'Also revisit if p99 > 500 ms.'],
    ]);
    expect(found.every((t) => t.source === 'inline')).toBe(true);
  });

  it('offsets the column on the first line by the paragraph column', () => {
    const [trigger] = findInlineTriggers('Note: we revisit this in 6 months.', { line: 5, column: 3 }, ctx);
    expect(trigger).toMatchObject({ line: 5, column: 3, due: '2026-11-10' });
  });

  it('does not split at abbreviations like "e.g." or "Sept."', () => {
    const found = findInlineTriggers('Revisit by Sept. 2, 2027, e.g. at the planning offsite.', at, ctx);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'date', due: '2027-09-02' });
  });

  it('reports a vague revisit sentence as vague', () => {
    const [trigger] = findInlineTriggers('We can revisit later if needed.', at, ctx);
    expect(trigger).toMatchObject({ kind: 'vague', vaguePhrase: 'revisit later' });
  });

  it.each([
    ['The cache expires in 6 months.'], // no revisit wording
    ['We revisited this decision in 2024.'], // past tense is history
    ['See the revisit triggers below.'], // names the section
    ['Every PR gets a code review within 2 days.'], // code review is not a revisit
    ['We will evaluate three databases.'], // "evaluate" without a calendar part or condition
    ['Traffic grew 10× last year.'],
    [''],
  ])('finds no trigger in %j', (text) => {
    expect(findInlineTriggers(text, at, ctx)).toEqual([]);
  });

  it('reads passive future wording but not passive past', () => {
    expect(findInlineTriggers('This decision will be revisited in 6 months.', at, ctx)[0]?.kind).toBe('duration');
    expect(findInlineTriggers('It should be reviewed annually.', at, ctx)[0]?.kind).toBe('recurring');
    expect(findInlineTriggers('It was revisited in 6 months.', at, ctx)).toEqual([]);
    expect(findInlineTriggers('The design must be reviewed by security.', at, ctx)).toEqual([]);
  });

  it('accepts "review" and "evaluate" with a calendar part or a condition', () => {
    expect(findInlineTriggers('Evaluate after 30 days.', at, ctx)[0]?.kind).toBe('duration');
    expect(findInlineTriggers('We will review it if error rate above 1%.', at, ctx)[0]?.kind).toBe('threshold');
  });
});

describe('triggersFromFrontMatter', () => {
  it('reads a date string, a YAML Date and a condition', () => {
    expect(triggersFromFrontMatter({ 'review-by': '2027-05-01' }, 3, ctx)).toEqual([
      { line: 3, column: 1, category: 'calendar', text: '2027-05-01', kind: 'date', due: '2027-05-01', source: 'front-matter' },
    ]);
    const [fromDate] = triggersFromFrontMatter({ 'revisit-by': new Date(Date.UTC(2027, 4, 1)) }, 2, ctx);
    expect(fromDate).toMatchObject({ kind: 'date', due: '2027-05-01', line: 2 });
    const [condition] = triggersFromFrontMatter({ revisit: 'if p99 > 500 ms' }, 2, ctx);
    expect(condition).toMatchObject({ kind: 'threshold', category: 'performance', source: 'front-matter' });
  });

  it('reads a list of strings and objects, one trigger per object key', () => {
    const fm = {
      title: 'Use Kafka',
      revisit: [
        'every 6 months',
        { when: 'histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m])) > 0.5', every: '6 months' },
        { by: '2027-05-01' },
        { every: 'quarterly' },
        { every: 12 },
      ],
    };
    const found = triggersFromFrontMatter(fm, 1, ctx);
    expect(found.map((t) => [t.kind, t.everyMonths, t.due])).toEqual([
      ['recurring', 6, '2026-11-10'],
      ['threshold', undefined, undefined],
      ['recurring', 6, '2026-11-10'],
      ['date', undefined, '2027-05-01'],
      ['recurring', 3, '2026-08-10'],
      ['recurring', 12, '2027-05-10'],
    ]);
    expect(found[1]!.query).toBe('histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m])) > 0.5');
    expect(found[1]!.text).toBe(found[1]!.query);
    expect(found.every((t) => t.line === 1 && t.source === 'front-matter')).toBe(true);
  });

  it('ignores other keys, empty values and booleans', () => {
    expect(triggersFromFrontMatter({ status: 'accepted', date: '2026-05-10' }, 1, ctx)).toEqual([]);
    expect(triggersFromFrontMatter({ revisit: '' }, 1, ctx)).toEqual([]);
    expect(triggersFromFrontMatter({ revisit: null, 'review-by': false }, 1, ctx)).toEqual([]);
    expect(triggersFromFrontMatter({ revisit: new Date('not a date') }, 1, ctx)).toEqual([]);
  });

  it('reports a vague front-matter condition as vague', () => {
    const [trigger] = triggersFromFrontMatter({ revisit: 'as appropriate' }, 4, ctx);
    expect(trigger).toMatchObject({ kind: 'vague', vaguePhrase: 'as appropriate' });
  });
});

describe('nextDue and isDue', () => {
  const every6 = parse('every 6 months');

  it('gives the first recurring occurrence strictly after a date', () => {
    expect(nextDue(every6, '2026-05-10', '2026-05-10')).toBe('2026-11-10');
    expect(nextDue(every6, '2026-05-10', '2026-11-09')).toBe('2026-11-10');
    expect(nextDue(every6, '2026-05-10', '2026-11-10')).toBe('2027-05-10');
    expect(nextDue(every6, '2026-05-10', '2031-01-01')).toBe('2031-05-10');
    // An "after" before the decision still yields the first occurrence, not the decision date.
    expect(nextDue(every6, '2026-05-10', '2020-01-01')).toBe('2026-11-10');
  });

  it('does not drift at month ends', () => {
    const monthly = parse('every month', { ...ctx, decisionDate: '2026-01-31' });
    expect(nextDue(monthly, '2026-01-31', '2026-02-28')).toBe('2026-03-31');
    expect(nextDue(monthly, '2026-01-31', '2026-03-31')).toBe('2026-04-30');
  });

  it('anchors on a start date written in the trigger', () => {
    const yearly = parse('every year, starting 2027-01-15');
    expect(nextDue(yearly, '2026-05-10', '2026-06-01')).toBe('2027-01-15');
    expect(nextDue(yearly, '2026-05-10', '2027-01-15')).toBe('2028-01-15');
  });

  it('uses the trigger due date when the decision date is unknown', () => {
    expect(nextDue(every6, undefined, '2026-12-01')).toBe('2027-05-10');
    expect(nextDue(parse('every 6 months', noDate), undefined, '2026-12-01')).toBeUndefined();
  });

  it('gives date and duration triggers their due date', () => {
    expect(nextDue(parse('Revisit by 2027-05-01'), '2026-05-10', '2030-01-01')).toBe('2027-05-01');
    expect(nextDue(parse('in 6 months'), '2026-05-10', '2026-06-01')).toBe('2026-11-10');
    // Parsed before the decision date was known: counted now.
    expect(nextDue(parse('in 6 months', noDate), '2026-05-10', '2026-06-01')).toBe('2026-11-10');
    expect(nextDue(parse('if p99 > 500 ms'), '2026-05-10', '2026-06-01')).toBeUndefined();
  });

  it('is due on and after the due date only', () => {
    const trigger = parse('Revisit by 2027-05-01');
    expect(isDue(trigger, '2027-04-30')).toBe(false);
    expect(isDue(trigger, '2027-05-01')).toBe(true);
    expect(isDue(trigger, '2028-01-01')).toBe(true);
    expect(isDue(parse('revisit later'), '2099-01-01')).toBe(false);
  });
});

describe('hostile input', () => {
  const fast = (run: () => unknown) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };

  it('parses a 200 KB trigger quickly and keeps its text', () => {
    const text = `if p99 ${'a'.repeat(200_000)}`;
    let trigger: RevisitTrigger | undefined;
    expect(fast(() => (trigger = parse(text)))).toBeLessThan(1000);
    expect(trigger!.text.length).toBe(text.length);
    expect(trigger!.kind).toBe('vague');
  });

  it('scans a 200 KB paragraph quickly', () => {
    const line = 'revisit '.repeat(25_000);
    let found: RevisitTrigger[] = [];
    expect(fast(() => (found = findInlineTriggers(line, at, ctx)))).toBeLessThan(2000);
    // Overlong sentences are read in windows of at most 500 characters.
    expect(found.every((t) => t.text.length <= 500)).toBe(true);
    expect(fast(() => findInlineTriggers('x '.repeat(100_000), at, ctx))).toBeLessThan(1000);
  });

  it('handles many ">" characters and arrows quickly', () => {
    const arrows = '>'.repeat(200_000);
    expect(fast(() => parse(arrows))).toBeLessThan(1000);
    expect(fast(() => findInlineTriggers(`revisit ${'> '.repeat(100_000)}`, at, ctx))).toBeLessThan(2000);
    expect(parse('A --> B => C').kind).toBe('vague');
  });

  it('handles unicode text', () => {
    expect(parse('si la latence p99 dépasse > 500 ms 🚀')).toMatchObject({ kind: 'threshold', category: 'performance' });
    expect(parse('réévaluer plus tard 🙂').kind).toBe('vague');
    const [inline] = findInlineTriggers('Décision — we revisit this in 6 months ✅.', at, ctx);
    expect(inline?.kind).toBe('duration');
  });
});

describe('collected triggers: template leftovers', () => {
  const triggersOf = (md: string, checklists = sampleChecklists) =>
    parseDecisionDoc(md, 'docs/adr/0012-x.md', 'adr', checklists).doc.triggers.map((t) => [t.line, t.kind, t.text]);

  it('does not count trigger lines that start with a placeholder', () => {
    const md = [
      '# 12. Use a feature-flag service', // 1
      '', // 2
      'Date: 2026-02-03', // 3
      '', // 4
      '## Revisit triggers', // 5
      '', // 6
      'TODO: Keep the conditions that apply. Make each one checkable: a threshold with a unit.', // 7
      '', // 8
      '- Calendar: revisit by 2026-08-03.', // 9
      '- Scale: TODO: a condition such as "traffic > 10× baseline"', // 10
      '- Cost: TBD', // 11
      '- [condition]', // 12
      '- {condition, e.g. monthly spend > $50K}', // 13
      '- TODO: spend > $8,000/month', // 14
      '- Team: …', // 15
      '- Team > 15 engineers', // 16
      '',
    ].join('\n');
    expect(triggersOf(md)).toEqual([
      [9, 'date', 'Calendar: revisit by 2026-08-03.'],
      [16, 'threshold', 'Team > 15 engineers'],
    ]);
  });

  it('does not count a placeholder front-matter trigger or field line', () => {
    const md = '---\nrevisit: TODO\n---\n# 12. Use X\n\nReview date: TBD\n\n## Context\n\nx\n';
    expect(triggersOf(md)).toEqual([]);
  });

  it('reads the triggers of a French MADR record', () => {
    const md = [
      '---', // 1
      'statut: accepté', // 2
      'date: 2022-11-08', // 3
      '---', // 4
      '# Utiliser OpenTelemetry pour la télémétrie', // 5
      '', // 6
      '## Déclencheurs de révision', // 7
      '', // 8
      "* Le coût mensuel de l'APM dépasse 5 000 €.", // 9
      '* Tous les 12 mois.', // 10
      "* D'ici le 1er mars 2024, si la migration n'est pas finie.", // 11
      '',
    ].join('\n');
    const triggers = parseDecisionDoc(md, 'docs/decisions/0002-x.md', 'adr', sampleChecklists).doc.triggers;
    expect(triggers.map((t) => [t.line, t.kind, t.category, t.due ?? null, t.vaguePhrase ?? null])).toEqual([
      [9, 'threshold', 'cost', null, null],
      [10, 'recurring', 'calendar', '2023-11-08', null],
      [11, 'date', 'calendar', '2024-03-01', null],
    ]);
  });
});

describe('precision on real prose', () => {
  const ctx = { categories: [], vaguePhrases: ['revisit later', 'when we grow'] };

  it('ignores a sentence that mentions revisiting in passing', () => {
    const text = 'We need to record decisions so that people joining later understand them, and so that we revisit decisions when their assumptions stop holding.';
    expect(findInlineTriggers(text, { line: 3, column: 1 }, ctx)).toEqual([]);
  });

  it('keeps an inline vague promise and an inline concrete trigger', () => {
    const found = findInlineTriggers('We will revisit later. We will revisit this by 2027-05-01.', { line: 1, column: 1 }, ctx);
    expect(found.map((t) => t.kind)).toEqual(['vague', 'date']);
    expect(found[0]?.vaguePhrase).toBe('revisit later');
  });

  it('takes the category from a label the author wrote', () => {
    const t = parseTrigger('Scale: revisit if the catalog exceeds 10 million products.', { line: 9, column: 3 }, 'section', ctx);
    expect(t.category).toBe('scale');
    expect(parseTrigger('**Cost** — monthly spend > $50K', { line: 1, column: 1 }, 'section', ctx).category).toBe('cost');
    expect(parseTrigger('Organisational: after a reorg', { line: 1, column: 1 }, 'section', ctx).category).toBe('organizational');
  });
});
