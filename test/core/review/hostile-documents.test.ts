/**
 * Guard for issue 13, item 2: documents shaped to hit a backtracking regex
 * or micromark's slow paths are reviewed in time comparable to a benign
 * document of the same size. Before the regex fixes the first four shapes took
 * 15 to 40 s at 200,000 characters (quadratic: minutes at 1 MiB). The shapes are
 * filled to an eighth of the size limit (review.maxFileBytes, 1 MiB by default):
 * every ratio below holds at any size for linear code (and the last one, of two
 * quadratic costs, when both sides shrink together), a quadratic one is still two
 * to six times over its bound there (those shapes would take 6 to 17 s; a benign
 * document of that size takes about 0.6 s, so 3x plus a second allows 2.8 s), and
 * the suite spends an eighth of the time (a quarter gave 6 to 15 times).
 *
 * Not here: shapes that are quadratic inside micromark itself, where no
 * change of ours helps: the lazy list continuation (`- x`, then thousands of
 * `y` lines) and a paragraph of repeated `<!--`. The App's per-document time
 * budget in its worker threads bounds those.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewDocument } from '../../../src/core/review/review.js';
import { reviewOptions } from '../../helpers/review-options.js';

const opts = reviewOptions();
const LIMIT = opts.config.review.maxFileBytes;
/** The size every shape and the benign peer are filled to. */
const SIZE = LIMIT / 8;
const PATH = 'docs/adr/0001-use-postgresql.md';
const STATUS = '# 1. Use PostgreSQL\n\n## Status\n\n';

const WORDS =
  'we keep orders in one primary with two replicas because the team runs it today and the load of a peak hour fits with room to spare'.split(' ');

/** A real-looking ADR of exactly `bytes` bytes (ASCII): sections of prose with emphasis, links, code, lists and quotes. */
function benignDocument(bytes: number): string {
  const parts = ['# 1. Use PostgreSQL for order storage\n\n## Status\n\nAccepted\n\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i += 1) {
    let prose = '';
    for (let w = 0; w < 120; w += 1) prose += WORDS[(i * 7 + w) % WORDS.length] + (w % 20 === 19 ? '.\n' : ' ');
    const chunk =
      `## Part ${i}\n\n${prose}\nParagraph ${i} with **emphasis**, [a link](https://example.com/${i}) and \`code\`.\n\n` +
      `- item one of ${i}\n- item two\n\n> quoted ${i}\n\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('').slice(0, bytes);
}

/** `prefix`, then `unit` repeated, then `suffix`: `bytes` bytes at most. */
function filled(bytes: number, prefix: string, unit: string, suffix = '\n'): string {
  return prefix + unit.repeat(Math.floor((bytes - prefix.length - suffix.length) / unit.length)) + suffix;
}

function timedReview(text: string): { ms: number; findings: number; skipped: string | undefined } {
  const started = performance.now();
  const result = reviewDocument({ path: PATH, content: text, kind: 'adr' }, opts);
  return { ms: performance.now() - started, findings: result.findings.length, skipped: result.skipped };
}

describe('reviewDocument on hostile documents at an eighth of the size limit', () => {
  const BENIGN = benignDocument(SIZE);
  // The benign peer is timed again after every hostile shape, and each shape is held to the slower
  // of the peer runs just before and just after it: the machine's load may change between two
  // measurements (a full run once slowed a hostile shape 3.4x and the peer measured earlier 2x).
  let lastBenignMs = 0;

  /** Time `text`, then the benign peer; the peer time to compare with is the slower of the two around it. */
  function againstPeer(text: string): { ms: number; skipped: string | undefined; peerMs: number } {
    const hostile = timedReview(text);
    const after = timedReview(BENIGN).ms;
    const peerMs = Math.max(lastBenignMs, after);
    lastBenignMs = after;
    return { ms: hostile.ms, skipped: hostile.skipped, peerMs };
  }

  beforeAll(() => {
    timedReview(benignDocument(20_000)); // warm up the JIT before measuring
    const benign = timedReview(BENIGN);
    expect(benign.skipped).toBeUndefined();
    lastBenignMs = benign.ms;
  }, 120_000);

  it('defaults review.maxFileBytes to 1 MiB', () => {
    expect(LIMIT).toBe(1_048_576);
  });

  // The shapes of the issue, each filled to SIZE; the regex that was quadratic on it in brackets.
  const shapes: [string, string][] = [
    ['a heading `# 1` and dots, then a letter (headings.ts /[\\s:.]+$/, adr-title.ts /[.:]+$/)', filled(SIZE, '# 1', '.', 'x\n')],
    ['a status of `[` and `|` (status.ts /^\\s*\\[.*\\|.*\\]\\s*$/)', filled(SIZE, `${STATUS}[`, '|')],
    ['`Superseded by [x](` and letters (links.ts TARGET)', filled(SIZE, `${STATUS}Superseded by [x](`, 'a')],
    ['a line of `supersedes [` (links.ts: each phrase scanned the rest of the line)', filled(SIZE, STATUS, 'supersedes [')],
    ['a front matter title `ADR`, spaces, a letter (title.ts: cubic, three \\s* in a row)', filled(SIZE, '---\ntitle: ADR', ' ', 'x\n---\n')],
  ];

  it.each(shapes)('reviews %s within 3x a benign document of the same size', (_name, text) => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(SIZE - 16);
    const hostile = againstPeer(text);
    expect(hostile.skipped).toBeUndefined();
    expect(hostile.ms, `hostile ${Math.round(hostile.ms)} ms, benign ${Math.round(hostile.peerMs)} ms`).toBeLessThan(3 * hostile.peerMs + 1000);
  }, 180_000);

  it('reviews a status of `[` (markdown-inline.ts link regexes) within 8x a benign document of the same size', () => {
    // The regexes are linear now; what remains is micromark, which makes a label-start token of
    // every `[`: about 4x the cost of a byte of prose here, linear. Quadratic would be minutes.
    const hostile = againstPeer(filled(SIZE, STATUS, '['));
    expect(hostile.skipped).toBeUndefined();
    expect(hostile.ms, `hostile ${Math.round(hostile.ms)} ms, benign ${Math.round(hostile.peerMs)} ms`).toBeLessThan(8 * hostile.peerMs + 1000);
  }, 180_000);

  it('installs micromark-core-commonmark 2.0.4 or later, for remark and for markdownlint alike', () => {
    // package.json overrides pin it: 2.0.3 took 22 s on 32k `[` then 32k `]` in a comment.
    const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const copies = Object.entries(lock.packages).filter(([path]) => path.endsWith('node_modules/micromark-core-commonmark'));
    expect(copies.length).toBeGreaterThan(0);
    const installed = JSON.parse(readFileSync(new URL('../../../node_modules/micromark-core-commonmark/package.json', import.meta.url), 'utf8')) as { version: string };
    for (const [path, { version }] of [...copies, ['node_modules (installed)', installed] as const]) {
      const [major, minor, patch] = (version ?? '0.0.0').split('.').map(Number) as [number, number, number];
      expect(major * 1e6 + minor * 1e3 + patch, `${path}: ${version}`).toBeGreaterThanOrEqual(2_000_004);
    }
  });

  it('reviews 11.6k `[` then 11.6k `]` (23 KB) within 5x the benign document of an eighth of the size limit', () => {
    // Still quadratic inside micromark 2.0.4 (about 20 to 30x a benign document of its own size
    // here), but about 5x faster than 2.0.3, which took 8 to 20x the 1 MiB benign document on 32k
    // then 32k. The brackets cost the square of their number and the benign document its size, so
    // 32k / sqrt(8) brackets against an eighth of 1 MiB keep the ratio measured at 64 KB against
    // 1 MiB. The App's per-document time budget bounds what remains.
    const brackets = Math.round(32_768 / Math.sqrt(8));
    const hostile = againstPeer(`${STATUS}${'['.repeat(brackets)}${']'.repeat(brackets)}\n`);
    expect(hostile.ms, `hostile ${Math.round(hostile.ms)} ms, benign ${Math.round(hostile.peerMs)} ms`).toBeLessThan(5 * hostile.peerMs + 1000);
  }, 180_000);
});
