import { describe, expect, it } from 'vitest';
import { adrFileName, nextAdrNumber, slugify } from '../../../src/core/new-adr/next-number.js';

describe('nextAdrNumber', () => {
  it('starts at 1 in an empty folder', () => {
    expect(nextAdrNumber([])).toBe(1);
    expect(nextAdrNumber([undefined, undefined])).toBe(1);
  });

  it('is one more than the highest number, whatever the order', () => {
    expect(nextAdrNumber([3, 1, 2])).toBe(4);
  });

  it('does not fill gaps', () => {
    expect(nextAdrNumber([1, 2, 5, undefined, 9])).toBe(10);
  });

  it('ignores unnumbered and unreadable entries', () => {
    expect(nextAdrNumber([undefined, Number.NaN, 2.5, -4, 7])).toBe(8);
  });

  it('treats a template numbered 0 like an empty folder', () => {
    expect(nextAdrNumber([0])).toBe(1);
  });
});

describe('slugify', () => {
  it.each([
    ['Use PostgreSQL', 'use-postgresql'],
    ['  Use   PostgreSQL!!  ', 'use-postgresql'],
    ['Utiliser la base de données Élastique', 'utiliser-la-base-de-donnees-elastique'],
    ['Straße für Ærø, łódź', 'strasse-fur-aero-lodz'],
    ['Record architecture decisions (ADR-0001)', 'record-architecture-decisions-adr-0001'],
    ['C++ / C# -- interop', 'c-c-interop'],
    ['../../etc/passwd', 'etc-passwd'],
    ['{{constructor}}', 'constructor'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['ＦＵＬＬ width', 'full-width'],
    ['🚀 Launch 🚀', 'launch'],
  ])('%j -> %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each(['', '   ', '!!!', '🚀🚀', 'שימוש בפוסטגרס', '使用数据库'])('%j has no ASCII letters -> untitled', (title) => {
    expect(slugify(title)).toBe('untitled');
  });

  it('keeps at most 50 characters, cut at a dash', () => {
    const slug = slugify('Adopt an event sourced architecture for the order and payment services in all regions');
    expect(slug.length).toBeLessThanOrEqual(50);
    expect(slug).toBe('adopt-an-event-sourced-architecture-for-the-order');
  });

  it('keeps a 50-character slug whole', () => {
    const title = 'a'.repeat(24) + ' ' + 'b'.repeat(25);
    expect(slugify(title)).toBe(`${'a'.repeat(24)}-${'b'.repeat(25)}`);
  });

  it('cuts a single very long word hard', () => {
    expect(slugify('x'.repeat(300))).toBe('x'.repeat(50));
  });

  it('never ends or starts with a dash and never doubles one', () => {
    for (const title of ['-a-', 'a -- b', 'word '.repeat(40), `${'a'.repeat(49)} b`]) {
      const slug = slugify(title);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(50);
    }
  });
});

describe('adrFileName', () => {
  it('pads the number to four digits like adr-tools', () => {
    expect(adrFileName(7, 'Use PostgreSQL')).toBe('0007-use-postgresql.md');
    expect(adrFileName(123, 'Use Kafka')).toBe('0123-use-kafka.md');
  });

  it('keeps numbers above 9999 whole', () => {
    expect(adrFileName(12345, 'x')).toBe('12345-x.md');
  });

  it('names an unusable title untitled', () => {
    expect(adrFileName(1, '???')).toBe('0001-untitled.md');
  });

  it('stays inside the folder whatever the title', () => {
    expect(adrFileName(2, '../../etc/passwd')).toBe('0002-etc-passwd.md');
    expect(adrFileName(2, 'a/b\\c')).not.toMatch(/[/\\]/);
  });

  it('rejects numbers that are not non-negative integers', () => {
    expect(() => adrFileName(-1, 'x')).toThrow(/non-negative integer/);
    expect(() => adrFileName(1.5, 'x')).toThrow(RangeError);
  });
});
