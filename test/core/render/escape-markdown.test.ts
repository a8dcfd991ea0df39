import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import {
  escapeMarkdownBlock,
  escapeMarkdownInline,
  escapeTableCell,
  formatHandle,
  safeLinkTarget,
  sanitizeText,
} from '../../../src/core/render/escape-markdown.js';

const parse = (md: string): Root => remark().use(remarkGfm).parse(md);

/** Node types that would mean user text turned into markup. */
const MARKUP = new Set(['html', 'link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'code', 'heading', 'list', 'blockquote', 'table', 'thematicBreak', 'definition']);

/** Markup node types in a tree; a bare URL that GFM autolinks to itself is plain text for this purpose. */
function markupTypes(node: Root | RootContent): string[] {
  const autolink = node.type === 'link' && toString(node) === node.url;
  const own = MARKUP.has(node.type) && !autolink ? [node.type] : [];
  const children = 'children' in node ? (node.children as RootContent[]).flatMap(markupTypes) : [];
  return [...own, ...children];
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor}}',
  '{{#each x}}{{/each}} {{> partial}}',
  '../../etc/passwd',
  '# Heading',
  '> quote',
  '- list item',
  '* star',
  '+ plus',
  '1. ordered',
  '2) ordered',
  '---',
  '===',
  '```js',
  '~~~',
  '`code`',
  '[link](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '[ref]: https://evil.example',
  '| a | b |',
  'back\\slash \\# \\[',
  '&lt;b&gt; &#60;i&#62; &amp;',
  '    indented code',
  'Title #',
];

describe('escapeMarkdownInline', () => {
  it.each(HOSTILE)('%j renders as its literal text', (text) => {
    const tree = parse(escapeMarkdownInline(text));
    expect(markupTypes(tree)).toEqual([]);
    expect(toString(tree)).toBe(text.trim());
  });

  it.each(HOSTILE)('%j renders as literal heading text after "# "', (text) => {
    const tree = parse(`# ${escapeMarkdownInline(text)}`);
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]!.type).toBe('heading');
    expect(toString(tree)).toBe(text.trim());
  });

  it('collapses newlines so a title stays one line', () => {
    expect(escapeMarkdownInline('Use X\n# injected\r\n- item')).toBe('Use X # injected - item');
  });

  it('keeps emoji, right-to-left text and non-Latin scripts', () => {
    for (const text of ['🚀 Launch 👩🏽‍💻', 'שימוש ב-PostgreSQL', 'استخدام قاعدة البيانات', '使用数据库']) {
      expect(toString(parse(escapeMarkdownInline(text)))).toBe(text);
    }
  });

  it('drops bidi overrides and control characters that hide text', () => {
    expect(escapeMarkdownInline('admin\u202Egnp.exe\u0000\u0007')).toBe('admingnp.exe');
    expect(sanitizeText('a\u2066b\u2069c\r\nd')).toBe('abc\nd');
  });

  it('keeps ">" and a bare "&" readable in the source', () => {
    expect(escapeMarkdownInline('traffic > 10x & R&D')).toBe('traffic > 10x & R&D');
  });
});

describe('escapeMarkdownBlock', () => {
  it('keeps paragraphs and lines but no markup', () => {
    const text = 'First paragraph\n# not a heading\n\n\n\n- not a list\n> not a quote\n    not code\n```\nnot fenced\n| a | b |\n| - | - |';
    const out = escapeMarkdownBlock(text);
    const tree = parse(out);
    expect(markupTypes(tree)).toEqual([]);
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph']);
    expect(out).not.toMatch(/\n{3}/);
  });

  it.each(HOSTILE)('%j as a block renders as its literal text', (text) => {
    const tree = parse(escapeMarkdownBlock(text));
    expect(markupTypes(tree)).toEqual([]);
    expect(toString(tree)).toBe(text.trim());
  });
});

describe('escapeTableCell', () => {
  it('keeps a table cell one cell', () => {
    const md = `| h | i |\n| - | - |\n| ${escapeTableCell('a | b\nc')} | x |`;
    const tree = parse(md);
    const table = tree.children[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.children[1]!.children).toHaveLength(2);
    expect(toString(table.children[1]!.children[0]!)).toBe('a | b c');
  });
});

describe('safeLinkTarget', () => {
  it('accepts http(s) URLs and encodes what would end the target', () => {
    expect(safeLinkTarget('https://github.com/o/r/issues/1')).toBe('https://github.com/o/r/issues/1');
    expect(safeLinkTarget('https://x.example/a (b)<c>')).toBe('https://x.example/a%20%28b%29%3Cc%3E');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', '../../etc', 'not a url', ''])('rejects %j', (url) => {
    expect(safeLinkTarget(url)).toBeUndefined();
  });
});

describe('formatHandle', () => {
  it('keeps mentions and escapes plain names', () => {
    expect(formatHandle(' @alice ')).toBe('@alice');
    expect(formatHandle('@my-org/platform-team')).toBe('@my-org/platform-team');
    expect(formatHandle('alice')).toBe('alice');
    expect(formatHandle('Bob <bob@example.com>')).toBe('Bob &lt;bob@example.com>');
    expect(formatHandle('@-bad-')).toBe('@-bad-');
    expect(formatHandle('@alice [x](https://evil.example)')).toBe('@alice \\[x\\](https://evil.example)');
  });
});
