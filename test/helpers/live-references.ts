// What of a text GitHub would turn into a mention or an issue reference: in Markdown, the text
// outside code (GitHub links nothing in code spans and fenced code) and the link targets; in
// plain text (annotations), all of it.
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** The revisit trigger of the issue 13 reproduction, as a fork's ADR wrote it. */
export const HOSTILE_TRIGGER = 'Revisit by 2020-01-01 cc @acme/security-team @octocat #1 acme/other#1';

const ISSUE_URL = /\b(?:https?:\/\/|www\.)[^\s/]+\/[^\s/]+\/[^\s/]+\/(?:issues|pull|pulls|discussions)\/[0-9]+/gi;
/** Shapes GitHub autolinks: `@user`, `@org/team`, `#1` (so `owner/repo#1`), `GH-1`, issue and pull request URLs. */
const LIVE = [
  /@[A-Za-z0-9][A-Za-z0-9/-]*/g,
  /#[0-9]+/g,
  /\bGH-[0-9]+/gi,
  ISSUE_URL,
];

/** Every live mention or reference in plain text. */
export function liveInText(text: string): string[] {
  return LIVE.flatMap((pattern) => text.match(pattern) ?? []);
}

/** Every live mention or reference in Markdown as GitHub renders it (remark with GFM, autolink literals included). */
export function liveInMarkdown(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const found: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'code' || node.type === 'inlineCode') return SKIP;
    // Raw HTML: the bot's own comments (markers) are not rendered; anything else is text to GitHub.
    if (node.type === 'html' && !node.value.startsWith('<!--')) found.push(...liveInText(node.value));
    if (node.type === 'text') found.push(...liveInText(node.value));
    // A link's target references an issue when it is an issue URL (`#L12` anchors and file paths do not).
    if (node.type === 'link') found.push(...(node.url.match(ISSUE_URL) ?? []));
    return undefined;
  });
  return found;
}

/** Markdown code spans and blocks, by kind, for assertions on what stayed exact. */
export function codeIn(markdown: string): { inline: string[]; blocks: { lang: string | null | undefined; value: string }[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const inline: string[] = [];
  const blocks: { lang: string | null | undefined; value: string }[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'inlineCode') inline.push(node.value);
    if (node.type === 'code') blocks.push({ lang: node.lang, value: node.value });
  });
  return { inline, blocks };
}

/** The text as a reader sees it: zero-width spaces are invisible. */
export function asSeen(text: string): string {
  return text.replace(/\u200b/g, '');
}
