/** Sentence splitting and line offsets inside a block's plain text. */
import type { Located } from './model.js';

/** One sentence of a text and where it starts in that text. */
export interface Sentence {
  text: string;
  index: number;
}

// "e.g." and "i.e." and "vs." do not end a sentence.
const ABBREVIATION = /(?:\be\.g|\bi\.e|\bvs|\betc|\bcf|\bapprox)$/i;

/** Split text into sentences (at . ! ? before a space, or a line break), keeping each one's start index. Linear. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const emit = (end: number): void => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ text: trimmed, index: start + (raw.length - raw.trimStart().length) });
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') {
      emit(i);
      start = i + 1;
    } else if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      if (c === '.' && ABBREVIATION.test(text.slice(Math.max(start, i - 8), i))) continue;
      emit(i + 1);
    }
  }
  emit(text.length);
  return out;
}

/** Number of line breaks in text before an index. */
export function linesBefore(text: string, index: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** What placing a match needs of a block (sections.ts's Block): its text, the source line of each text line, its start. */
interface PlacedText {
  text: string;
  textLines: readonly number[];
  line: number;
  column: number;
}

/** A match at `index` of a block's text, trimmed, at its source line (column 1 past the block's first line). */
export function locatedInBlock(block: PlacedText, index: number, value: string): Located<string> {
  const offset = linesBefore(block.text, index);
  // The block's line map skips the blank lines between a quote's paragraphs; past its end, count from the start.
  const line = block.textLines[offset] ?? block.line + offset;
  return { value: value.trim(), line, column: offset === 0 ? block.column : 1 };
}
