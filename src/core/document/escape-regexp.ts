/** `text` as a regular-expression source that matches it literally (every syntax character escaped). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a regular-expression source: literal words, any run of whitespace between them. */
export function phraseSource(phrase: string): string {
  return escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+');
}
