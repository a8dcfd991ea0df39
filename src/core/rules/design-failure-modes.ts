import type { Concern } from '../checklists/types.js';
import { concernCoverage } from '../rule-helpers/concern-coverage.js';
import { isEnglish } from '../rule-helpers/english-text.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/** Used when the checklists define no `failure-modes` concern (a trimmed cross-cutting.yml). */
const FALLBACK: Concern = {
  id: 'failure-modes',
  name: 'Failure modes and blast radius',
  cues: ['failure mode', 'failure modes', 'blast radius', 'single point of failure', 'graceful degradation', 'failover'],
};

/**
 * A design doc says how it fails and how far a failure spreads (domain.md
 * section 7): a "Failure modes" section, or prose naming failure modes or the
 * blast radius.
 */
export const designFailureModes = defineRule(
  {
    id: 'design-failure-modes',
    description: 'A system design describes its failure modes and their blast radius.',
    help:
      'List what can fail (a dependency, a zone, bad input, overload), what users see when it does, and how far ' +
      'the failure spreads (its blast radius), with the mitigation: timeouts, fallbacks, degraded modes, isolation.',
    appliesTo: ['design-doc'],
    // Off by default: on the real-record corpus its findings were right too rarely to be said unasked
    // (hand audit in bench/real-corpus/AUDIT.md; README, Rules). The coverage report still shows what it checks.
    defaultSeverity: 'off',
    scope: 'document',
    messages: {
      'missing-failure-modes':
        'Missing failure modes: say what can fail, what users see, and the blast radius (e.g. a "Failure modes" section with each failure, its impact and its mitigation)',
    },
  },
  (ctx, report) => {
    if (!isEnglish(ctx.doc) || ctx.coverage.design?.kind === 'change') return;
    const concern = ctx.checklists.concerns.find((c) => c.id === 'failure-modes') ?? FALLBACK;
    const concerns = concern === FALLBACK ? FALLBACK_LIST : ctx.checklists.concerns;
    if (concernCoverage(ctx.doc, concerns).has('failure-modes')) return;
    report(
      'missing-failure-modes',
      {},
      { line: ctx.doc.title?.line ?? 1 },
      '## Failure modes\n\n| Failure | Impact (blast radius) | Mitigation |\n|---|---|---|\n',
    );
  },
);

const FALLBACK_LIST = [FALLBACK];
