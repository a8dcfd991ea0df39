import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecklistError } from '../../../src/core/checklists/load-checklists.js';
import { findPackageRoot } from '../../../src/io/package-root.js';
import { readBuiltinChecklistFiles, readChecklists } from '../../../src/io/read-checklists.js';

const fixtures = fileURLToPath(new URL('../../fixtures/checklists/', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'read-checklists-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readBuiltinChecklistFiles', () => {
  it('finds the package root and reads the four built-in files', () => {
    const manifest = JSON.parse(readFileSync(path.join(findPackageRoot(), 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('design-review-bot');
    const files = readBuiltinChecklistFiles();
    expect(files.map((f) => f.path)).toEqual([
      'checklists/well-architected.yml',
      'checklists/trade-offs.yml',
      'checklists/revisit-triggers.yml',
      'checklists/cross-cutting.yml',
    ]);
    for (const file of files) expect(file.text.length).toBeGreaterThan(100);
  });
});

describe('readChecklists', () => {
  it('loads the built-ins alone', async () => {
    const checklists = await readChecklists([], fixtures);
    expect(checklists.pillars).toHaveLength(6);
    expect(checklists.custom).toEqual([]);
    expect(checklists.lenses).toEqual([]);
  });

  it('adds user checklists and lenses, named relative to the root', async () => {
    const checklists = await readChecklists(['user-checklist.yml', './example-lens.json'], fixtures);
    expect(checklists.custom.map((c) => [c.id, c.file])).toEqual([['payments-platform', 'user-checklist.yml']]);
    expect(checklists.lenses.map((l) => [l.id, l.file])).toEqual([['example-lens', 'example-lens.json']]);
  });

  it('reports validation errors under the path the user wrote', async () => {
    await expect(readChecklists(['broken/empty-cue.yml'], fixtures)).rejects.toThrow(
      /^broken\/empty-cue\.yml:7: items\[0\]\.cues\[1\] = "   ": cue must not be empty$/,
    );
  });

  it('refuses paths that escape the root', async () => {
    for (const outside of ['../../../package.json', path.resolve(fixtures, '../../../package.json'), '..']) {
      const error = await readChecklists([outside], fixtures).catch((e: unknown) => e);
      expect(error, outside).toBeInstanceOf(ChecklistError);
      expect((error as ChecklistError).message, outside).toMatch(/path escapes the repository root/);
    }
  });

  it('refuses a symlink that leads outside the root', async () => {
    const root = path.join(scratch, 'repo');
    mkdirSync(root, { recursive: true });
    const secret = path.join(scratch, 'secret.yml');
    writeFileSync(secret, 'id: x\n');
    symlinkSync(secret, path.join(root, 'link.yml'));
    await expect(readChecklists(['link.yml'], root)).rejects.toThrow(/^link\.yml: path escapes the repository root/);
  });

  it('names a missing file', async () => {
    await expect(readChecklists(['nope/missing.yml'], fixtures)).rejects.toThrow(
      'nope/missing.yml: checklist file cannot be read: no such file',
    );
  });
});
