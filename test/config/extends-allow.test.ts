import { describe, expect, it } from 'vitest';
import { extendsAllowed, extendsRule, NO_EXTENDS_ALLOWED, parseExtendsAllow, parseExtendsValue } from '../../src/config/extends-allow.js';

const reviewed = { owner: 'acme', repo: 'service' };
const defaults = { owner: 'acme', path: '.github/design-review.yml' };

describe('the _extends rule', () => {
  it.each([
    ['the repository itself', { owner: 'acme', repo: 'service' }],
    ['the repository itself, in another case', { owner: 'ACME', repo: 'Service' }],
    ["the owner's .github repository", { owner: 'acme', repo: '.github' }],
  ])('allows %s without any operator setting', (_what, target) => {
    expect(extendsAllowed(target, reviewed, NO_EXTENDS_ALLOWED)).toBe(true);
  });

  it.each([
    ['another repository of the same owner', { owner: 'acme', repo: 'infra-secrets' }],
    ["another owner's .github repository", { owner: 'other', repo: '.github' }],
    ["another owner's repository of the same name", { owner: 'other', repo: 'service' }],
  ])('refuses %s by default', (_what, target) => {
    expect(extendsAllowed(target, reviewed, NO_EXTENDS_ALLOWED)).toBe(false);
  });

  it('allows what CONFIG_EXTENDS_ALLOW lists, by repository or by owner, and nothing else', () => {
    const { allow, problems } = parseExtendsAllow(' acme/policies, Shared-Org/*\nother/x ');
    expect(problems).toEqual([]);
    expect(allow).toEqual({ repos: ['acme/policies', 'other/x'], owners: ['shared-org'] });
    expect(extendsAllowed({ owner: 'acme', repo: 'Policies' }, reviewed, allow)).toBe(true);
    expect(extendsAllowed({ owner: 'shared-org', repo: 'anything' }, reviewed, allow)).toBe(true);
    expect(extendsAllowed({ owner: 'acme', repo: 'infra-secrets' }, reviewed, allow)).toBe(false);
    expect(extendsAllowed({ owner: 'other', repo: 'y' }, reviewed, allow)).toBe(false);
  });

  it('leaves bad CONFIG_EXTENDS_ALLOW entries out, naming each', () => {
    const { allow, problems } = parseExtendsAllow('acme/ok,*,acme,*/x,acme/a/b,-bad/x');
    expect(allow).toEqual({ repos: ['acme/ok'], owners: [] });
    expect(problems).toHaveLength(5);
    expect(problems[0]).toBe('CONFIG_EXTENDS_ALLOW: "*" is not owner/repo or owner/* (e.g. acme/policies, acme/*); it allows nothing');
    expect(parseExtendsAllow(undefined)).toEqual({ allow: { repos: [], owners: [] }, problems: [] });
  });

  it('says what is allowed and how the operator allows more', () => {
    const rule = extendsRule(reviewed);
    expect(rule).toContain('`service:path/to/file.yml`');
    expect(rule).toContain('acme/.github');
    expect(rule).toContain('CONFIG_EXTENDS_ALLOW');
  });
});

describe('parseExtendsValue (as @probot/octokit-plugin-config reads `_extends`)', () => {
  it.each([
    ['.github', { owner: 'acme', repo: '.github', path: '.github/design-review.yml' }],
    ['.github:org/design-review.yaml', { owner: 'acme', repo: '.github', path: 'org/design-review.yaml' }],
    ['service:.github/base.yml', { owner: 'acme', repo: 'service', path: '.github/base.yml' }],
    ['other/policies:strict.yml', { owner: 'other', repo: 'policies', path: 'strict.yml' }],
    ['infra-secrets:deploy/prod.yml', { owner: 'acme', repo: 'infra-secrets', path: 'deploy/prod.yml' }],
  ])('%s', (value, target) => {
    expect(parseExtendsValue(value, defaults)).toEqual(target);
  });

  it.each([
    [42, /must be a string/],
    ['a/b/c', /"b\/c" is not a repository name/],
    ['-x/repo', /"-x" is not a GitHub owner name/],
    ['repo:notes.txt', /is not a path to a \.yml or \.yaml file/],
    ['repo:../other/x.yml', /is not a path to a \.yml or \.yaml file inside the repository/],
    ['repo:./x.yml', /inside the repository/],
    ['repo:/etc/x.yml', /inside the repository/],
    ['..:x.yml', /is not a repository name/],
    ['x'.repeat(301), /longer than 300 characters/],
  ])('refuses %j', (value, error) => {
    const target = parseExtendsValue(value, defaults);
    expect('error' in target && target.error).toMatch(error);
  });
});
