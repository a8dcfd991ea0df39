// A pull request's records against their folder: changeConventions counts the folder as the change leaves it.
import { describe, expect, it } from 'vitest';
import { CONVENTION_GAPS, changeConventions, changedGapFolders, gapRulesOnly, reportsGap } from '../../../src/core/review/folder-conventions.js';
import { review } from '../../../src/core/review/review.js';
import type { Review, SourceFile } from '../../../src/core/review-model.js';
import { reviewOptions } from '../../helpers/review-options.js';

const CONFIG_PATH = '.github/design-review.yml';

/** An ADR in our own words, complete but for the date when `dated` is false. */
function adr(n: number, dated: boolean, extra = ''): string {
  return [
    extra,
    `# ${n}. Keep audit events for service ${n}`,
    '',
    dated ? `Date: 2025-02-${String((n % 28) + 1).padStart(2, '0')}\n` : '',
    '## Status\n\nAccepted\n',
    '## Context\n\nAuditors ask for every change to customer limits within a day.\n',
    '## Considered Options\n\n- An append-only table\n- A log shipped to the archive bucket\n',
    '## Decision\n\nWe write audit events to an append-only table, because auditors query it by customer.\n',
    '## Consequences\n\n- Good, because one query answers an auditor.\n- Bad, because the table grows by about 1 GB a year.\n',
    '## Revisit Triggers\n\n- Revisit when the table exceeds 200 GB.\n- Revisit on 2028-01-01.\n',
  ].join('\n');
}

const pathOf = (n: number, dir = 'docs/decisions') => `${dir}/${String(n).padStart(4, '0')}-audit-events.md`;

/** Records numbered from `from`: the first `undated` have no date, the rest do. */
function records(from: number, count: number, undated: number, dir = 'docs/decisions'): SourceFile[] {
  return Array.from({ length: count }, (_, i) => ({ path: pathOf(from + i, dir), content: adr(from + i, i >= undated), kind: 'adr' as const }));
}

function reviewed(files: SourceFile[]): Review {
  return review(files, reviewOptions());
}

/** The conventions of a pull request whose records are `changed`, in a folder whose base records are `base`. */
function count(changed: SourceFile[], base: SourceFile[], gone: string[] = []) {
  return changeConventions({ changed: reviewed(changed), before: reviewed(base), gone, configPath: CONFIG_PATH });
}

const counts = (conventions: ReturnType<typeof count>) => conventions.map((c) => `${c.ruleId} ${c.folder} ${c.count}/${c.total}`);

describe('changeConventions', () => {
  it("tells that an added record's missing date is the folder's convention, naming the setting that silences it", () => {
    const added = records(7, 1, 1);
    const conventions = count(added, records(1, 6, 6));
    expect(conventions).toEqual([
      {
        ruleId: 'adr-date',
        severity: 'warning',
        folder: 'docs/decisions',
        kind: 'adr',
        count: 7,
        total: 7,
        files: [...records(1, 6, 6), ...added].map((f) => f.path),
        message:
          "7 of 7 ADRs in docs/decisions have no decision date, which looks like the folder's convention: " +
          'set `rules: { adr-date: off }` in .github/design-review.yml to stop checking for it, or add one to each record',
      },
    ]);
  });

  it('needs 80 % of at least 5 records, the changed one included', () => {
    const added = records(20, 1, 1);
    // 4 of 5 (80 %): a convention.
    expect(counts(count(added, records(1, 4, 3)))).toEqual(['adr-date docs/decisions 4/5']);
    // 3 of 5 (60 %): not one.
    expect(count(added, records(1, 4, 2))).toEqual([]);
    // 4 of 4: too few records to tell.
    expect(count(added, records(1, 3, 3))).toEqual([]);
    // 8 of 10 yes, 7 of 10 no.
    expect(counts(count(added, records(1, 9, 7)))).toEqual(['adr-date docs/decisions 8/10']);
    expect(count(added, records(1, 9, 6))).toEqual([]);
  });

  it("counts the pull request's version of a record it changes instead of the base's", () => {
    const base = records(1, 6, 5); // 0001-0005 undated, 0006 dated
    // Editing an undated record, still undated: 5 of 6, not 6 of 7 (the base version is not counted again).
    const edited = [{ ...base[0]!, content: adr(1, false, '<!-- edited -->') }];
    expect(counts(count(edited, base))).toEqual(['adr-date docs/decisions 5/6']);
    // Dropping the date of the dated one: 6 of 6.
    const undatedNow = [{ ...base[5]!, content: adr(6, false) }];
    expect(counts(count(undatedNow, base))).toEqual(['adr-date docs/decisions 6/6']);
    // Dating one undated record while adding an undated one: the dated version counts (5 of 7).
    const mixed = [{ ...base[0]!, content: adr(1, true) }, ...records(7, 1, 1)];
    const mixedConventions = count(mixed, base);
    expect(counts(mixedConventions)).toEqual([]);
    expect(counts(count([...mixed, ...records(8, 3, 3)], base))).toEqual(['adr-date docs/decisions 8/10']);
  });

  it('leaves records the pull request deletes or renames away out of the count', () => {
    const base = records(1, 5, 4); // 4 of 5 undated
    const added = records(6, 1, 1);
    expect(counts(count(added, base))).toEqual(['adr-date docs/decisions 5/6']);
    // Two undated records deleted: 3 of 4, too few to tell.
    expect(count(added, base, [pathOf(1), pathOf(2)])).toEqual([]);
    // The dated record deleted: 5 of 5.
    expect(counts(count(added, base, [pathOf(5)]))).toEqual(['adr-date docs/decisions 5/5']);
  });

  it('counts a record that turns the rule off with a lint comment as one without the gap', () => {
    const silenced = (files: SourceFile[]) => files.map((f) => ({ ...f, content: `<!-- lint disable adr-date -->\n\n${f.content as string}` }));
    const added = records(7, 1, 1);
    // 6 undated base records, two of them silenced: 5 of 7 (71 %), no convention.
    const base = [...silenced(records(1, 2, 2)), ...records(3, 4, 4)];
    expect(count(added, base)).toEqual([]);
    // One silenced: 6 of 7, and it is not listed among the records with the gap.
    const one = count(added, [...silenced(records(1, 1, 1)), ...records(2, 5, 5)]);
    expect(counts(one)).toEqual(['adr-date docs/decisions 6/7']);
    expect(one[0]!.files).not.toContain(pathOf(1));
  });

  it("tells only gaps a changed record has, in the changed record's folder", () => {
    // The folder's records lack dates, the added one has its date: nothing to explain.
    expect(count(records(7, 1, 0), records(1, 6, 6))).toEqual([]);
    // Another folder's convention is not this pull request's business.
    expect(count(records(7, 1, 1), records(1, 6, 6, 'docs/other-adr'))).toEqual([]);
    // Without a base, the pull request's own records count: five new undated records are a convention.
    expect(counts(count(records(1, 5, 5), []))).toEqual(['adr-date docs/decisions 5/5']);
  });

  it('says the counts are of the records reviewed when some records of the folder could not be read', () => {
    const [convention] = changeConventions({
      changed: reviewed(records(7, 1, 1)),
      before: reviewed(records(1, 6, 6)),
      configPath: CONFIG_PATH,
      notReviewed: [{ path: pathOf(9), kind: 'adr' }],
    });
    expect(convention!.message).toMatch(/^7 of the 7 ADRs reviewed in docs\/decisions have no decision date/);
  });
});

describe('changedGapFolders', () => {
  it('lists the folders of changed records with a gap finding, once each', () => {
    const changed = reviewed([...records(1, 2, 2), ...records(1, 1, 0, 'docs/adr'), ...records(5, 1, 1, 'services/api/docs/adr')]);
    expect(changedGapFolders(changed)).toEqual([
      { folder: 'docs/decisions', kind: 'adr' },
      { folder: 'services/api/docs/adr', kind: 'adr' },
    ]);
    expect(changedGapFolders(reviewed(records(1, 2, 0)))).toEqual([]);
  });
});

describe('gapRulesOnly', () => {
  it("finds the full review's gap findings, with the config's severity, and no other finding", () => {
    // Besides the gaps, an empty context section and a "no downsides" claim: other rules' findings.
    const lacking = '# 3. Cache prices\n\n## Context\n\n## Decision\n\nWe cache prices for five minutes. There are no downsides.\n';
    const files = [{ path: pathOf(3), content: lacking, kind: 'adr' as const }];
    const options = reviewOptions({ rules: { 'adr-date': 'error' } });
    const full = review(files, options);
    const only = review(files, { ...options, config: gapRulesOnly(options.config) });
    const gapFindings = (r: Review) => r.findings.filter((f) => CONVENTION_GAPS.some((g) => reportsGap(f, g)));
    expect(gapFindings(full).map((f) => f.ruleId).sort()).toEqual(['adr-consequences', 'adr-date', 'adr-options', 'adr-revisit-triggers', 'adr-status']);
    expect(full.findings.length).toBeGreaterThan(gapFindings(full).length);
    expect(only.findings).toEqual(full.findings.filter((f) => CONVENTION_GAPS.some((g) => g.ruleId === f.ruleId)));
    expect(only.findings.find((f) => f.ruleId === 'adr-date')!.severity).toBe('error');
    // A rule the config turns off stays off.
    const off = reviewOptions({ rules: { 'adr-date': 'off' } });
    expect(review(files, { ...off, config: gapRulesOnly(off.config) }).findings.map((f) => f.ruleId)).not.toContain('adr-date');
  });
});
