/**
 * Markdown the publish code has already escaped or fenced (finding messages
 * with their code spans kept, the generated ADR in its fence). Handlebars
 * prints a value that has `toHTML()` as is, so templates use plain
 * `{{field}}` for it and never need triple braces; plain strings in the same
 * templates are still escaped by the `md*` helpers.
 */
export class EscapedMarkdown {
  constructor(readonly text: string) {}

  /** What Handlebars prints (its SafeString protocol). */
  toHTML(): string {
    return this.text;
  }

  /** The text, for callers outside templates. */
  toString(): string {
    return this.text;
  }
}

/** Mark Markdown as already escaped, so a template prints it unchanged. */
export function escaped(markdown: string): EscapedMarkdown {
  return new EscapedMarkdown(markdown);
}
