import { cueIndexFor, docLines, firstHits, type CueIndex } from '../rule-helpers/cue-search.js';
import { sectionByHeading } from '../rule-helpers/design-headings.js';
import { isEnglish } from '../rule-helpers/english-text.js';
import type { DecisionDoc } from '../document/model.js';
import type { Checklists } from '../checklists/types.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/** What people roll out or back when the verb is split: "roll this out across our services", "roll it back". */
const SPLIT_OBJECTS = ['it', 'this', 'that', 'them', 'these', 'those', 'everything'];
const ROLL_FORMS = ['roll', 'rolls', 'rolled', 'rolling'];

/** `roll <object> <particle>` for every form and object: the split phrasal verb. */
function splitVerb(particle: string): string[] {
  return ROLL_FORMS.flatMap((verb) => SPLIT_OBJECTS.map((object) => `${verb} ${object} ${particle}`));
}

/** How a change is shipped, besides the cues of the `rollout-rollback` concern. */
const ROLLOUT_CUES = [
  ...splitVerb('out'),
  'rollout',
  'roll out',
  'rolling out',
  'rollout plan',
  'canary',
  'blue-green',
  'blue/green',
  'feature flag',
  'dark launch',
  'phased rollout',
  'staged rollout',
  'gradual rollout',
  'percentage rollout',
  'migration plan',
  'launch plan',
  'deployment plan',
  'expand and contract',
];

/** How a change is undone. */
const ROLLBACK_CUES = [
  ...splitVerb('back'),
  'rollback',
  'roll back',
  'rolled back',
  'rolls back',
  'rolling back',
  'flag off',
  'disable the flag',
  'switch the flag off',
  'revert',
  'reverted',
  'reverting',
  'back out',
  'backout',
  'kill switch',
  'down migration',
  'downgrade',
  'switch back',
  'undo',
];

const ROLLBACK_LIKE = /roll ?back|revert|back ?out|kill switch|downgrade|undo/;

/** Headings of a section about undoing a change ("Upgrade / Downgrade Strategy", "Feature enablement and rollback"). */
const ROLLBACK_HEADINGS = ['rollback', 'roll back', 'downgrade', 'revert', 'back out'];

function rolloutIndex(checklists: Checklists): CueIndex {
  // Cached per concern list; the concern's cues are split into "ship" and "undo".
  return cueIndexFor(checklists.concerns, 'rollout', () => {
    const concern = checklists.concerns.find((c) => c.id === 'rollout-rollback');
    const fromData = concern?.cues ?? [];
    return [
      { owner: 'rollout', cues: [...ROLLOUT_CUES, ...fromData.filter((c) => !ROLLBACK_LIKE.test(c))] },
      { owner: 'rollback', cues: [...ROLLBACK_CUES, ...fromData.filter((c) => ROLLBACK_LIKE.test(c))] },
    ];
  });
}

/**
 * Line of the rollout evidence and of the rollback evidence: a section with
 * content (the rollout section, or a heading real templates use: Migration,
 * Graduation Criteria, Upgrade / Downgrade Strategy, Compatibility…), else a cue.
 */
function rolloutEvidence(doc: DecisionDoc, checklists: Checklists): { rollout?: number; rollback?: number } {
  const hits = firstHits(doc, rolloutIndex(checklists));
  const phrases = checklists.concerns.find((c) => c.id === 'rollout-rollback')?.headings;
  const section = doc.sections.find((s) => s.key === 'rollout' && !s.empty) ?? sectionByHeading(doc, phrases);
  const back = sectionByHeading(doc, ROLLBACK_HEADINGS);
  let rollout = earliest(section?.line, hits.get('rollout')?.line);
  rollout ??= firstPassSubset(doc);
  const rollback = earliest(back?.line, hits.get('rollback')?.line);
  return { ...(rollout !== undefined ? { rollout } : {}), ...(rollback !== undefined ? { rollback } : {}) };
}

/** The phased-scope phrase: "As a first pass, only <a subset> …" ships part of the change first. */
const FIRST_PASS = 'as a first pass';
/** How far after it the same sentence is read for "only". */
const FIRST_PASS_WINDOW = 200;

/**
 * Line of a first phase limited to a subset ("As a first pass, we only move
 * records older than 2017"): "as a first pass" and, later in the same
 * sentence, "only". Both are needed: "as a first pass" alone often describes
 * how the author worked, not how the change ships.
 */
function firstPassSubset(doc: DecisionDoc): number | undefined {
  const lines = docLines(doc);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.heading) continue;
    const text = line.text.toLowerCase();
    for (let at = text.indexOf(FIRST_PASS); at !== -1; at = text.indexOf(FIRST_PASS, at + 1)) {
      const next = lines[i + 1];
      let rest = text.slice(at + FIRST_PASS.length, at + FIRST_PASS.length + FIRST_PASS_WINDOW);
      if (next && next.section === line.section && !next.heading) rest += ` ${next.text.toLowerCase()}`;
      const stop = rest.search(/[.!?;]/);
      if (/\bonly\b/.test(stop === -1 ? rest.slice(0, FIRST_PASS_WINDOW) : rest.slice(0, stop))) return line.line;
    }
  }
  return undefined;
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

/**
 * A design for a running system says how the change ships and how it is
 * undone (domain.md section 7): canary, blue-green, feature flags,
 * backward-compatible migrations, and the way back. A rollout without a
 * rollback is a finding. A change to a language, library, API, format or
 * process is not asked (its release follows the project's own process).
 */
export const designRollout = defineRule(
  {
    id: 'design-rollout',
    description: 'A system design describes its rollout and its rollback.',
    help:
      'Say how the change reaches production (canary, blue-green, feature flags, phased by tenant or region, ' +
      'backward-compatible migrations) and how it is undone when it goes wrong (flag off, revert, down-migration, ' +
      'restoring data), including what cannot be rolled back.',
    appliesTo: ['design-doc'],
    // Off by default: on the real-record corpus its findings were right too rarely to be said unasked
    // (hand audit in bench/real-corpus/AUDIT.md; README, Rules). The coverage report still shows what it checks.
    defaultSeverity: 'off',
    scope: 'document',
    messages: {
      'missing-rollout-and-rollback':
        'Missing rollout and rollback plan: say how the change ships (canary, blue-green, feature flags, backward-compatible migrations) and how it is undone',
      'missing-rollback':
        'Missing rollback: the rollout is described but not how to undo it (flag off, revert, down-migration, data restore), nor what cannot be rolled back',
      'missing-rollout': 'Missing rollout: rollback is mentioned but not how the change ships (canary, blue-green, feature flags, phased by tenant or region)',
    },
  },
  (ctx, report) => {
    if (!isEnglish(ctx.doc) || ctx.coverage.design?.kind === 'change') return;
    const { rollout, rollback } = rolloutEvidence(ctx.doc, ctx.checklists);
    const titleLine = ctx.doc.title?.line ?? 1;
    if (rollout === undefined && rollback === undefined) {
      report(
        'missing-rollout-and-rollback',
        {},
        { line: titleLine },
        '## Rollout and rollback\n\n',
      );
    } else if (rollback === undefined) {
      report('missing-rollback', {}, { line: rollout! });
    } else if (rollout === undefined) {
      report('missing-rollout', {}, { line: rollback });
    }
  },
);
