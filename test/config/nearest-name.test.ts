import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearestNames, orList } from '../../src/config/nearest-name.js';
import { KNOWN_RULES } from '../../src/core/rule-set/preset.js';

const RULE_IDS = Object.keys(KNOWN_RULES);

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['review', 'review', 0],
    ['reveiw', 'review', 1],
    ['draft', 'drafts', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%j to %j: %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('nearestNames', () => {
  const topLevel = ['_extends', 'paths', 'statuses', 'rules', 'checklists', 'revisit', 'templates', 'review', 'reminders', 'checks', 'commands'];

  it('finds typos, case slips and truncations', () => {
    expect(nearestNames('reveiw', topLevel)).toEqual(['review']);
    expect(nearestNames('statuss', topLevel)).toEqual(['statuses']);
    expect(nearestNames('Rules', topLevel)).toEqual(['rules']);
    expect(nearestNames('checklist', topLevel)).toEqual(['checklists']);
    expect(nearestNames('adr-optoins', RULE_IDS)).toEqual(['adr-options']);
    expect(nearestNames('warning', ['off', 'warn', 'error'])).toEqual(['warn']);
  });

  it('ranks a close spelling before a longer name that merely starts the same, and keeps ties', () => {
    expect(nearestNames('maxFile', ['drafts', 'maxFileBytes', 'maxFiles'])).toEqual(['maxFiles']);
    expect(nearestNames('max', ['drafts', 'maxFileBytes', 'maxFiles'])).toEqual(['maxFiles']);
    expect(nearestNames('colour', ['color', 'colours', 'size'])).toEqual(['color', 'colours']);
  });

  it('offers nothing for unrelated or very short names', () => {
    for (const name of ['zzz', 'cache', 'foo', 'x', 'settings', 'owner']) expect(nearestNames(name, topLevel)).toEqual([]);
    expect(nearestNames('loud', ['off', 'warn', 'error'])).toEqual([]);
    expect(nearestNames('no-such-check', RULE_IDS)).toEqual([]);
  });

  it('does not offer the very name typed', () => {
    expect(nearestNames('review', topLevel)).toEqual([]);
  });
});

describe('didYouMean and orList', () => {
  it('words the suggestion, or nothing', () => {
    expect(didYouMean('reveiw', ['review'])).toBe(' — did you mean `review`?');
    expect(didYouMean('zzz', ['review'])).toBe('');
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b'])).toBe('a or b');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
  });
});
