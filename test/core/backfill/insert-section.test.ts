import { describe, expect, it } from 'vitest';
import { insertRevisitSection } from '../../../src/core/backfill/insert-section.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { builtinChecklists } from '../../helpers/review-options.js';

const insert = (md: string) => insertRevisitSection(md, parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', builtinChecklists()).doc, ['Calendar: revisit by 2027-01-01.']).text;
const SECTION = '## Revisit Triggers\n\n- Calendar: revisit by 2027-01-01.\n';

describe('where the drafted section goes', () => {
  it('after the Consequences section, before any later one (Nygard)', () => {
    expect(insert('# 1. X\n\n## Decision\n\nWe will.\n\n## Consequences\n\nSome.\n\n## Notes\n\nMore.\n')).toBe(
      `# 1. X\n\n## Decision\n\nWe will.\n\n## Consequences\n\nSome.\n\n${SECTION}\n## Notes\n\nMore.\n`,
    );
  });

  it('after the top-level section that holds the consequences (MADR 3 "Decision Outcome")', () => {
    expect(insert('# X\n\n## Decision Outcome\n\nChosen.\n\n### Consequences\n\n* Good.\n\n## Pros and Cons of the Options\n\n* A\n')).toBe(
      `# X\n\n## Decision Outcome\n\nChosen.\n\n### Consequences\n\n* Good.\n\n${SECTION}\n## Pros and Cons of the Options\n\n* A\n`,
    );
  });

  it('after the whole Decision Outcome when its Confirmation subsection reads as More Information (adr/madr 0018)', () => {
    expect(insert('# X\n\n## Decision Outcome\n\nChosen.\n\n### Confirmation\n\n* Before each release: check it.\n')).toBe(
      `# X\n\n## Decision Outcome\n\nChosen.\n\n### Confirmation\n\n* Before each release: check it.\n\n${SECTION}`,
    );
  });

  it('after the decision when there are no consequences, at the end when there is neither, at the records\' own depth', () => {
    expect(insert('# X\n\n## Decision\n\nWe will.\n\n## Links\n\n- a\n')).toBe(`# X\n\n## Decision\n\nWe will.\n\n${SECTION}\n## Links\n\n- a\n`);
    expect(insert('# X\n\nJust prose.\n')).toBe(`# X\n\nJust prose.\n\n${SECTION}`);
    expect(insert('Title\n\n### Context\n\nWhy.\n\n### Decision\n\nWe will.\n')).toBe(
      'Title\n\n### Context\n\nWhy.\n\n### Decision\n\nWe will.\n\n### Revisit Triggers\n\n- Calendar: revisit by 2027-01-01.\n',
    );
  });

  it('keeps every other byte: no final newline stays none, trailing blank lines stay', () => {
    expect(insert('# X\n\n## Decision\n\nWe will.')).toBe(`# X\n\n## Decision\n\nWe will.\n\n${SECTION.trimEnd()}`);
    expect(insert('# X\n\n## Decision\n\nWe will.\n\n\n')).toBe(`# X\n\n## Decision\n\nWe will.\n\n${SECTION}\n\n`);
  });
});
