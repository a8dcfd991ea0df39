import { cueIndexFor, firstHits } from '../rule-helpers/cue-search.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/**
 * Items of the user's own checklists (`checklists:` in the config) whose cues
 * are absent from a document of a kind the checklist applies to.
 *
 * Severity: unified-lint-rule gives a rule one severity, so this rule keeps
 * its own (`warn` by default, configurable like any rule) and each message
 * starts with the item's severity, `[error]` or `[warning]`, as the user wrote
 * it. Turning the rule to `error` makes every unmet item fail the review.
 */
export const checklistCustom = defineRule(
  {
    id: 'checklist-custom',
    description: "A document meets the items of the repository's own checklists.",
    help:
      'Checklists listed under `checklists:` in .github/design-review.yml add items of your own (e.g. "links the ' +
      'threat model"); an item is met when one of its cues appears in the document. Write what the item asks for, ' +
      'using one of its cue phrases, or change the checklist.',
    appliesTo: ['adr', 'design-doc'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      // The item's own words, from the team's checklist file.
      'item-not-mentioned': '[{{severity}}] {{checklist}}: {{text}} (item {{item}} of {{file}}; expected a mention such as {{expected}})',
    },
  },
  (ctx, report) => {
    const line = ctx.doc.title?.line ?? 1;
    for (const checklist of ctx.checklists.custom) {
      if (!checklist.appliesTo.includes(ctx.doc.kind)) continue;
      const index = cueIndexFor(checklist, 'items', () => checklist.items.map((i) => ({ owner: i.id, cues: i.cues })));
      const hits = firstHits(ctx.doc, index);
      for (const item of checklist.items) {
        if (item.cues.length === 0 || hits.has(item.id)) continue;
        const expected = item.cues.slice(0, 3).map((c) => `"${c}"`).join(', ');
        report('item-not-mentioned', { severity: item.severity, checklist: checklist.name, text: item.text, item: item.id, file: checklist.file, expected }, { line });
      }
    }
  },
);
