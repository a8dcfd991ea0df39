import { describe, expect, it } from 'vitest';
import { parseWhole } from '../../../src/core/document/parse-markdown.js';
import { definedIdentifiers, definitionPreamble, sameIdentifiers } from '../../../src/core/document/piece-definitions.js';

describe('definitionPreamble', () => {
  it('defines every label a line defines: top level, in quotes and list items, footnotes', () => {
    const source = 'Text [a] and [^n].\n\n[a]: https://a.example\n> [Quoted Label]: /q\n- [in list]: /l\n\n[^n]: A note.\n';
    const preamble = definitionPreamble(source)!;
    expect(preamble.count).toBe(4);
    expect(preamble.lines).toBe(8);
    const defined = definedIdentifiers(parseWhole(preamble.text).children);
    expect([...defined].sort()).toEqual(['^n', 'a', 'in list', 'quoted label']);
    expect(sameIdentifiers(defined, definedIdentifiers(parseWhole(source).children))).toBe(true);
  });

  it('ignores definitions inside HTML comments (templates keep examples there)', () => {
    expect(definitionPreamble('<!--\n[example]: https://example.com\n-->\nText.\n')).toBeUndefined();
  });

  it('is undefined without a definition-like line', () => {
    expect(definitionPreamble('# Title\n\nNo definitions here, only map[key]: value in prose.\n')).toBeUndefined();
  });
});

describe('sameIdentifiers', () => {
  it('compares as sets', () => {
    expect(sameIdentifiers(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(sameIdentifiers(new Set(['a']), new Set(['a', '^a']))).toBe(false);
  });
});
