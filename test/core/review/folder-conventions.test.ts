import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import {
  CONVENTION_GAPS,
  foldConventions,
  isConvention,
  reportsGap,
} from '../../../src/core/review/folder-conventions.js';
import { review } from '../../../src/core/review/review.js';
import type { Review, SourceFile } from '../../../src/core/review-model.js';
import { doc } from '../output/review-fixture.js';
import { reviewOptions } from '../../helpers/review-options.js';

const CONFIG = { configPath: '.github/design-review.yml' };

/** The parts of a complete ADR; each test leaves some out. */
type Part = 'date' | 'status' | 'options' | 'consequences' | 'triggers';
const ALL: Part[] = ['date', 'status', 'options', 'consequences', 'triggers'];

/** An ADR in our own words, with the given parts written. */
function adr(n: number, parts: readonly Part[] = ALL, extra = ''): string {
  const has = (p: Part) => parts.includes(p);
  return [
    `# ${n}. Store invoices in service ${n}`,
    '',
    has('date') ? `Date: 2024-03-${String(n % 28 + 1).padStart(2, '0')}\n` : '',
    has('status') ? '## Status\n\nAccepted\n' : '',
    '## Context\n\nInvoices are written once and read by the finance team every month.\n',
    has('options') ? '## Considered Options\n\n- A relational table in the billing database\n- An object store bucket per month\n' : '',
    '## Decision\n\nWe keep invoices in a relational table in the billing database, because finance queries them by customer.\n',
    has('consequences')
      ? '## Consequences\n\n- Good, because one backup covers them.\n- Bad, because the billing database grows by about 2 GB a year.\n'
      : '',
    has('triggers') ? '## Revisit Triggers\n\n- Revisit when the table exceeds 500 GB.\n- Revisit on 2027-03-01.\n' : '',
    extra,
  ].join('\n');
}

/** A folder of `total` ADRs of which the first `lacking` leave out `part`. */
function folder(dir: string, total: number, lacking: number, part: Part): SourceFile[] {
  return Array.from({ length: total }, (_, i) => ({
    path: `${dir}/${String(i + 1).padStart(4, '0')}-record.md`,
    content: adr(i + 1, i < lacking ? ALL.filter((p) => p !== part) : ALL),
    kind: 'adr' as const,
  }));
}

function fold(files: SourceFile[], config = {}): ReturnType<typeof foldConventions> {
  return foldConventions(review(files, reviewOptions(config)), CONFIG);
}

function ruleFindings(r: Review, ruleId: string): Finding[] {
  return r.findings.filter((f) => f.ruleId === ruleId);
}

describe('the gap messages follow the rules', () => {
  it('recognises what each rule says about a record that lacks the part, and nothing else of theirs on a complete record', () => {
    const complete = review([{ path: 'docs/adr/0001-complete.md', content: adr(1), kind: 'adr' }], reviewOptions());
    for (const gap of CONVENTION_GAPS) expect(ruleFindings(complete, gap.ruleId)).toEqual([]);

    const parts: Record<string, Part> = {
      'adr-date': 'date',
      'adr-status': 'status',
      'adr-options': 'options',
      'adr-consequences': 'consequences',
      'adr-revisit-triggers': 'triggers',
    };
    expect(Object.keys(parts).sort()).toEqual(CONVENTION_GAPS.map((g) => g.ruleId).sort());
    for (const gap of CONVENTION_GAPS) {
      const lacking = review([{ path: 'docs/adr/0002-lacking.md', content: adr(2, ALL.filter((p) => p !== parts[gap.ruleId])), kind: 'adr' }], reviewOptions());
      const found = ruleFindings(lacking, gap.ruleId);
      expect(found, gap.ruleId).toHaveLength(1);
      expect(reportsGap(found[0]!, gap), found[0]!.message).toBe(true);
    }
  });

  it('counts an empty section or an unfilled placeholder as the gap (a template left unfilled)', () => {
    const empty = [
      '# 3. Cache prices',
      '',
      'Date: YYYY-MM-DD',
      '',
      '## Status',
      '',
      '## Context',
      '',
      'Prices are read on every page view.',
      '',
      '## Considered Options',
      '',
      '## Decision',
      '',
      'We cache prices for five minutes.',
      '',
      '## Consequences',
      '',
      '- Bad, because a price change shows up to five minutes late.',
      '',
      '## Revisit Triggers',
      '',
    ].join('\n');
    const r = review([{ path: 'docs/adr/0003-cache.md', content: empty, kind: 'adr' }], reviewOptions());
    for (const ruleId of ['adr-date', 'adr-status', 'adr-options', 'adr-revisit-triggers']) {
      const gap = CONVENTION_GAPS.find((g) => g.ruleId === ruleId)!;
      const found = ruleFindings(r, ruleId);
      expect(found.length, ruleId).toBeGreaterThan(0);
      for (const f of found) expect(reportsGap(f, gap), f.message).toBe(true);
    }
  });

  it('does not count what a record wrote wrong: an ambiguous date, an unknown status, one option, a vague trigger', () => {
    const written = [
      '# 4. Queue emails',
      '',
      'Date: 04/09/2024',
      '',
      '## Status',
      '',
      'Sleeping',
      '',
      '## Context',
      '',
      'Emails are sent during checkout and slow it down.',
      '',
      '## Considered Options',
      '',
      '- A queue in front of the mail provider',
      '',
      '## Decision',
      '',
      'We put a queue in front of the mail provider.',
      '',
      '## Consequences',
      '',
      '- Bad, because an email may arrive a minute later.',
      '',
      '## Revisit Triggers',
      '',
      '- Revisit when we grow.',
      '',
    ].join('\n');
    const r = review([{ path: 'docs/adr/0004-queue.md', content: written, kind: 'adr' }], reviewOptions());
    for (const ruleId of ['adr-date', 'adr-status', 'adr-options', 'adr-revisit-triggers']) {
      const gap = CONVENTION_GAPS.find((g) => g.ruleId === ruleId)!;
      const found = ruleFindings(r, ruleId);
      expect(found.length, ruleId).toBeGreaterThan(0);
      for (const f of found) expect(reportsGap(f, gap), f.message).toBe(false);
    }
  });
});

describe('isConvention', () => {
  it('needs 80 % of at least 5 records', () => {
    expect(isConvention(4, 4)).toBe(false);
    expect(isConvention(3, 5)).toBe(false);
    expect(isConvention(4, 5)).toBe(true);
    expect(isConvention(5, 5)).toBe(true);
    expect(isConvention(79, 100)).toBe(false);
    expect(isConvention(80, 100)).toBe(true);
    // 80 % of 15 is 12 exactly (0.8 * 15 is 12.000000000000002 in floating point).
    expect(isConvention(12, 15)).toBe(true);
    expect(isConvention(11, 15)).toBe(false);
  });
});

describe('foldConventions', () => {
  it('reports 4 of 5 records without a date once, for the folder, with the setting that silences it', () => {
    const files = folder('docs/decisions', 5, 4, 'date');
    const before = review(files, reviewOptions());
    expect(ruleFindings(before, 'adr-date')).toHaveLength(4);
    const { review: after, conventions } = foldConventions(before, CONFIG);
    expect(ruleFindings(after, 'adr-date')).toEqual([
      {
        ruleId: 'adr-date',
        severity: 'warning',
        file: 'docs/decisions',
        message:
          "4 of 5 ADRs in docs/decisions have no decision date, which looks like the folder's convention: " +
          'set `rules: { adr-date: off }` in .github/design-review.yml to stop checking for it, or add one to each record',
      },
    ]);
    expect(conventions).toEqual([
      {
        ruleId: 'adr-date',
        severity: 'warning',
        folder: 'docs/decisions',
        kind: 'adr',
        count: 4,
        total: 5,
        files: files.slice(0, 4).map((f) => f.path),
      },
    ]);
    // Every other finding is kept as it was.
    expect(after.findings.filter((f) => f.ruleId !== 'adr-date')).toEqual(before.findings.filter((f) => f.ruleId !== 'adr-date'));
    expect(after.documents).toBe(before.documents);
  });

  it('folds 5 of 5, and leaves 3 of 5 and a folder of 4 record by record', () => {
    expect(fold(folder('docs/adr', 5, 5, 'triggers')).conventions.map((c) => [c.count, c.total])).toEqual([[5, 5]]);
    const three = fold(folder('docs/adr', 5, 3, 'triggers'));
    expect(three.conventions).toEqual([]);
    expect(ruleFindings(three.review, 'adr-revisit-triggers').map((f) => f.file)).toEqual(folder('docs/adr', 5, 3, 'triggers').slice(0, 3).map((f) => f.path));
    const small = fold(folder('docs/adr', 4, 4, 'triggers'));
    expect(small.conventions).toEqual([]);
    expect(ruleFindings(small.review, 'adr-revisit-triggers')).toHaveLength(4);
  });

  it('judges each folder on its own records and each rule on its own', () => {
    const files = [
      ...folder('docs/adr', 6, 5, 'status'), // 83 %: folded
      ...folder('services/billing/docs/adr', 6, 4, 'status'), // 67 %: per record
      ...folder('docs/decisions', 5, 5, 'options'), // another rule, another folder
    ];
    const { review: after, conventions } = fold(files);
    expect(conventions.map((c) => `${c.folder} ${c.ruleId} ${c.count}/${c.total}`)).toEqual([
      'docs/adr adr-status 5/6',
      'docs/decisions adr-options 5/5',
    ]);
    expect(ruleFindings(after, 'adr-status').map((f) => f.file)).toEqual([
      'docs/adr',
      ...files.slice(6, 10).map((f) => f.path),
    ]);
    expect(ruleFindings(after, 'adr-options').map((f) => f.file)).toEqual(['docs/decisions']);
  });

  it('counts records kept one per folder (NNNN-slug/README.md) in the folder that holds them, and root records at the root', () => {
    const perFolder = Array.from({ length: 5 }, (_, i) => ({
      path: `docs/decisions/2024-0${i + 1}-01-choice/README.md`,
      content: adr(i + 1, ALL.filter((p) => p !== 'status')),
      kind: 'adr' as const,
    }));
    expect(fold(perFolder).conventions.map((c) => `${c.folder} ${c.count}/${c.total}`)).toEqual(['docs/decisions 5/5']);
    const root = Array.from({ length: 5 }, (_, i) => ({ path: `adr-00${i + 1}-choice.md`, content: adr(i + 1, ALL.filter((p) => p !== 'date')), kind: 'adr' as const }));
    const atRoot = fold(root);
    expect(atRoot.conventions.map((c) => c.folder)).toEqual(['.']);
    expect(ruleFindings(atRoot.review, 'adr-date')[0]!.message).toMatch(/^5 of 5 ADRs at the repository root have no decision date/);
  });

  it('keeps findings about what a record wrote, and counts only records of the rule kind', () => {
    const files = [
      ...folder('docs/adr', 5, 4, 'date'),
      // A design doc in the same folder is not one of its ADRs.
      { path: 'docs/adr/0099-platform.md', content: '# Platform design\n\n## Problem\n\nDeploys are slow.\n', kind: 'design-doc' as const },
    ];
    files[4] = { ...files[4]!, content: adr(5, ALL).replace('Date: 2024-03-06', 'Date: 04/09/2024') };
    const { review: after, conventions } = fold(files);
    expect(conventions.map((c) => `${c.count}/${c.total}`)).toEqual(['4/5']);
    const dates = ruleFindings(after, 'adr-date');
    expect(dates.map((f) => f.file)).toEqual(['docs/adr', 'docs/adr/0005-record.md']);
    expect(dates[1]!.message).toMatch(/^Ambiguous date/);
  });

  it('counts a record that turns the rule off with a lint comment as one without the gap', () => {
    const files = folder('docs/adr', 5, 5, 'date');
    const silenced = (i: number) => ({ ...files[i]!, content: `<!-- lint disable adr-date -->\n\n${files[i]!.content}` });
    // 4 of 5 still report the gap: folded, the silenced record not listed.
    const one = fold([silenced(0), ...files.slice(1)]);
    expect(one.conventions.map((c) => `${c.count}/${c.total}`)).toEqual(['4/5']);
    expect(one.conventions[0]!.files).not.toContain(files[0]!.path);
    // 3 of 5: below the threshold, the three keep their own findings.
    const two = fold([silenced(0), silenced(1), ...files.slice(2)]);
    expect(two.conventions).toEqual([]);
    expect(ruleFindings(two.review, 'adr-date').map((f) => f.file)).toEqual(files.slice(2).map((f) => f.path));
  });

  it('keeps the severity the config gives the rule, and names the --config file', () => {
    const files = folder('docs/adr', 5, 5, 'triggers');
    const before = review(files, reviewOptions({ rules: { 'adr-revisit-triggers': 'error' } }));
    const { review: after } = foldConventions(before, { configPath: 'ci/design-review.yml' });
    const [finding] = ruleFindings(after, 'adr-revisit-triggers');
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toBe(
      "5 of 5 ADRs in docs/adr have no revisit triggers, which looks like the folder's convention: " +
        'set `rules: { adr-revisit-triggers: off }` in ci/design-review.yml to stop checking for it, or add one to each record',
    );
  });

  it('says the counts are of the records reviewed in a folder whose other records were not reviewed', () => {
    const before = review(folder('docs/adr', 5, 5, 'triggers'), reviewOptions());
    const elsewhere = foldConventions(before, { ...CONFIG, notReviewed: [{ path: 'docs/decisions/0001-other.md', kind: 'adr' }] });
    expect(ruleFindings(elsewhere.review, 'adr-revisit-triggers')[0]!.message).toMatch(/^5 of 5 ADRs in docs\/adr have/);
    const here = foldConventions(before, { ...CONFIG, notReviewed: [{ path: 'docs/adr/0009-other.md', kind: 'adr' }] });
    expect(ruleFindings(here.review, 'adr-revisit-triggers')[0]!.message).toMatch(/^5 of the 5 ADRs reviewed in docs\/adr have no revisit triggers/);
  });

  it('returns the review as it was when no folder shares a gap', () => {
    const before: Review = {
      findings: [{ ruleId: 'adr-date', severity: 'warning', message: 'Missing decision date: add it', file: 'docs/adr/0001-a.md', line: 1 }],
      coverage: [],
      documents: [doc('docs/adr/0001-a.md')],
      skipped: [],
    };
    const result = foldConventions(before, CONFIG);
    expect(result.review).toBe(before);
    expect(result.conventions).toEqual([]);
  });
});
