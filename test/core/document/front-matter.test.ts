import { describe, expect, it } from 'vitest';
import { readFrontMatter, scalarText } from '../../../src/core/document/front-matter.js';
import { readToml } from '../../../src/core/document/front-matter-toml.js';
import { parseMarkdown } from '../../../src/core/document/parse-markdown.js';

describe('readFrontMatter', () => {
  it('reads YAML and remembers where it starts', () => {
    const fm = readFrontMatter(parseMarkdown('---\nstatus: accepted\ndeciders: [a, b]\n---\n# X\n'));
    expect(fm).toMatchObject({ data: { status: 'accepted', deciders: ['a', 'b'] }, line: 1, problems: [] });
  });

  it('reports the YAML error line in the file, not in the block', () => {
    const fm = readFrontMatter(parseMarkdown('---\nstatus: accepted\ndeciders: [a, b\ndate: 2024-01-01\n---\n# X\n'));
    expect(fm.data).toBeNull();
    expect(fm.problems).toHaveLength(1);
    expect(fm.problems[0]!.ruleId).toBe('front-matter-yaml');
    expect(fm.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(fm.problems[0]!.line).toBeLessThanOrEqual(5);
    expect(fm.problems[0]!.message).toMatch(/^Invalid YAML front matter: .+Fix the YAML/);
  });

  it('reports a duplicate key at its line', () => {
    const fm = readFrontMatter(parseMarkdown('---\nstatus: accepted\nstatus: proposed\n---\n'));
    expect(fm.problems[0]).toMatchObject({ ruleId: 'front-matter-yaml', line: 3 });
  });

  it('rejects front matter that is not a mapping', () => {
    const fm = readFrontMatter(parseMarkdown('---\n- a\n- b\n---\n# X\n'));
    expect(fm.data).toBeNull();
    expect(fm.problems[0]).toMatchObject({ line: 2 });
  });

  it('reports a value starting with `*` (a template choice list read as an alias) at its line, with the quoting advice', () => {
    // yaml reports no parse error here; building the value throws "Unresolved alias".
    const fm = readFrontMatter(parseMarkdown('---\ntitle: Faster builds\nowners:\n  - kim\nstatus: **draft**|ready|done\n---\n# Faster builds\n'));
    expect(fm.data).toBeNull();
    expect(fm.problems).toEqual([
      {
        ruleId: 'front-matter-yaml',
        line: 5,
        column: 9,
        message: expect.stringContaining('the value of `status` starts with "*"') as string,
      },
    ]);
    expect(fm.problems[0]!.message).toContain('Quote the value (`status: "**draft**|ready|done"`)');
  });

  it('reports too many aliases at the first alias instead of throwing', () => {
    const nested = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]'];
    const fm = readFrontMatter(parseMarkdown(`---\n${nested.join('\n')}\n---\n# X\n`));
    expect(fm.data).toBeNull();
    expect(fm.problems).toMatchObject([{ ruleId: 'front-matter-yaml', line: 3, message: expect.stringMatching(/^Invalid YAML front matter: Excessive alias count/) as string }]);
  });

  it('reads empty front matter as an empty object and no front matter as null', () => {
    expect(readFrontMatter(parseMarkdown('---\n---\n# X\n')).data).toEqual({});
    expect(readFrontMatter(parseMarkdown('# X\n')).data).toBeNull();
  });

  it('reports a TOML error at its line', () => {
    const fm = readFrontMatter(parseMarkdown('+++\ntitle = "X"\nstatus accepted\n+++\n'));
    expect(fm.data).toBeNull();
    expect(fm.problems[0]).toMatchObject({ ruleId: 'front-matter-yaml', line: 3 });
  });
});

describe('readToml', () => {
  it('reads tables, arrays and comments', () => {
    expect(readToml('title = "X" # comment\ntags = ["a", "b"]\n[params]\nweight = 3\n')).toEqual({
      data: { title: 'X', tags: ['a', 'b'], params: { weight: 3 } },
    });
  });
  it('rejects unquoted strings', () => {
    expect(readToml('status = accepted\n')).toEqual({ error: { line: 1, reason: expect.stringContaining('quote strings') } });
  });
});

describe('scalarText', () => {
  it('turns a Date into an ISO day and keeps strings and numbers', () => {
    expect(scalarText(new Date(Date.UTC(2021, 2, 16)))).toBe('2021-03-16');
    expect(scalarText(' accepted ')).toBe('accepted');
    expect(scalarText(12)).toBe('12');
    expect(scalarText({ a: 1 })).toBeUndefined();
  });
});
