import { describe, expect, it } from 'vitest';
import { commentableLines } from '../../../src/core/publish/diff-lines.js';

// Patches as the GitHub API returns them in `files[].patch` (no file header).
const TWO_HUNKS = [
  '@@ -1,6 +1,7 @@',
  ' # 7. Use PostgreSQL',
  ' ',
  '-Status: Proposed',
  '+Status: Accepted',
  '+Date: 2026-11-21',
  ' ',
  ' ## Context',
  ' ',
  '@@ -40,4 +41,5 @@ We give up the document model.',
  ' ## Revisit triggers',
  ' ',
  '-- revisit later',
  '+- Calendar: revisit by 2027-05-21',
  '+- Scale: orders table > 10 TB',
].join('\n');

describe('commentableLines', () => {
  it('takes added and context lines of every hunk, right-side numbers', () => {
    expect([...commentableLines(TWO_HUNKS)]).toEqual([1, 2, 3, 4, 5, 6, 7, 41, 42, 43, 44]);
  });

  it('takes no line from a hunk that only deletes', () => {
    const patch = '@@ -10,3 +9,0 @@ ## Options\n-- Option A\n-- Option B\n-- Option C';
    expect(commentableLines(patch).size).toBe(0);
  });

  it('keeps the context around deletions and skips the deleted lines', () => {
    const patch = '@@ -3,4 +3,2 @@\n keep one\n-gone\n-gone too\n keep two';
    expect([...commentableLines(patch)]).toEqual([3, 4]);
  });

  it('ignores the "No newline at end of file" marker on either side', () => {
    const patch = [
      '@@ -1,2 +1,2 @@',
      ' # Title',
      '-last line',
      '\\ No newline at end of file',
      '+last line, edited',
      '\\ No newline at end of file',
    ].join('\n');
    expect([...commentableLines(patch)]).toEqual([1, 2]);
  });

  it('reads a new file and headers with omitted counts', () => {
    expect([...commentableLines('@@ -0,0 +1,3 @@\n+# 1. Record\n+\n+## Status')]).toEqual([1, 2, 3]);
    expect([...commentableLines('@@ -5 +5 @@\n-old\n+new')]).toEqual([5]);
  });

  it('does not read lines after a hunk ends as context (trailing newline, CRLF)', () => {
    expect([...commentableLines('@@ -1,1 +1,1 @@\r\n-a\r\n+b\r\n')]).toEqual([1]);
    expect([...commentableLines('@@ -1,1 +1,2 @@\n a\n+b\n\n')]).toEqual([1, 2]);
  });

  it('returns an empty set without a patch (binary or too large)', () => {
    expect(commentableLines(undefined).size).toBe(0);
    expect(commentableLines('').size).toBe(0);
  });
});
