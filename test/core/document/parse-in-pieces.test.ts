import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { renderCorpus } from '../../../bench/generate-corpus.js';
import { parseInPieces } from '../../../src/core/document/parse-in-pieces.js';
import { parseMarkdown, parseWhole } from '../../../src/core/document/parse-markdown.js';
import { pieceStarts } from '../../../src/core/document/piece-starts.js';

// About 5,000 characters of prose: each section is long enough to end a piece.
const PROSE = Array.from({ length: 8 }, (_, i) => `Paragraph ${i} weighs the queue against the cache, [a link](https://example.com/${i}) and \`code\`, and says what we give up for the latency we gain at the edge of the platform, in words enough to fill a design doc.`).join('\n\n').repeat(3);

function section(title: string, body: string): string {
  return `## ${title}\n\n${PROSE}\n\n${body}\n\nA closing paragraph for ${title}.\n\n`;
}

/** Parsed in pieces (asserting it was), and compared with the whole parse. */
function expectPieced(source: string): Root {
  const starts = pieceStarts(source);
  expect(starts.length).toBeGreaterThan(0);
  const pieced = parseInPieces(source, starts, parseWhole);
  expect(pieced).toBeDefined();
  expect(pieced).toEqual(parseWhole(source));
  expect(parseMarkdown(source)).toEqual(parseWhole(source));
  return pieced!;
}

describe('parseInPieces', () => {
  it('gives the whole parse’s tree, positions included, for a long design doc cut before its headings', () => {
    const source = `# Search v2\n\n${section('Context', '- a list\n- of items')}${section('Decision', '| a | b |\n|---|---|\n| 1 | 2 |')}${section('Consequences', '> quoted')}`;
    const tree = expectPieced(source);
    const headings = tree.children.filter((node) => node.type === 'heading');
    expect(headings.map((h) => h.position?.start.line)).toEqual(
      source.split('\n').flatMap((line, i) => (line.startsWith('#') ? [i + 1] : [])),
    );
    expect(tree.position?.end.offset).toBe(source.length);
  });

  it('resolves references to definitions in other pieces: link references and footnotes', () => {
    const source = `# Doc\n\n${section('One', 'See [the RFC][rfc] and the benchmark[^bench].')}${section('Two', 'Also [rfc] again.')}[rfc]: https://example.com/rfc\n\n[^bench]: Load test with k6.\n`;
    const tree = expectPieced(source);
    const kinds = JSON.stringify(tree);
    expect(kinds).toContain('"type":"linkReference"');
    expect(kinds).toContain('"type":"footnoteReference"');
  });

  it('gives up (and parseMarkdown parses whole) when a definition-like line defines nothing', () => {
    const source = `# Doc\n\n${section('One', 'Text [x] here.')}${section('Two', '```\n[x]: not a definition, in code\n```')}`;
    expect(pieceStarts(source).length).toBeGreaterThan(0);
    expect(parseInPieces(source, pieceStarts(source), parseWhole)).toBeUndefined();
    expect(parseMarkdown(source)).toEqual(parseWhole(source));
  });

  it('refuses a cut inside a block still open at the cut: HTML <pre>, fenced code', () => {
    const pre = `# Doc\n\n${section('One', `<pre>\n${PROSE}\n\n# not a heading, inside pre`)}</pre>\n`;
    expect(pieceStarts(pre).length).toBeGreaterThan(0);
    expect(parseInPieces(pre, pieceStarts(pre), parseWhole)).toBeUndefined();
    expect(parseMarkdown(pre)).toEqual(parseWhole(pre));

    const fenced = `# Doc\n\n\`\`\`\n${PROSE}\n\n# a comment in code\n\`\`\`\n\n${section('After', 'text')}`;
    const inside = fenced.indexOf('# a comment');
    expect(pieceStarts(fenced)).not.toContain(inside);
    expect(parseInPieces(fenced, [inside], parseWhole)).toBeUndefined();
    expect(parseMarkdown(fenced)).toEqual(parseWhole(fenced));
  });

  it('keeps lists, quotes and fences in list items that the heading closes', () => {
    const source = `# Doc\n\n${PROSE}\n\n- item\n\n  \`\`\`\n  code in an item\n  \`\`\`\n\n${section('Next', '> a quote\n> - with a list')}`;
    const cut = source.indexOf('## Next');
    const pieced = parseInPieces(source, [cut], parseWhole);
    expect(pieced).toEqual(parseWhole(source));
  });

  it('counts lines as micromark does: CRLF and lone CR', () => {
    const lf = `# Doc\n\n${section('One', 'text')}${section('Two', 'text')}`;
    expectPieced(lf.replace(/\n/g, '\r\n'));
    const mixed = lf.replace('A closing paragraph for One.', 'A closing\rparagraph\r\nfor One.');
    expect(parseInPieces(mixed, pieceStarts(mixed), parseWhole)).toEqual(parseWhole(mixed));
  });

  it('keeps front matter whole, even with a `# comment` line in it', () => {
    const source = `---\nstatus: accepted\n${'# a yaml comment\nkey: value\n'.repeat(300)}---\n\n# Doc\n\n${section('One', 'text')}${section('Two', 'text')}`;
    const starts = pieceStarts(source);
    expect(starts.every((start) => start > source.indexOf('\n---\n'))).toBe(true);
    expect(expectPieced(source).children[0]?.type).toBe('yaml');
    expect(pieceStarts(`---\nunclosed: front matter\n\n${section('One', 'x')}${section('Two', 'x')}`)).toEqual([]);
  });

  it('leaves short documents and documents with a byte order mark whole', () => {
    expect(pieceStarts(`# Short\n\n${section('One', 'text')}`)).toEqual([]);
    expect(pieceStarts(`\uFEFF# Doc\n\n${section('One', 'text')}${section('Two', 'text')}${section('Three', 'text')}`)).toEqual([]);
  });

  it('gives the whole parse’s tree for every long document of the generated bench corpus', () => {
    let pieced = 0;
    for (const { doc, text } of renderCorpus(20261206, 50)) {
      const starts = pieceStarts(text);
      const tree = starts.length > 0 ? parseInPieces(text, starts, parseWhole) : undefined;
      if (!tree) continue;
      pieced += 1;
      expect(tree, doc.path).toEqual(parseWhole(text));
    }
    expect(pieced).toBeGreaterThan(5);
  });
});

describe('parseInPieces, bounded work', () => {
  it('parses whole a document whose definitions every piece would have to read again (more than the document)', () => {
    const definitions = Array.from({ length: 2_000 }, (_, i) => `[label-${i}]: https://example.com/${i}`).join('\n');
    const source = `# Doc\n\n${section('One', 'See [label-1].')}${section('Two', 'text')}${section('Three', 'text')}${definitions}\n`;
    expect(pieceStarts(source).length).toBeGreaterThan(1);
    let parsed = 0;
    const counting = (text: string) => {
      parsed += text.length;
      return parseWhole(text);
    };
    expect(parseInPieces(source, pieceStarts(source), counting)).toBeUndefined();
    expect(parsed).toBe(0);
  });
});

describe('parseInPieces, cuts given by the caller', () => {
  it('refuses a cut that is not at a heading, and proves one without a blank line before it by parsing again', () => {
    const source = `# Doc\n\n${PROSE}\n## Two\n\n${PROSE}\n`;
    const atHeading = source.indexOf('## Two');
    expect(parseInPieces(source, [atHeading], parseWhole)).toEqual(parseWhole(source));
    expect(parseInPieces(source, [source.indexOf('Paragraph 3')], parseWhole)).toBeUndefined();
  });
});
