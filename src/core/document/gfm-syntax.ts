import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

/**
 * GitHub Flavored Markdown as the review reads it: tables, footnotes,
 * strikethrough and task list items, in remark-gfm's order, without autolink
 * literals (a bare `https://…`, `www.…` or e-mail address becoming a link
 * node). No check reads a link node's target (links.ts reads references from
 * the source lines) and a literal's link holds the same text as the plain
 * text it replaces, yet its tokenizer runs at every character that may start
 * a URL, domain or address: on the bench corpora it made a third of the
 * parse's allocation and a quarter of its time (bench/README.md).
 */
export function remarkGfmSyntax(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
  return undefined;
}
