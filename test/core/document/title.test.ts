import { describe, expect, it } from 'vitest';
import { numberFromFileName, numberInTitle } from '../../../src/core/document/title.js';

describe('numberInTitle', () => {
  it.each([
    ['12. Use X', 12],
    ['ADR-0012: Use X', 12],
    ['ADR 12 - Use X', 12],
    ['0012 Use X', 12],
    ['ADR-012 Use X', 12],
    ['2) Split the monolith', 2],
    ['RFC #45: Streaming API', 45],
  ])('%s → %d', (title, n) => {
    expect(numberInTitle(title)).toBe(n);
  });

  it.each(['Use Postgres', '2023 roadmap', '2023-05-02 notes', '12.3 release notes', 'Use HTTP/2 everywhere'])(
    'reads no number in %s',
    (title) => {
      expect(numberInTitle(title)).toBeUndefined();
    },
  );
});

describe('numberFromFileName', () => {
  it.each([
    ['doc/adr/0012-use-x.md', 12],
    ['docs/adr/adr-012-use-x.md', 12],
    ['docs/decisions/ABC-012-slug.md', 12],
    ['docs/decisions/0012-use-x/README.md', 12],
    ['doc/adr/0000-use-markdown.md', 0],
    ['rfcs/1234-streaming.md', 1234],
  ])('%s → %d', (path, n) => {
    expect(numberFromFileName(path)).toBe(n);
  });

  it.each(['architecture/decisions/20200925-slug.md', 'docs/decisions/2023-05-02-slug/README.md', 'docs/adr/use-x.md', 'docs/README.md'])(
    'reads no number from %s',
    (path) => {
      expect(numberFromFileName(path)).toBeUndefined();
    },
  );
});
