import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ConditionSyntaxError,
  choiceCues,
  evaluateCondition,
  evaluateRiskRules,
  isNoneChoice,
  parseCondition,
  toLensRisk,
  type LensRuleRisk,
} from '../../../src/core/checklists/aws-lens.js';
import { parseChecklistFiles, type ChecklistFile } from '../../../src/core/checklists/load-checklists.js';
import { readBuiltinChecklistFiles } from '../../../src/io/read-checklists.js';
import { loadError } from './load-error.js';

const builtins = readBuiltinChecklistFiles();
const read = (relative: string): string => readFileSync(new URL(relative, import.meta.url), 'utf8');
const lensFile: ChecklistFile = {
  path: 'test/fixtures/checklists/example-lens.json',
  text: read('../../fixtures/checklists/example-lens.json'),
};

/** True when `condition` holds for the selected choice ids. */
const holds = (condition: string, ...selected: string[]): boolean => evaluateCondition(parseCondition(condition), new Set(selected));

describe('AWS Well-Architected custom lens', () => {
  const [lens] = parseChecklistFiles([...builtins, lensFile]).lenses;

  it('loads pillars, questions, choices and risk rules', () => {
    expect(lens).toBeDefined();
    expect(lens!.id).toBe('example-lens');
    expect(lens!.name).toBe('Service Launch Readiness');
    expect(lens!.file).toBe('test/fixtures/checklists/example-lens.json');
    expect(lens!.pillars.map((p) => p.id)).toEqual(['reliability', 'security']);
    const recovery = lens!.pillars[0]!.questions[0]!;
    expect(recovery.id).toBe('rel_recovery');
    expect(recovery.choices.map((c) => [c.id, c.none])).toEqual([
      ['rel_recovery_multi_az', false],
      ['rel_recovery_timeouts', false],
      ['rel_recovery_dr_tested', false],
      ['rel_recovery_no', true],
    ]);
    expect(recovery.riskRules.at(-1)).toEqual({ condition: 'default', risk: 'HIGH_RISK' });
  });

  it('derives lower-case cues from choice titles, none for "None of these"', () => {
    const choices = lens!.pillars.flatMap((p) => p.questions.flatMap((q) => q.choices));
    const cues = Object.fromEntries(choices.map((c) => [c.id, c.cues]));
    expect(cues.rel_recovery_multi_az).toEqual(['deploy across multiple availability zones', 'multiple availability zones']);
    expect(cues.rel_recovery_timeouts).toEqual(expect.arrayContaining(['circuit breakers', 'dependency call']));
    expect(cues.rel_recovery_dr_tested).toEqual(expect.arrayContaining(['test disaster recovery', 'rto', 'rpo']));
    expect(cues.sec_data_encrypt_rest).toEqual(['encrypt data at rest with kms keys', 'encrypt data at rest', 'kms keys', 'kms']);
    expect(cues.rel_recovery_no).toEqual([]);
    for (const cue of choices.flatMap((c) => c.cues)) expect(cue).toBe(cue.toLowerCase().trim());
  });

  it('evaluates the lens risk rules in order, first match wins', () => {
    const rules = lens!.pillars[0]!.questions[0]!.riskRules;
    const risk = (...ids: string[]): LensRuleRisk | undefined => evaluateRiskRules(rules, new Set(ids));
    expect(risk('rel_recovery_multi_az', 'rel_recovery_timeouts', 'rel_recovery_dr_tested')).toBe('NO_RISK');
    expect(risk('rel_recovery_multi_az')).toBe('MEDIUM_RISK');
    expect(risk('rel_recovery_dr_tested', 'rel_recovery_timeouts')).toBe('MEDIUM_RISK');
    expect(risk('rel_recovery_multi_az', 'rel_recovery_no')).toBe('HIGH_RISK');
    expect(risk('rel_recovery_timeouts')).toBe('HIGH_RISK');
    expect(risk()).toBe('HIGH_RISK');
  });

  it('loads the shipped example lens, which passes unknown AWS fields through', () => {
    const example: ChecklistFile = {
      path: 'examples/checklists/launch-readiness-lens.json',
      text: read('../../../examples/checklists/launch-readiness-lens.json'),
    };
    const withExtra = JSON.parse(example.text) as Record<string, unknown>;
    withExtra.jiraConfiguration = { selectedPillars: [] };
    const { lenses } = parseChecklistFiles([...builtins, example, { path: 'other.json', text: JSON.stringify(withExtra) }]);
    expect(lenses.map((l) => l.id)).toEqual(['launch-readiness-lens', 'other']);
    expect(lenses[1]!.pillars).toEqual(lenses[0]!.pillars);
  });
});

describe('lens condition syntax', () => {
  it('combines choice ids with &&, || and !', () => {
    expect(holds('a && b', 'a', 'b')).toBe(true);
    expect(holds('a && b', 'a')).toBe(false);
    expect(holds('a || b', 'b')).toBe(true);
    expect(holds('a || b')).toBe(false);
    expect(holds('!a', 'b')).toBe(true);
    expect(holds('!a', 'a')).toBe(false);
    expect(holds('!!a', 'a')).toBe(true);
    expect(holds('a&&!b', 'a')).toBe(true);
  });

  it('binds ! tighter than && and && tighter than ||, with parentheses to group', () => {
    expect(holds('a || b && c', 'a')).toBe(true);
    expect(holds('(a || b) && c', 'a')).toBe(false);
    expect(holds('(a || b) && c', 'b', 'c')).toBe(true);
    expect(holds('!(a && b)', 'a', 'b')).toBe(false);
    expect(holds('!(a && b)', 'a')).toBe(true);
    // The example from the lens format documentation.
    const medium = '((choice_1 || choice_2) && choice_3) || (!choice_1 && choice_3)';
    expect(holds(medium, 'choice_3')).toBe(true);
    expect(holds(medium, 'choice_1', 'choice_3')).toBe(true);
    expect(holds(medium, 'choice_1', 'choice_2')).toBe(false);
  });

  it('treats default as always true and unknown ids as false', () => {
    expect(holds('default')).toBe(true);
    expect(holds('  default  ')).toBe(true);
    expect(holds('no_such_choice', 'a')).toBe(false);
    expect(holds('!no_such_choice')).toBe(true);
  });

  it('rejects malformed conditions with the offset', () => {
    for (const bad of ['', 'a &&', '(a', 'a)', 'a b', 'a & b', 'a | b', '&& a', 'a || (b && )', 'choice-1']) {
      expect(() => parseCondition(bad), bad).toThrow(ConditionSyntaxError);
    }
    try {
      parseCondition('a && (b || ');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConditionSyntaxError);
      expect((error as ConditionSyntaxError).offset).toBe(11);
      expect((error as Error).message).toBe('expected a choice id, "!" or "(" at offset 11, found "end of condition"');
    }
  });

  it('is bounded: long conditions and deep nesting are refused, not recursed into', () => {
    expect(() => parseCondition(`a${' || a'.repeat(400)}`)).toThrow(/longer than 2000/);
    expect(() => parseCondition(`${'('.repeat(100)}a${')'.repeat(100)}`)).toThrow(/nested deeper than 64/);
    expect(holds(`${'('.repeat(60)}a${')'.repeat(60)}`, 'a')).toBe(true);
    expect(holds(`${'!'.repeat(1500)}a`, 'a')).toBe(true);
  });

  it('never matches a malformed rule and returns undefined when nothing holds', () => {
    const rules = [
      { condition: 'a &&', risk: 'NO_RISK' as const },
      { condition: 'b', risk: 'MEDIUM_RISK' as const },
    ];
    expect(evaluateRiskRules(rules, new Set(['a', 'b']))).toBe('MEDIUM_RISK');
    expect(evaluateRiskRules(rules, new Set(['a']))).toBeUndefined();
  });

  it('maps rule risks to WA Tool question risks', () => {
    expect(toLensRisk('HIGH_RISK')).toBe('HIGH');
    expect(toLensRisk('MEDIUM_RISK')).toBe('MEDIUM');
    expect(toLensRisk('NO_RISK')).toBe('NONE');
  });
});

describe('choice helpers', () => {
  it('recognise "None of these" by id suffix or title', () => {
    expect(isNoneChoice({ id: 'q1_no', title: 'Nothing applies' })).toBe(true);
    expect(isNoneChoice({ id: 'q1_other', title: ' None of these ' })).toBe(true);
    expect(isNoneChoice({ id: 'q1_notes', title: 'Keep notes' })).toBe(false);
  });

  it('keep phrases and technical terms, drop lone generic words', () => {
    expect(choiceCues('Use infrastructure as code (IaC) for every environment')).toEqual([
      'use infrastructure as code iac for every environment',
      'infrastructure as code',
      'iac',
    ]);
    expect(choiceCues('Run multi-AZ')).toEqual(['run multi-az', 'multi-az']);
    expect(choiceCues('Data')).toEqual([]);
    expect(choiceCues('Implement a single point of failure analysis. Use HTTP/2 and gRPC.')).toEqual(
      expect.arrayContaining(['single point of failure analysis', 'http/2', 'grpc']),
    );
  });
});

describe('malformed lenses', () => {
  it('fail on a bad condition, naming file, key, value and line', () => {
    const file: ChecklistFile = {
      path: 'test/fixtures/checklists/broken/bad-lens.json',
      text: read('../../fixtures/checklists/broken/bad-lens.json'),
    };
    const error = loadError([...builtins, file]);
    expect(error).toMatchObject({
      file: 'test/fixtures/checklists/broken/bad-lens.json',
      key: 'pillars[0].questions[0].riskRules[0].condition',
      line: 18,
    });
    expect(error.message).toBe(
      'test/fixtures/checklists/broken/bad-lens.json:18: pillars[0].questions[0].riskRules[0].condition = "sec_data_encrypt && (sec_data_no": expected ")" at offset 32, found "end of condition" (and 1 more problem)',
    );
  });

  it('fail when a question has no default rule', () => {
    const lens = JSON.parse(lensFile.text) as { pillars: { questions: { riskRules: unknown[] }[] }[] };
    lens.pillars[1]!.questions[0]!.riskRules.pop();
    const error = loadError([...builtins, { path: 'lens.json', text: JSON.stringify(lens, null, 2) }]);
    expect(error.key).toBe('pillars[1].questions[0].riskRules');
    expect(error.message).toContain('every question needs a risk rule with condition "default"');
    expect(error.line).toBeGreaterThan(1);
  });

  it('fail on a wrong schema version or a missing field', () => {
    const lens = JSON.parse(lensFile.text) as Record<string, unknown>;
    const versionError = loadError([...builtins, { path: 'l.json', text: JSON.stringify({ ...lens, schemaVersion: '2020-01-01' }) }]);
    expect(versionError.message).toBe('l.json:1: schemaVersion = "2020-01-01": expected schemaVersion "2021-11-01"');
    const { pillars: _pillars, ...noPillars } = lens;
    const missing = loadError([...builtins, { path: 'l.json', text: JSON.stringify(noPillars) }]);
    expect(missing.key).toBe('pillars');
    expect(missing.message).toContain('pillars = (missing)');
  });

  it('fail on JSON syntax errors with the line', () => {
    const error = loadError([...builtins, { path: 'l.json', text: '{\n  "schemaVersion": "2021-11-01",\n  "name": ,\n}' }]);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^l\.json:3: JSON syntax error: /);
  });

  it('fail on a duplicate choice id', () => {
    const lens = JSON.parse(lensFile.text) as { pillars: { questions: { choices: { id: string }[] }[] }[] };
    lens.pillars[1]!.questions[0]!.choices[1]!.id = 'sec_data_encrypt_rest';
    const error = loadError([...builtins, { path: 'l.json', text: JSON.stringify(lens) }]);
    expect(error.key).toBe('pillars[1].questions[0].choices[1].id');
    expect(error.message).toContain('duplicate id "sec_data_encrypt_rest"');
  });
});
