import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { adrDirsFromFiles, classify, frontMatterType, isNeverADecision, looksLikeAdr } from '../../../src/core/document/classify.js';

const config = configSchema.parse({});
const opts = { config, adrDirs: [] as string[] };

describe('classify', () => {
  it.each([
    ['doc/adr/0001-record-architecture-decisions.md', 'adr'],
    ['docs/adr/0002-use-postgres.md', 'adr'],
    ['docs/decisions/0003-use-kafka.md', 'adr'],
    ['docs/architecture/decisions/0004-x.md', 'adr'],
    ['adr/0005-x.md', 'adr'],
    ['architecture/decisions/20200925-slug.md', 'adr'],
    ['docs/decisions/2023-05-02-slug/README.md', 'adr'],
    ['docs/adr/0007-split-billing/README.md', 'adr'],
    ['./docs/adr/0008-x.markdown', 'adr'],
    ['docs\\adr\\0009-x.md', 'adr'],
    ['docs/design/search-v2.md', 'design-doc'],
    ['rfcs/0012-async-api.md', 'design-doc'],
  ])('%s is %s', (path, kind) => {
    expect(classify(path, opts)).toBe(kind);
  });

  it.each([
    'docs/adr/README.md',
    'docs/adr/index.md',
    'docs/adr/template.md',
    'docs/decisions/adr-template.md',
    'docs/adr/templates/madr.md',
    'docs/adr/diagram.png',
    'src/adr/notes.txt',
    'README.md',
    'docs/guide/setup.md',
  ])('%s is not a decision', (path) => {
    expect(classify(path, opts)).toBeNull();
  });

  it('honours folders named by .adr-dir', () => {
    const adrDirs = adrDirsFromFiles({ adrDir: 'architecture/records\n' });
    expect(classify('architecture/records/0001-x.md', { config, adrDirs })).toBe('adr');
    expect(classify('architecture/other/0001-x.md', { config, adrDirs })).toBeNull();
  });

  it('honours the log4brains adrFolder and rejects folders that escape the repository', () => {
    expect(adrDirsFromFiles({ log4brains: 'project:\n  name: x\n  adrFolder: ./knowledge/adr\n' })).toEqual(['knowledge/adr']);
    expect(adrDirsFromFiles({ adrDir: '../outside' })).toEqual([]);
    expect(adrDirsFromFiles({ log4brains: 'project: [unclosed' })).toEqual([]);
  });

  it('lets front matter type override the path', () => {
    const head = '---\ntitle: Caching\ntype: design-doc\n---\n# Caching\n';
    expect(frontMatterType(head)).toBe('design-doc');
    expect(classify('docs/adr/0003-caching.md', opts, head)).toBe('design-doc');
    expect(classify('notes/caching.md', opts, '---\ntype: "adr"\n---\n')).toBe('adr');
    expect(classify('notes/caching.md', opts, '# no front matter\ntype: adr\n')).toBeNull();
  });

  it('uses configured globs and exclusions', () => {
    const custom = configSchema.parse({ paths: { adr: ['knowledge/**'], designDoc: [], exclude: ['knowledge/drafts/**'] } });
    expect(classify('knowledge/0001-x.md', { config: custom, adrDirs: [] })).toBe('adr');
    expect(classify('knowledge/drafts/0002-x.md', { config: custom, adrDirs: [] })).toBeNull();
    expect(classify('docs/adr/0001-x.md', { config: custom, adrDirs: [] })).toBeNull();
  });
});

describe('looksLikeAdr', () => {
  it('recognises Nygard, MADR and French MADR headings', () => {
    expect(looksLikeAdr('# 1. Use X\n\n## Status\n\nAccepted\n')).toBe(true);
    expect(looksLikeAdr('# Use X\n\n## Context and Problem Statement\n')).toBe(true);
    expect(looksLikeAdr('# Utiliser X\n\n## Statut\n')).toBe(true);
    expect(looksLikeAdr('# Search v2\n\n## Goals\n\n## Architecture\n')).toBe(false);
  });
});

describe('isNeverADecision', () => {
  it('is true for templates, folder indexes and non-Markdown files anywhere, false for other Markdown', () => {
    expect(isNeverADecision('notes/template.md', opts)).toBe(true);
    expect(isNeverADecision('notes/README.md', opts)).toBe(true);
    expect(isNeverADecision('notes/diagram.png', opts)).toBe(true);
    expect(isNeverADecision('notes/0007-split/README.md', opts)).toBe(false);
    expect(isNeverADecision('notes/caching.md', opts)).toBe(false);
    expect(isNeverADecision('notes/README.md', opts, '---\ntype: adr\n---\n')).toBe(false);
  });
});
