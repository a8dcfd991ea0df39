/**
 * Record text made safe inside Mermaid: titles and paths are user text, and a
 * quote, bracket, semicolon, `%%` or HTML tag in them must neither end the
 * label nor start a statement (`click … call …`) nor reach the page as markup.
 * Flowchart labels are written in quotes with every character outside a small
 * safe set as a Mermaid entity (`#35;`), which Mermaid turns back into the
 * character; gantt task names have no entities, so there those characters are
 * replaced.
 */
import { oneLine } from '../render/record-label.js';

// Letters and digits of any script, and punctuation that means nothing to Mermaid inside quotes.
const SAFE_LABEL = /[^\p{L}\p{N} .,_\-–—·/()'+?!]/gu;

/** Text for a quoted flowchart label or subgraph title: one line, every unsafe character as `#<code point>;`. */
export function mermaidLabel(text: string): string {
  return oneLine(text).replace(SAFE_LABEL, (ch) => `#${ch.codePointAt(0)};`);
}

// The gantt grammar ends a task name at `:` and reads `#`, `;` and `%%` itself; quotes, angle brackets and backticks are markup.
const GANTT_UNSAFE = /[:;#%"'`<>\\{}[\]]/g;

// A task name that starts with one of these is read as that statement (`click x call …`) or breaks the parse.
const GANTT_KEYWORD =
  /^(?:click|section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|topaxis|inclusiveenddates|displaymode|acctitle|accdescr)\b/i;

/**
 * Text for a gantt task name: one line, the characters the grammar or the page
 * would read replaced by spaces, and a leading keyword pushed off the start.
 */
export function ganttText(text: string): string {
  const clean = oneLine(text.replace(GANTT_UNSAFE, ' '));
  return GANTT_KEYWORD.test(clean) ? `› ${clean}` : clean;
}

/** Text inside a double-quoted DOT string: backslashes and quotes escaped, one line. */
export function dotText(text: string): string {
  return oneLine(text).replace(/[\\"]/g, (ch) => `\\${ch}`);
}
