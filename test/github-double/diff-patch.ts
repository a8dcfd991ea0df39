// Unified diffs the way GitHub shows them in `patch` of pull request files, and the lines a
// review comment may target (GitHub rejects comments on lines outside the diff's hunks).

const CONTEXT = 3;

type Edit = { op: ' ' | '-' | '+'; text: string };

/** The hunks (no file headers) of a git-style unified diff from `before` to `after`. */
export function unifiedPatch(before: string, after: string): string {
  const oldLines = splitLines(before);
  const edits = diffLines(oldLines, splitLines(after));
  const hunks: string[] = [];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  // Walk the edit script; each run of changes plus CONTEXT lines around it becomes a hunk,
  // and runs closer than 2*CONTEXT lines merge, as in git.
  const positions = edits.map((e) => {
    const at = { oldLine, newLine };
    if (e.op !== '+') oldLine += 1;
    if (e.op !== '-') newLine += 1;
    return at;
  });
  while (i < edits.length) {
    if (edits[i]!.op === ' ') {
      i += 1;
      continue;
    }
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    let lastChange = i;
    while (end < edits.length && end - lastChange <= 2 * CONTEXT + 1) {
      if (edits[end]!.op !== ' ') lastChange = end;
      end += 1;
    }
    end = Math.min(edits.length, lastChange + CONTEXT + 1);
    const slice = edits.slice(start, end);
    const oldCount = slice.filter((e) => e.op !== '+').length;
    const newCount = slice.filter((e) => e.op !== '-').length;
    const { oldLine: o, newLine: n } = positions[start]!;
    const heading = sectionHeading(oldLines, o - 1);
    hunks.push(`@@ -${range(oldCount === 0 ? o - 1 : o, oldCount)} +${range(newCount === 0 ? n - 1 : n, newCount)} @@${heading}`);
    for (const e of slice) {
      if (e.text.endsWith(NO_NEWLINE)) hunks.push(`${e.op}${e.text.slice(0, -NO_NEWLINE.length)}`, '\\ No newline at end of file');
      else hunks.push(`${e.op}${e.text}`);
    }
    i = end;
  }
  return hunks.join('\n');
}

// git's default "funcname": the nearest line above the hunk that starts with a letter, `_` or `$`,
// shown after the @@ header (GitHub's patches carry it too).
function sectionHeading(oldLines: string[], hunkStart: number): string {
  for (let i = Math.min(hunkStart, oldLines.length) - 1; i >= 0; i -= 1) {
    const line = oldLines[i]!.replace(NO_NEWLINE, '');
    if (/^[A-Za-z_$]/.test(line)) return ` ${line.slice(0, 80).trimEnd()}`;
  }
  return '';
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

// Marks a last line without "\n" so it differs from the same text with one, as in git.
const NO_NEWLINE = '\u0000no-newline';

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  else lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

// Longest-common-subsequence diff after trimming the common prefix and suffix; fixture files
// are small, so the quadratic table is fine.
function diffLines(a: string[], b: string[]): Edit[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  const x = a.slice(prefix, a.length - suffix);
  const y = b.slice(prefix, b.length - suffix);
  const middle: Edit[] = [];
  if (x.length * y.length > 4_000_000) {
    middle.push(...x.map((text) => ({ op: '-' as const, text })), ...y.map((text) => ({ op: '+' as const, text })));
  } else {
    const width = y.length + 1;
    const lcs = new Int32Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i -= 1) {
      for (let j = y.length - 1; j >= 0; j -= 1) {
        lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        middle.push({ op: ' ', text: x[i]! });
        i += 1;
        j += 1;
      } else if (i < x.length && (j === y.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        // On a tie, removals come first: git prints "-old" before "+new".
        middle.push({ op: '-', text: x[i]! });
        i += 1;
      } else {
        middle.push({ op: '+', text: y[j]! });
        j += 1;
      }
    }
  }
  const same = (text: string): Edit => ({ op: ' ', text });
  return [...a.slice(0, prefix).map(same), ...middle, ...a.slice(a.length - suffix).map(same)];
}

/** Lines added and removed by a patch. */
export function countChanges(patch: string): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+')) additions += 1;
    else if (line.startsWith('-')) deletions += 1;
  }
  return { additions, deletions };
}

/** One line a review comment can be attached to. */
export interface DiffLine {
  side: 'LEFT' | 'RIGHT';
  line: number;
  /** Index of the hunk: a multi-line comment must start and end in the same one. */
  hunk: number;
  /** GitHub's legacy `position`: lines below the first @@ header. */
  position: number;
  /** The hunk text up to and including this line, GitHub's `diff_hunk` of a review comment. */
  diffHunk: string;
}

/** Every line of a patch that a review comment may target, on both sides. */
export function commentableLines(patch: string): DiffLine[] {
  const out: DiffLine[] = [];
  let hunk = -1;
  let oldLine = 0;
  let newLine = 0;
  let position = 0;
  let hunkLines: string[] = [];
  for (const [index, text] of patch.split('\n').entries()) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (index > 0) position += 1;
    if (header) {
      hunk += 1;
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      hunkLines = [text];
      continue;
    }
    hunkLines.push(text);
    // Joined when asked for (one comment's), not per line: per line it is quadratic in the hunk's
    // length, 21 s of the double's event loop for an 80 KB added file.
    const upTo = hunkLines;
    const length = hunkLines.length;
    const diffHunk = (): string => upTo.slice(0, length).join('\n');
    if (text.startsWith('+')) {
      out.push(diffLine('RIGHT', newLine, hunk, position, diffHunk));
      newLine += 1;
    } else if (text.startsWith('-')) {
      out.push(diffLine('LEFT', oldLine, hunk, position, diffHunk));
      oldLine += 1;
    } else if (text.startsWith(' ')) {
      out.push(diffLine('RIGHT', newLine, hunk, position, diffHunk), diffLine('LEFT', oldLine, hunk, position, diffHunk));
      oldLine += 1;
      newLine += 1;
    }
  }
  return out;
}

function diffLine(side: DiffLine['side'], line: number, hunk: number, position: number, diffHunk: () => string): DiffLine {
  return {
    side,
    line,
    hunk,
    position,
    get diffHunk() {
      return diffHunk();
    },
  };
}
