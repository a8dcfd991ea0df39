import { describe, expect, it } from 'vitest';
import { closingFor, mostThatFit, truncateToLimit, utf8Length } from '../../../src/core/publish/truncate.js';

const NOTICE = '\n\n_cut_';

describe('truncateToLimit', () => {
  it('returns text within the limit unchanged', () => {
    expect(truncateToLimit('short', 100, NOTICE)).toBe('short');
    expect(truncateToLimit('é'.repeat(50), 100, NOTICE)).toBe('é'.repeat(50));
  });

  it('measures UTF-8 bytes and never splits a surrogate pair at the limit', () => {
    const text = `${'a'.repeat(90)}${'😀'.repeat(10)}`; // 90 + 40 bytes
    const cut = truncateToLimit(text, 100, NOTICE);
    expect(utf8Length(cut)).toBeLessThanOrEqual(100);
    expect(cut.endsWith(NOTICE)).toBe(true);
    const kept = cut.slice(0, -NOTICE.length);
    expect(kept).toBe(`${'a'.repeat(90)}`); // 92 bytes of budget: no room for a 4-byte emoji
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
    // 91 + 4 bytes straddle the 93-byte budget: the emoji goes whole, not half.
    const straddling = truncateToLimit(`${'a'.repeat(91)}${'😀'.repeat(10)}`, 100, NOTICE);
    expect(straddling).toBe(`${'a'.repeat(91)}${NOTICE}`);
  });

  it('counts the 65,535-byte default limit in bytes, not UTF-16 units', () => {
    const text = '日本語の設計書。\n'.repeat(4000); // 8 characters, 25 bytes per line
    expect(text.length).toBeLessThan(65_535);
    const cut = truncateToLimit(text);
    expect(utf8Length(cut)).toBeLessThanOrEqual(65_535);
    expect(cut).toContain("cut to fit GitHub's size limit");
  });

  it('closes an open code fence and open details before the notice', () => {
    const text = ['<details>', '<summary>Draft</summary>', '', '````markdown', '```js', 'x', '```', ...Array(50).fill('line of the draft')].join('\n');
    const cut = truncateToLimit(text, 200, NOTICE);
    expect(utf8Length(cut)).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/\nline of the draft\n````\n\n<\/details>\n\n_cut_$/);
  });

  it('cuts at a line end and keeps the notice when it alone nearly fills the limit', () => {
    const cut = truncateToLimit('one\ntwo\nthree\nfour', 14, NOTICE);
    expect(cut).toBe('one\n\n_cut_');
    expect(truncateToLimit('x'.repeat(50), 4, 'NOTICE!')).toBe('NOTI');
  });
});

describe('closingFor', () => {
  it('ignores details tags inside code and closed blocks', () => {
    expect(closingFor('<details>\n\n```\n<details>\n```\n')).toBe('\n\n</details>');
    expect(closingFor('<details>\n</details>\n~~~\ncode')).toBe('\n~~~');
    expect(closingFor('`inline` text')).toBe('');
  });
});

describe('mostThatFit', () => {
  it('lists everything that fits, else the largest prefix that does, at least none', () => {
    expect(mostThatFit(10, () => true)).toBe(10);
    expect(mostThatFit(10, (n) => n <= 7)).toBe(7);
    expect(mostThatFit(1000, (n) => n * 65 <= 65_536)).toBe(1000);
    expect(mostThatFit(5000, (n) => n * 65 <= 65_536)).toBe(1008);
    expect(mostThatFit(10, (n) => n === 0)).toBe(0);
    expect(mostThatFit(0, () => false)).toBe(0);
  });
});
