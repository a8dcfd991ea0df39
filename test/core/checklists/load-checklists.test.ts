import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklistFiles, type ChecklistFile } from '../../../src/core/checklists/load-checklists.js';
import { PILLAR_IDS, QUESTION_IDS, TRIGGER_CATEGORIES } from '../../../src/core/checklists/schema.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { concernCoverage } from '../../../src/core/rule-helpers/concern-coverage.js';
import { computeCoverage } from '../../../src/core/review/coverage.js';
import { readBuiltinChecklistFiles } from '../../../src/io/read-checklists.js';
import { loadError } from './load-error.js';

const fixture = (name: string): ChecklistFile => ({
  path: `test/fixtures/checklists/${name}`,
  text: readFileSync(new URL(`../../fixtures/checklists/${name}`, import.meta.url), 'utf8'),
});

const builtins = readBuiltinChecklistFiles();

/** Built-ins with one file's text rewritten. */
function withBuiltin(name: string, edit: (text: string) => string): ChecklistFile[] {
  return builtins.map((f) => (f.path === `checklists/${name}.yml` ? { ...f, text: edit(f.text) } : f));
}

/** 1-based line of the first line of `text` equal to `line`. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('built-in checklists', () => {
  const checklists = parseChecklistFiles(builtins);

  it('define the six pillars with 15 to 30 cues each', () => {
    expect(checklists.pillars.map((p) => p.id)).toEqual([...PILLAR_IDS]);
    for (const pillar of checklists.pillars) {
      expect(pillar.cues.length, pillar.id).toBeGreaterThanOrEqual(15);
      expect(pillar.cues.length, pillar.id).toBeLessThanOrEqual(30);
      expect(pillar.practices.length, pillar.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('define the five questions with the sections that answer them', () => {
    expect(checklists.questions.map((q) => q.id)).toEqual([...QUESTION_IDS]);
    const sections = Object.fromEntries(checklists.questions.map((q) => [q.id, q.sections]));
    expect(sections.problem).toEqual(['context']);
    expect(sections.constraints).toEqual(['drivers', 'constraints']);
    expect(sections.options).toEqual(expect.arrayContaining(['options', 'pros-cons']));
    expect(sections['trade-offs']).toEqual(
      expect.arrayContaining(['trade-offs', 'consequences', 'negative-consequences', 'pros-cons', 'risks']),
    );
    expect(sections.recommendation).toEqual(['decision', 'rationale']);
  });

  it('carry decision rigor, the common mistakes and their phrases', () => {
    expect(checklists.rigor.type1Cues).toEqual(
      expect.arrayContaining(['one-way door', 'irreversible', 'primary database', 'public api', 'cloud provider']),
    );
    expect(checklists.rigor.type1Cues).toEqual(expect.arrayContaining(['serialization format', 'tenancy model', 'event schema']));
    expect(checklists.rigor.type2Cues).toEqual(expect.arrayContaining(['two-way door', 'reversible']));
    expect(checklists.rigor.type1Requires.length).toBeGreaterThanOrEqual(3);
    expect(checklists.mistakes.map((m) => m.id)).toEqual([
      'only-one-option',
      'no-downsides',
      'single-dimension',
      'technology-preference',
      'no-revisit',
    ]);
    const phrases = Object.fromEntries(checklists.mistakes.map((m) => [m.id, m.phrases]));
    expect(phrases['no-downsides']).toEqual(
      expect.arrayContaining(['no downsides', 'no trade-offs', 'no drawbacks', 'no disadvantages', 'none identified']),
    );
    expect(phrases['technology-preference']).toEqual(
      expect.arrayContaining(["because it's popular", 'everyone uses', 'industry standard', 'we like']),
    );
  });

  it('define the eight trigger categories, a concrete hint and vague phrases', () => {
    expect(checklists.triggerCategories.map((c) => c.id)).toEqual([...TRIGGER_CATEGORIES]);
    for (const category of checklists.triggerCategories) {
      expect(category.examples.length, category.id).toBeGreaterThan(0);
      expect(category.revisits, category.id).not.toBe('');
    }
    expect(checklists.concreteHint).toMatch(/threshold/);
    expect(checklists.vaguePhrases).toEqual(
      expect.arrayContaining(['revisit later', 'when we grow', 'if needed', 'as appropriate', 'at some point']),
    );
  });

  it('define the cross-cutting concerns of design docs', () => {
    expect(checklists.concerns.map((c) => c.id)).toEqual([
      'trade-offs-named',
      'scale-10x',
      'trust-boundaries',
      'bottlenecks',
      'observability',
      'error-handling',
      'failure-modes',
      'configuration',
      'testing-strategy',
      'cost-to-run',
      'maintainability',
      'rollout-rollback',
    ]);
  });

  it('keep every cue list lower-case, trimmed, free of duplicates and of bare generic words', () => {
    const lists: [string, string[]][] = [
      ...checklists.pillars.map((p): [string, string[]] => [p.id, p.cues]),
      ...checklists.questions.map((q): [string, string[]] => [q.id, q.cues]),
      ...checklists.mistakes.map((m): [string, string[]] => [m.id, m.phrases]),
      ...checklists.triggerCategories.map((c): [string, string[]] => [c.id, c.cues]),
      ...checklists.concerns.map((c): [string, string[]] => [c.id, c.cues]),
      ['type1', checklists.rigor.type1Cues],
      ['type2', checklists.rigor.type2Cues],
      ['vague', checklists.vaguePhrases],
    ];
    for (const [id, cues] of lists) {
      expect(new Set(cues).size, `${id} has duplicate cues`).toBe(cues.length);
      for (const cue of cues) expect(cue, id).toBe(cue.trim().toLowerCase());
    }
    const pillarCues = checklists.pillars.flatMap((p) => p.cues);
    for (const generic of ['cost', 'data', 'security', 'performance', 'system']) expect(pillarCues).not.toContain(generic);
  });

  it('know how real docs talk about their options and about scale', () => {
    const options = checklists.questions.find((q) => q.id === 'options')!.cues;
    for (const cue of ['we considered', 'ruled out', 'alternatives we rejected', 'compared']) expect(options).toContain(cue);
    const scale = checklists.concerns.find((c) => c.id === 'scale-10x')!.cues;
    for (const cue of ['scale past', 'does not scale', 'at 10x', 'at 100x', 'headroom']) expect(scale).toContain(cue);
  });

  it('answer the options question and the scale concern from that wording', () => {
    const source = [
      '# Design: session storage', // 1
      '', // 2
      '## Design', // 3
      '', // 4
      'Sessions move to a Redis cluster.', // 5
      '', // 6
      'Memcached was ruled out: it has no replication.', // 7
      '', // 8
      'The single primary does not scale past 20,000 writes per second.', // 9
      '',
    ].join('\n');
    const { doc } = parseDecisionDoc(source, 'docs/design/sessions.md', 'design-doc', checklists);
    const coverage = computeCoverage(doc, checklists, '2026-05-10');
    expect(coverage.questions.find((q) => q.id === 'options')).toMatchObject({ answered: true, line: 7 });
    expect(concernCoverage(doc, checklists.concerns).get('scale-10x')).toBe(9);
  });

  it('are plain data that survives structured cloning (worker threads)', () => {
    expect(structuredClone(checklists)).toEqual(checklists);
  });
});

describe('broken built-in checklists', () => {
  it('report an empty cue with file, key path, value and line', () => {
    const text = builtins.find((f) => f.path === 'checklists/well-architected.yml')!.text;
    const error = loadError(withBuiltin('well-architected', (t) => t.replace('      - multi-az\n', '      - ""\n')));
    expect(error.file).toBe('checklists/well-architected.yml');
    expect(error.key).toBe('pillars[2].cues[0]');
    expect(error.line).toBe(lineOf(text, '      - multi-az'));
    expect(error.message).toBe(
      `checklists/well-architected.yml:${error.line}: pillars[2].cues[0] = "": cue must not be empty`,
    );
  });

  it('report an unknown key at the key itself', () => {
    const files = withBuiltin('trade-offs', (t) => t.replace('rigor:\n', 'rigor:\n  typeOneCues: [x]\n'));
    const error = loadError(files);
    const line = lineOf(files.find((f) => f.path === 'checklists/trade-offs.yml')!.text, '  typeOneCues: [x]');
    expect(error).toMatchObject({ file: 'checklists/trade-offs.yml', key: 'rigor.typeOneCues', line });
    expect(error.message).toBe(
      `checklists/trade-offs.yml:${line}: rigor.typeOneCues = ["x"]: Unrecognized key: "typeOneCues"`,
    );
  });

  it('report a value of the wrong type', () => {
    const files = withBuiltin('revisit-triggers', (t) => t.replace(/^concreteHint: >-\n(?: {2}.*\n)+/m, 'concreteHint: 42\n'));
    const error = loadError(files);
    expect(error.key).toBe('concreteHint');
    expect(error.line).toBe(lineOf(files.find((f) => f.path.endsWith('revisit-triggers.yml'))!.text, 'concreteHint: 42'));
    expect(error.message).toMatch(/concreteHint = 42: Invalid input: expected string, received number$/);
  });

  it('report a trigger category that is not one of the eight', () => {
    const error = loadError(withBuiltin('revisit-triggers', (t) => t.replace('  - id: team\n', '  - id: staffing\n')));
    expect(error.key).toBe('categories[1].id');
    expect(error.message).toContain('= "staffing"');
  });

  it('report a missing pillar', () => {
    const error = loadError(
      withBuiltin('well-architected', (t) => t.slice(0, t.indexOf('  - id: sustainability'))),
    );
    expect(error.key).toBe('pillars');
    expect(error.message).toContain('missing required ids: sustainability');
  });

  it('report YAML syntax errors with their line', () => {
    const error = loadError(withBuiltin('cross-cutting', (t) => t.replace('  - id: bottlenecks\n', '  - id: [bottlenecks\n')));
    expect(error.file).toBe('checklists/cross-cutting.yml');
    expect(error.line).toBeGreaterThan(1);
    expect(error.message).toMatch(/^checklists\/cross-cutting\.yml:\d+: YAML syntax error: /);
  });

  it('name a built-in file that is missing', () => {
    const error = loadError(builtins.filter((f) => !f.path.endsWith('revisit-triggers.yml')));
    expect(error.file).toBe('checklists/revisit-triggers.yml');
    expect(error.message).toContain('built-in checklist file is missing');
  });

  it('refuse a built-in file given twice', () => {
    const error = loadError([...builtins, { path: 'elsewhere/trade-offs.yaml', text: builtins[1]!.text }]);
    expect(error.message).toContain('defined twice');
  });
});

describe('user checklists', () => {
  it('load with defaults and normalised cues', () => {
    const { custom } = parseChecklistFiles([...builtins, fixture('user-checklist.yml')]);
    expect(custom).toEqual([
      {
        id: 'payments-platform',
        name: 'Payments platform review',
        file: 'test/fixtures/checklists/user-checklist.yml',
        appliesTo: ['adr', 'design-doc'],
        items: [
          {
            id: 'pci-scope',
            text: 'State whether the change brings new systems into PCI-DSS scope.',
            cues: ['pci-dss', 'pci scope', 'cardholder data'],
            severity: 'error',
          },
          {
            id: 'idempotent-payments',
            text: 'Explain how payment requests stay idempotent across retries.',
            cues: ['idempotency key', 'idempotent'],
            severity: 'warning',
          },
        ],
      },
    ]);
  });

  it('load the shipped example checklist', () => {
    const example: ChecklistFile = {
      path: 'examples/checklists/team-checklist.yml',
      text: readFileSync(new URL('../../../examples/checklists/team-checklist.yml', import.meta.url), 'utf8'),
    };
    const { custom } = parseChecklistFiles([...builtins, example]);
    expect(custom[0]!.items.map((i) => i.id)).toEqual(['data-residency', 'on-call-owner', 'migration-path']);
  });

  it('fail on an unknown key, naming file, key, value and line', () => {
    const error = loadError([...builtins, fixture('broken/unknown-key.yml')]);
    expect(error.message).toBe(
      'test/fixtures/checklists/broken/unknown-key.yml:12: items[1].severty = "warning": Unrecognized key: "severty"',
    );
    expect(error).toMatchObject({ file: 'test/fixtures/checklists/broken/unknown-key.yml', key: 'items[1].severty', line: 12 });
  });

  it('fail on a value of the wrong type', () => {
    const error = loadError([...builtins, fixture('broken/wrong-type.yml')]);
    expect(error).toMatchObject({ key: 'items[0].cues[1]', line: 9 });
    expect(error.message).toBe(
      'test/fixtures/checklists/broken/wrong-type.yml:9: items[0].cues[1] = 2027: Invalid input: expected string, received number',
    );
  });

  it('fail on an empty cue', () => {
    const error = loadError([...builtins, fixture('broken/empty-cue.yml')]);
    expect(error).toMatchObject({ key: 'items[0].cues[1]', line: 7 });
    expect(error.message).toBe(
      'test/fixtures/checklists/broken/empty-cue.yml:7: items[0].cues[1] = "   ": cue must not be empty',
    );
  });

  it('fail on bad YAML syntax with the line', () => {
    const error = loadError([...builtins, fixture('broken/bad-syntax.yml')]);
    expect(error.file).toBe('test/fixtures/checklists/broken/bad-syntax.yml');
    expect(error.key).toBe('');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/^test\/fixtures\/checklists\/broken\/bad-syntax\.yml:\d+: YAML syntax error: \S/);
  });

  it('fail on a missing key, pointing at the object that lacks it', () => {
    const error = loadError([
      ...builtins,
      { path: 'team.yml', text: 'id: team\nname: Team\nappliesTo: [adr]\nitems:\n  - id: one\n    text: Do it.\n' },
    ]);
    expect(error.message).toBe('team.yml:5: items[0].cues = (missing): Invalid input: expected array, received undefined');
  });

  it('fail on an empty file', () => {
    const error = loadError([...builtins, { path: 'empty.yml', text: '' }]);
    expect(error.message).toMatch(/^empty\.yml: \(root\) = null: Invalid input: expected object/);
  });

  it('fail on two checklists with one id', () => {
    const user = fixture('user-checklist.yml');
    const error = loadError([...builtins, user, { ...user, path: 'copy.yml' }]);
    expect(error.message).toBe(
      'copy.yml: id = "payments-platform": checklist id "payments-platform" is already used by test/fixtures/checklists/user-checklist.yml',
    );
  });

  it('fail on a file type it cannot read', () => {
    const error = loadError([...builtins, { path: 'notes.md', text: '# notes' }]);
    expect(error.message).toMatch(/^notes\.md: unsupported checklist file/);
  });
});
