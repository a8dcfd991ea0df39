import { codeSpan } from '../render/code-span.js';
import { escapeMarkdownInline } from '../render/escape-markdown.js';
import { neutralizeReferences } from '../render/neutralize-references.js';

/**
 * Finding messages are written by the rules with `code spans` around names
 * and quoted document text ("Unexpected status `acepted`"). Published, the
 * code spans should render as code, while everything else, including the
 * document text a message quotes outside code, must render as literal text
 * that mentions no one and references no issue (the message is posted on
 * GitHub). Code spans keep their text (GitHub links nothing in code), through
 * codeSpan, which also keeps a quoted `<!--` from forming a hidden marker.
 */

// Private-use characters stand in for code spans while the rest is escaped;
// any already in the message are dropped first so they cannot be confused.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const CODE_SPAN = /`([^`\n]+)`/g;

/** A finding message as one line of safe Markdown for GitHub: code spans kept, all other markup escaped, references neutralised. */
export function messageMarkdown(message: string): string {
  const spans: string[] = [];
  const withTokens = message.replace(/[\uE000\uE001]/g, '').replace(CODE_SPAN, (_m, code: string) => {
    spans.push(code);
    return `${OPEN}${spans.length - 1}${CLOSE}`;
  });
  return escapeMarkdownInline(neutralizeReferences(withTokens)).replace(
    new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'),
    (_m, i: string) => codeSpan(spans[Number(i)]!),
  );
}
