import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { generateCorpus, readStamp, renderCorpus, STAMP_FILE, type CorpusSummary } from '../../bench/generate-corpus.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file under dir, relative path -> contents. */
function readTree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.md'))
    .sort();
  return new Map(files.map((p) => [p, readFileSync(join(dir, p))]));
}

describe('bench corpus generator', () => {
  const first = tempDir();
  const summary: CorpusSummary = generateCorpus(first, { seed: 42, count: 50 });

  it('writes the requested number of files and a stamp', () => {
    expect(summary.files).toHaveLength(50);
    expect(readTree(first).size).toBe(50);
    expect(readStamp(first)).toMatchObject({ seed: 42, count: 50, files: 50 });
  });

  it('is deterministic: same seed, same files, same bytes', () => {
    const second = tempDir();
    generateCorpus(second, { seed: 42, count: 50 });
    const a = readTree(first);
    const b = readTree(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
  });

  it('changes with the seed', () => {
    const other = renderCorpus(7, 50).map((d) => d.text).join('\n');
    const same = renderCorpus(42, 50).map((d) => d.text).join('\n');
    expect(other).not.toBe(same);
  });

  it('mixes ADR formats and design docs, with realistic sizes', () => {
    const byKind = (kinds: string[]) => summary.files.filter((f) => kinds.includes(f.kind));
    const adrs = byKind(['nygard', 'madr', 'madr-fr', 'trade-off']);
    const designs = byKind(['design', 'rfc']);
    expect(byKind(['nygard']).length).toBeGreaterThan(0);
    expect(byKind(['madr']).length).toBeGreaterThan(0);
    expect(designs.length).toBeGreaterThan(0);
    expect(adrs.length / summary.files.length).toBeGreaterThan(0.7);
    expect(adrs.every((f) => f.path.startsWith('docs/adr/') || f.path.startsWith('docs/decisions/'))).toBe(true);
    expect(designs.every((f) => f.path.startsWith('docs/design/') || f.path.startsWith('rfcs/'))).toBe(true);
    expect(designs.some((f) => f.lines > 300)).toBe(true);
    const adrLines = adrs.map((f) => f.lines).sort((x, y) => x - y);
    const median = adrLines[Math.floor(adrLines.length / 2)];
    expect(median).toBeGreaterThanOrEqual(30);
    expect(median).toBeLessThanOrEqual(150);
  });

  it('writes Markdown that parses with the front matter the docs declare', () => {
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
    // Short files only: parsing the long design docs here would make the test slow.
    const short = new Set(summary.files.filter((f) => f.lines < 400).map((f) => f.path));
    for (const [path, bytes] of readTree(first)) {
      if (!short.has(path)) continue;
      const tree = processor.parse(bytes.toString('utf8'));
      expect(tree.children.some((n) => n.type === 'heading'), path).toBe(true);
    }
  });

  it('refuses to overwrite a directory it did not generate', () => {
    const foreign = tempDir();
    writeFileSync(join(foreign, 'notes.md'), '# mine\n');
    expect(() => generateCorpus(foreign, { count: 5 })).toThrow(/refusing to overwrite/);
    expect(readFileSync(join(foreign, 'notes.md'), 'utf8')).toBe('# mine\n');
  });

  it('replaces a corpus it generated', () => {
    const dir = tempDir();
    generateCorpus(dir, { seed: 1, count: 30 });
    generateCorpus(dir, { seed: 2, count: 20 });
    expect(readTree(dir).size).toBe(20);
    expect(readStamp(dir)).toMatchObject({ seed: 2, count: 20 });
    expect(readdirSync(dir)).toContain(STAMP_FILE);
  });
});
