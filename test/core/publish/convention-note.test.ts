// The summary tells a folder's convention beside the finding of the record it explains.
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { planPublication, type PublicationInput } from '../../../src/core/publish/plan-publication.js';
import { SUMMARY_MARKER } from '../../../src/core/publish/types.js';
import { changeConventions } from '../../../src/core/review/folder-conventions.js';
import { review } from '../../../src/core/review/review.js';
import type { Review, SourceFile } from '../../../src/core/review-model.js';
import { ruleDocsUrl } from '../../../src/core/rule-helpers/define-rule.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { builtinChecklists, reviewOptions, TODAY } from '../../helpers/review-options.js';

beforeAll(() => loadBuiltinTemplates());

const UNDATED = (n: number) =>
  `# ${n}. Route payments through one gateway\n\n## Status\n\nAccepted\n\n## Context\n\nThree gateways cost us three integrations.\n\n` +
  '## Considered Options\n\n- One gateway\n- One gateway per region\n\n## Decision\n\nWe route every payment through one gateway.\n\n' +
  '## Consequences\n\n- Bad, because an outage of the gateway stops payments.\n\n## Revisit Triggers\n\n- Revisit when the gateway fails twice in a quarter.\n';

function folder(dir: string, from: number, count: number): SourceFile[] {
  return Array.from({ length: count }, (_, i) => ({ path: `${dir}/${String(from + i).padStart(4, '0')}-payments.md`, content: UNDATED(from + i), kind: 'adr' as const }));
}

function input(changed: Review, over: Partial<PublicationInput> = {}): PublicationInput {
  return {
    review: changed,
    // No patch: every finding goes to the summary, none inline.
    changed: changed.documents.map((d) => ({ path: d.path, status: 'added' })),
    config: configSchema.parse({}),
    headSha: 'abc123',
    repoUrl: 'https://github.com/acme/shop',
    today: TODAY,
    checklists: builtinChecklists(),
    ...over,
  };
}

describe('the folder convention note', () => {
  it("follows the record's findings in its section of the check-run summary and the sticky comment", () => {
    const changed = review([...folder('docs/decisions', 7, 1), ...folder('docs/other', 1, 1)], reviewOptions());
    const conventions = changeConventions({ changed, before: review(folder('docs/decisions', 1, 6), reviewOptions()), configPath: '.github/design-review.yml' });
    expect(conventions.map((c) => c.ruleId)).toEqual(['adr-date']);

    const plan = planPublication(input(changed, { conventions }));
    const note =
      `ℹ️ **Folder convention** [\`adr-date\`](${ruleDocsUrl('adr-date')}): ` +
      "7 of 7 ADRs in docs/decisions have no decision date, which looks like the folder's convention: " +
      'set `rules: { adr-date: off }` in .github/design-review.yml to stop checking for it, or add one to each record.';
    const summary = plan.checkRun.summary;
    expect(summary).toContain(note);
    expect(plan.summaryComment).toBe(`${SUMMARY_MARKER}\n${summary}`);
    // In the section of docs/decisions/0007, after its own adr-date finding, and only there.
    const sections = summary.split('<details').slice(1);
    const [decisions, other] = [sections.find((s) => s.includes('docs/decisions/0007'))!, sections.find((s) => s.includes('docs/other/0001'))!];
    expect(decisions.indexOf(note)).toBeGreaterThan(decisions.indexOf('Missing decision date'));
    expect(other).toContain('Missing decision date');
    expect(other).not.toContain('Folder convention');
    expect(summary.split('Folder convention')).toHaveLength(2);
    // Without conventions, the summary is as before.
    expect(planPublication(input(changed)).checkRun.summary).toBe(summary.replace(`\n\n${note}`, ''));
  });

  it('escapes the folder name and breaks references in it, like every finding message', () => {
    const dir = 'docs/@platform-team #12 [adr](https://example.com)';
    const changed = review(folder(dir, 7, 1), reviewOptions());
    const conventions = changeConventions({ changed, before: review(folder(dir, 1, 6), reviewOptions()), configPath: '.github/design-review.yml' });
    const summary = planPublication(input(changed, { conventions })).checkRun.summary;
    const line = summary.split('\n').find((l) => l.startsWith('ℹ️'))!;
    expect(line).toContain('@\u200bplatform-team');
    expect(line).toContain('#\u200b12');
    expect(line).toContain('\\[adr\\](');
  });
});
