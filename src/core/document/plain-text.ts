import type { Code, Nodes } from 'mdast';

/** Plain text and the source line each of its lines was written on. */
export interface PlainTextLines {
  text: string;
  /** `lines[i]` is the 1-based source line of `text.split('\n')[i]`. */
  lines: number[];
}

/**
 * Plain text of a node. Unlike mdast-util-to-string, block children are
 * joined with newlines (a list reads "a\nb", not "ab") and HTML is dropped,
 * because comments in templates are guidance, not content.
 */
export function plainText(node: Nodes): string {
  return plainTextWithLines(node).text;
}

/**
 * Plain text of a node (as `plainText`) and, for each output line, the source
 * line of the node that starts it, built in the same single walk: soft line
 * breaks inside a text node advance the line, a table row gets its row's line,
 * code blocks count their lines. Blank lines between blocks are gone from the
 * text, which is why readers need this map rather than counting.
 */
export function plainTextWithLines(node: Nodes): PlainTextLines {
  const builder = new TextBuilder(startLine(node));
  builder.node(node);
  return { text: builder.out, lines: builder.lines };
}

function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/**
 * Appends text to one buffer. A block container's separator is written
 * lazily, when its next child first writes something, so children with no
 * text are skipped exactly as a join of non-empty parts would skip them.
 */
class TextBuilder {
  out = '';
  lines: number[];
  /** True while the current output line holds no character yet. */
  private lineEmpty = true;
  private pending: { separator: string; line: number } | null = null;

  constructor(first: number) {
    this.lines = [first];
  }

  node(node: Nodes): void {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        this.leaf(node.value, startLine(node));
        return;
      case 'code':
        this.leaf(node.value, codeStartLine(node));
        return;
      case 'html':
      case 'yaml':
      case 'definition':
      case 'footnoteReference':
      case 'thematicBreak':
        return;
      case 'break':
        // A hard break ends at the start of the next source line.
        this.leaf('\n', node.position?.start.line ?? this.lines[this.lines.length - 1]!);
        return;
      case 'image':
      case 'imageReference':
        this.leaf(node.alt ?? '', startLine(node));
        return;
      default:
        break;
    }
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    // Phrasing containers concatenate; block containers put each child on its own line.
    if (isPhrasingContainer(node)) {
      for (const child of children) this.node(child);
      return;
    }
    const separator = node.type === 'tableRow' ? ' | ' : '\n';
    let first = true;
    for (const child of children) {
      const before = this.out.length;
      if (!first) this.pending = { separator, line: startLine(child) };
      this.node(child);
      if (this.out.length !== before) first = false;
      // A child that wrote nothing leaves no separator behind; before the first
      // write, the pending separator is an outer container's and stays.
      else if (!first) this.pending = null;
    }
  }

  /** Write a leaf's value, which starts on source line `line`; each newline in it advances the line. */
  private leaf(value: string, line: number): void {
    if (value === '') return;
    this.flushSeparator();
    let from = 0;
    let current = line;
    for (let nl = value.indexOf('\n'); ; nl = value.indexOf('\n', from)) {
      const segment = nl === -1 ? value.slice(from) : value.slice(from, nl);
      if (segment !== '') {
        // The node that writes the first character of a line gives the line its source line.
        if (this.lineEmpty) this.lines[this.lines.length - 1] = current;
        this.lineEmpty = false;
        this.out += segment;
      }
      if (nl === -1) return;
      current += 1;
      this.newline(current);
      from = nl + 1;
    }
  }

  private flushSeparator(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    if (pending.separator === '\n') this.newline(pending.line);
    else {
      this.out += pending.separator;
      this.lineEmpty = false;
    }
  }

  private newline(line: number): void {
    this.out += '\n';
    this.lines.push(line);
    this.lineEmpty = true;
  }
}

/**
 * First source line of a code block's value: the line after the opening
 * fence, or the first line for indented code. mdast does not say which it
 * is: a fence has a language, or spans two lines more than its value (an
 * indented block spans its value, plus at most a trailing whitespace line).
 */
function codeStartLine(node: Code): number {
  const start = node.position?.start.line ?? 1;
  const end = node.position?.end.line ?? start;
  let valueLines = 1;
  for (let i = node.value.indexOf('\n'); i !== -1; i = node.value.indexOf('\n', i + 1)) valueLines += 1;
  const fenced = node.lang != null || node.meta != null || end - start + 1 >= valueLines + 2;
  return fenced ? start + 1 : start;
}

function isPhrasingContainer(node: Nodes): boolean {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      return true;
    default:
      return false;
  }
}
