import { describe, expect, it } from 'vitest';
import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../../../src/core/document/parse-markdown.js';
import { plainTextWithLines } from '../../../src/core/document/plain-text.js';

const fullGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();

function types(node: Nodes, into: string[] = []): string[] {
  into.push(node.type);
  if ('children' in node) for (const child of node.children) types(child, into);
  return into;
}

const DOC = `---
status: accepted
---
# 3. Store sessions in Redis

## Options

| Option | Latency | Cost |
| --- | --- | --- |
| Redis | 1 ms | ~~high~~ medium |
| Postgres | 4 ms | low |

- [x] measured p99 under load[^bench]
- [ ] review in six months

See https://redis.io/docs/latest/, www.example.com/sessions and ops@example.com,
or <https://github.com/org/repo/issues/12> and [the runbook](docs/runbook.md).

[^bench]: Load test of 2026-11-02.
`;

describe('the GFM syntax the review parses', () => {
  const tree = parseMarkdown(DOC);
  const seen = new Set(types(tree));

  it('reads tables, strikethrough, task list items and footnotes as remark-gfm does', () => {
    for (const type of ['yaml', 'table', 'tableRow', 'tableCell', 'delete', 'footnoteReference', 'footnoteDefinition']) expect(seen).toContain(type);
    const items = tree.children.find((n) => n.type === 'list');
    expect(items?.type === 'list' && items.children.map((i) => i.checked)).toEqual([true, false]);
  });

  it('leaves bare URLs, www. domains and e-mail addresses as text, and keeps CommonMark autolinks and links', () => {
    const paragraph = tree.children.find((n) => n.type === 'paragraph' && JSON.stringify(n).includes('redis.io'));
    expect(paragraph?.type).toBe('paragraph');
    const links = paragraph?.type === 'paragraph' ? paragraph.children.filter((c) => c.type === 'link').map((c) => c.type === 'link' && c.url) : [];
    expect(links).toEqual(['https://github.com/org/repo/issues/12', 'docs/runbook.md']);
  });

  it('differs from full GFM only in the autolink literals: the same other nodes, plain text and lines', () => {
    const full = fullGfm.parse(DOC) as Root;
    const counts = (root: Root): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const type of types(root)) if (type !== 'link' && type !== 'text') out[type] = (out[type] ?? 0) + 1;
      return out;
    };
    expect(types(full).filter((t) => t === 'link')).toHaveLength(5);
    expect(types(tree).filter((t) => t === 'link')).toHaveLength(2);
    expect(counts(tree)).toEqual(counts(full));
    expect(plainTextWithLines(tree)).toEqual(plainTextWithLines(full));
  });
});
