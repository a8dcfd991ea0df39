import { beforeAll, describe, expect, it } from 'vitest';
import type { BackfillPlan } from '../../../src/core/backfill/plan-backfill.js';
import { BACKFILL_MARKER, backfillTitle, renderBackfillBody } from '../../../src/core/commands/backfill-body.js';
import { utf8Length } from '../../../src/core/publish/truncate.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';

beforeAll(() => loadBuiltinTemplates());

function plan(n: number, title = (i: number) => `${i}. Decision ${i} about a fairly long subject`): BackfillPlan {
  return {
    changes: Array.from({ length: n }, (_, k) => {
      const i = k + 1;
      return {
        path: `docs/adr/${String(i).padStart(4, '0')}-decision.md`,
        number: i,
        title: title(i),
        before: '',
        after: '',
        line: 10,
        drafted: [
          { category: 'cost' as const, text: 'Cost: TODO: the cost condition that would reopen this decision.', placeholder: true },
          { category: 'calendar' as const, text: 'Calendar: revisit by 2027-06-01.', placeholder: false },
        ],
      };
    }),
    skipped: [{ path: 'docs/adr/0000-old.md', reason: 'status superseded' }],
    covered: 7,
  };
}

describe('the backfill pull request body', () => {
  it('lists each record with what was drafted and what is left to fill, the skipped ones, and ends with its marker', () => {
    const body = renderBackfillBody(plan(2), { base: 'main', issueNumber: 5 });
    expect(body).toContain('Adds a **Revisit Triggers** section to 2 decision records that did not say when to revisit them, drafted from each record\'s own text (asked for in #5).');
    expect(body).toContain('| ADR-0001 | Decision 1 about a fairly long subject | Cost (TODO); Calendar: revisit by 2027-06-01 | 1 TODO |');
    expect(body).toContain('### Left alone\n\n- `docs/adr/0000-old.md`: status superseded');
    expect(body).toContain('7 records already say when to revisit them.');
    expect(body.trimEnd().endsWith(BACKFILL_MARKER)).toBe(true);
    expect(backfillTitle(1)).toBe('Revisit triggers for 1 ADR');
  });

  it('escapes titles, and stays within GitHub\'s body limit for 3,000 records, counting those not listed', () => {
    expect(renderBackfillBody(plan(1, () => '1. Use | pipes and @team <b>x</b>'), { base: 'main' })).toContain('| ADR-0001 | Use \\| pipes and @\u200bteam &lt;b>x&lt;/b> |');
    const body = renderBackfillBody(plan(3000), { base: 'main' });
    expect(utf8Length(body)).toBeLessThanOrEqual(65_536);
    const listed = body.split('\n').filter((l) => l.startsWith('| ADR-')).length;
    expect(listed).toBeGreaterThan(300);
    expect(body).toContain(`…and ${3000 - listed} more records: see the files changed.`);
    expect(body.trimEnd().endsWith(BACKFILL_MARKER)).toBe(true);
  });
});
