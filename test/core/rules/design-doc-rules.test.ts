import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklistFiles } from '../../../src/core/checklists/load-checklists.js';
import type { Checklists } from '../../../src/core/checklists/types.js';
import type { Finding } from '../../../src/core/finding.js';
import { review } from '../../../src/core/review/review.js';
import { designDocRules } from '../../../src/core/rule-set/design-doc-rules.js';
import { readBuiltinChecklistFiles } from '../../../src/io/read-checklists.js';
import { reviewOptions } from '../../helpers/review-options.js';

const DESIGN_RULES = new Set(designDocRules.map((r) => r.meta.id));

function findings(content: string, opts: { kind?: 'adr' | 'design-doc'; checklists?: Checklists; config?: object } = {}): Finding[] {
  const kind = opts.kind ?? 'design-doc';
  const path = kind === 'design-doc' ? 'docs/design/x.md' : 'docs/decisions/0007-x.md';
  const options = reviewOptions(opts.config ?? {}, opts.checklists ? { checklists: opts.checklists } : {});
  return review([{ path, content, kind }], options).findings.filter((f) => DESIGN_RULES.has(f.ruleId));
}

const withUserChecklist = (yaml: string): Checklists =>
  parseChecklistFiles([...readBuiltinChecklistFiles(), { path: '.github/checklists/team.yml', text: yaml }]);

describe('design-doc rules', () => {
  it('exports one rule per module, design-doc only except checklist-custom', () => {
    expect([...DESIGN_RULES]).toEqual([
      'design-pillars',
      'design-five-questions',
      'design-failure-modes',
      'design-rollout',
      'design-cross-cutting',
      'design-trade-offs',
      'checklist-custom',
    ]);
    for (const rule of designDocRules) {
      expect(rule.meta.scope).toBe('document');
      expect(rule.meta.appliesTo).toEqual(rule.meta.id === 'checklist-custom' ? ['adr', 'design-doc'] : ['design-doc']);
    }
  });

  it('stay quiet on a complete design doc', () => {
    const content = readFileSync('test/fixtures/docs/design-pillars/ok.md', 'utf8');
    expect(findings(content)).toEqual([]);
  });

  it('do not report design-doc checks on ADRs', () => {
    const adr = '# 1. Use PostgreSQL\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n\n## Decision\n\nPostgreSQL.\n';
    expect(findings(adr, { kind: 'adr' })).toEqual([]);
  });

  it('give documents in another language fewer findings, not wrong ones', () => {
    const french = [
      '# Conception : file de messages pour les commandes',
      '',
      '## Contexte',
      '',
      'Le paiement appelle le service de préparation de façon synchrone ; quand il ralentit, les commandes échouent.',
      '',
      '## Options envisagées',
      '',
      '- Garder l’appel synchrone',
      '- Une file SQS',
      '',
    ].join('\n');
    expect(findings(french).filter((f) => f.ruleId !== 'checklist-custom')).toEqual([]);
  });

  it('honour `<!-- lint disable design-pillars -->` and severity overrides', () => {
    // A design for a running system: the pillars are asked of it once the rule is on.
    const doc = '---\ndesign-kind: system\n---\n\n# Design: thumbnails\n\n## Background\n\nProduct pages load full-size images.\n';
    const on = { rules: { 'design-pillars': 'warn' } };
    expect(findings(doc, { config: on }).some((f) => f.ruleId === 'design-pillars')).toBe(true);
    expect(findings(`<!-- lint disable design-pillars -->\n\n${doc}`, { config: on }).some((f) => f.ruleId === 'design-pillars')).toBe(false);
    const asErrors = findings(doc, { config: { rules: { 'design-cross-cutting': 'error', 'design-pillars': 'warn' } } });
    expect(asErrors.find((f) => f.ruleId === 'design-cross-cutting')?.severity).toBe('error');
    expect(asErrors.find((f) => f.ruleId === 'design-pillars')?.severity).toBe('warning');
  });

  it('say by default only what the real-record audit found precise: the trade-off mistakes', () => {
    // The coverage rules were right too rarely on real design docs (bench/real-corpus/AUDIT.md): off unless asked.
    const defaults = Object.fromEntries(designDocRules.map((r) => [r.meta.id, r.meta.defaultSeverity]));
    expect(defaults).toEqual({
      'design-pillars': 'off',
      'design-five-questions': 'off',
      'design-failure-modes': 'off',
      'design-rollout': 'off',
      'design-cross-cutting': 'off',
      'design-trade-offs': 'warn',
      'checklist-custom': 'warn',
    });
    const bare = '---\ndesign-kind: system\n---\n\n# Design: thumbnails\n\n## Background\n\nProduct pages load full-size images.\n';
    expect(findings(bare).map((f) => f.ruleId)).toEqual([]);
    const claims = `${bare}\n## Drawbacks\n\nNone identified.\n`;
    expect(findings(claims).map((f) => f.ruleId)).toEqual(['design-trade-offs']);
  });
});

describe('checklist-custom', () => {
  const designOnly = withUserChecklist(
    [
      'id: launch-review',
      'name: Launch review',
      'appliesTo: [design-doc]',
      'items:',
      '  - id: slo',
      '    text: State the service level objective.',
      '    cues: [slo, service level objective]',
      '    severity: error',
      '',
    ].join('\n'),
  );

  it('checks only the document kinds the checklist applies to', () => {
    const adr = '# 7. Use SQS\n\n## Status\n\nAccepted\n\n## Context\n\nOrders.\n\n## Decision\n\nSQS.\n';
    expect(findings(adr, { kind: 'adr', checklists: designOnly })).toEqual([]);
    const design = '# Design: order events\n\n## Background\n\nOrders fail when fulfilment is slow.\n';
    const found = findings(design, { checklists: designOnly }).filter((f) => f.ruleId === 'checklist-custom');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, severity: 'warning', messageId: 'item-not-mentioned' });
    expect(found[0]!.message).toMatch(/^\[error\] Launch review: State the service level objective\./);
  });

  it('is met by any cue of the item', () => {
    const design = '# Design: order events\n\n## Background\n\nThe SLO is 99.9 % of events delivered within a minute.\n';
    expect(findings(design, { checklists: designOnly }).filter((f) => f.ruleId === 'checklist-custom')).toEqual([]);
  });
});
