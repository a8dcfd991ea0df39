import { escapeMarkdownInline } from '../render/escape-markdown.js';

/**
 * Finding messages are written by the rules with `code spans` around names
 * and quoted document text ("Unexpected status `acepted`"). Published, the
 * code spans should render as code, while everything else, including the
 * document text a message quotes outside code, must render as literal text.
 */

// Private-use characters stand in for code spans while the rest is escaped;
// any already in the message are dropped first so they cannot be confused.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const CODE_SPAN = /`([^`\n]+)`/g;

/** A finding message as one line of safe Markdown: code spans kept, all other markup escaped. */
export function messageMarkdown(message: string): string {
  const spans: string[] = [];
  const withTokens = message.replace(/[\uE000\uE001]/g, '').replace(CODE_SPAN, (_m, code: string) => {
    spans.push(code.replace(/\s+/g, ' '));
    return `${OPEN}${spans.length - 1}${CLOSE}`;
  });
  return escapeMarkdownInline(withTokens).replace(
    new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'),
    (_m, i: string) => `\`${spans[Number(i)]}\``,
  );
}
