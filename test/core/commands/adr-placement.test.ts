import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { checkDirOption, chooseAdrFolder, findAdrByNumber, placeAdr, relativeLink, takenNumbers } from '../../../src/core/commands/adr-placement.js';

const config = configSchema.parse({});

describe('chooseAdrFolder', () => {
  it('prefers --dir, then .adr-dir, then the folder holding most ADRs, then a configured folder, then doc/adr', () => {
    const paths = ['docs/decisions/0001-a.md', 'docs/decisions/0002-b.md', 'doc/adr/0001-x.md', 'README.md'];
    expect(chooseAdrFolder({ paths, adrDirs: [] }, config, 'architecture/adr')).toBe('architecture/adr');
    expect(chooseAdrFolder({ paths, adrDirs: ['records'] }, config)).toBe('records');
    expect(chooseAdrFolder({ paths, adrDirs: [] }, config)).toBe('docs/decisions');
    expect(chooseAdrFolder({ paths: ['docs/adr/README.md'], adrDirs: [] }, config)).toBe('docs/adr');
    expect(chooseAdrFolder({ paths: ['README.md'], adrDirs: [] }, config)).toBe('doc/adr');
  });
});

describe('numbers', () => {
  it('counts files of the folder and paths claimed by open pull requests, not dates or other folders', () => {
    const listing = { paths: ['doc/adr/0001-a.md', 'doc/adr/0004-b.md', 'doc/adr/20200925-c.md', 'docs/other/0009-x.md'], adrDirs: [] };
    const taken = takenNumbers('doc/adr', listing, ['doc/adr/0005-open-pr.md']);
    expect(taken.sort()).toEqual([1, 4, 5]);
    expect(placeAdr('doc/adr', 'Use ../../etc {{constructor}}', taken)).toEqual({
      number: 6,
      path: 'doc/adr/0006-use-etc-constructor.md',
      branch: 'adr/0006-use-etc-constructor',
    });
    expect(placeAdr('doc/adr', 'X', taken, [6, 7]).number).toBe(8);
  });

  it('finds the record a supersede names, preferring the chosen folder', () => {
    const listing = { paths: ['doc/adr/0003-a.md', 'docs/decisions/0003-b.md'], adrDirs: [] };
    expect(findAdrByNumber(listing, config, 3, 'docs/decisions')).toBe('docs/decisions/0003-b.md');
    expect(findAdrByNumber(listing, config, 3, 'elsewhere')).toBe('doc/adr/0003-a.md');
    expect(findAdrByNumber(listing, config, 9, 'doc/adr')).toBeUndefined();
    expect(relativeLink('doc/adr/0004-new.md', 'doc/adr/0003-a.md')).toBe('0003-a.md');
    expect(relativeLink('doc/adr/0004-new.md', 'docs/decisions/0003-b.md')).toBe('../../docs/decisions/0003-b.md');
  });
});

describe('checkDirOption', () => {
  it.each(['../etc', '/abs', 'a/../../b', 'a b', 'docs/$(x)', '.', ''])('refuses %j', (dir) => {
    expect(checkDirOption(dir).ok).toBe(false);
  });
  it('normalises a folder inside the repository', () => {
    expect(checkDirOption('./docs/decisions/')).toEqual({ ok: true, dir: 'docs/decisions' });
  });
});
