import { describe, expect, it } from 'vitest';
import { addSupersedesLink, markSuperseded } from '../../../src/core/commands/supersede.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { builtinChecklists } from '../../helpers/review-options.js';

function parseDocument(file: { path: string; content: string; kind: 'adr' }) {
  return parseDecisionDoc(file.content, file.path, file.kind, builtinChecklists()).doc;
}

const SUCCESSOR = { number: 12, target: '0012-move-to-dynamodb.md' };
const PREDECESSOR = { number: 3, target: '0003-use-postgresql.md' };

const NYGARD = '# 3. Use PostgreSQL\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n';
const MADR = '---\nstatus: accepted\ndate: 2024-01-02\n---\n\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nWe need a database.\n';
const FIELD = '# Use PostgreSQL\n\n* Status: accepted\n* Date: 2024-01-02\n\n## Context\n\nWe need a database.\n';

describe('markSuperseded: ok', () => {
  it('replaces a Nygard status section and keeps the rest byte for byte', () => {
    const edit = markSuperseded(NYGARD, SUCCESSOR);
    expect(edit).toEqual({
      ok: true,
      text: '# 3. Use PostgreSQL\n\nDate: 2024-01-02\n\n## Status\n\nSuperseded by [ADR-0012](0012-move-to-dynamodb.md)\n\n## Context\n\nWe need a database.\n',
    });
  });

  it('quotes the link in MADR front matter so the YAML stays a string', () => {
    const edit = markSuperseded(MADR, SUCCESSOR);
    expect(edit.ok && edit.text.split('\n').slice(1, 3)).toEqual(['status: "Superseded by [ADR-0012](0012-move-to-dynamodb.md)"', 'superseded-by: "0012-move-to-dynamodb.md"']);
  });

  it('replaces the value of a Status: field line', () => {
    const edit = markSuperseded(FIELD, SUCCESSOR);
    expect(edit.ok && edit.text.split('\n')[2]).toBe('* Status: Superseded by [ADR-0012](0012-move-to-dynamodb.md)');
  });

  it.each([
    ['Nygard', NYGARD],
    ['MADR front matter', MADR],
    ['field line', FIELD],
  ])('is read back by the review parser as superseded with a link (%s)', (_, text) => {
    const edit = markSuperseded(text, SUCCESSOR);
    if (!edit.ok) throw new Error(edit.reason);
    const doc = parseDocument({ path: 'docs/adr/0003-use-postgresql.md', content: edit.text, kind: 'adr' });
    expect(doc.status?.normalized).toBe('superseded');
    expect(doc.supersededBy.map((l) => l.number)).toEqual([12]);
  });
});

describe('markSuperseded: not ok', () => {
  it('refuses a record without a status', () => {
    expect(markSuperseded('# 3. Use PostgreSQL\n\n## Context\n\nWe need a database.\n\n```\nStatus: accepted\n```\n', SUCCESSOR)).toEqual({
      ok: false,
      reason: expect.stringContaining('no status'),
    });
  });

  it('refuses a record superseded already', () => {
    const once = markSuperseded(NYGARD, SUCCESSOR);
    if (!once.ok) throw new Error(once.reason);
    expect(markSuperseded(once.text, { number: 13, target: '0013-x.md' })).toEqual({ ok: false, reason: 'it is superseded already' });
  });

  it('ignores a status heading inside a code block', () => {
    expect(markSuperseded('# 3. X\n\n```md\n## Status\n\nAccepted\n```\n', SUCCESSOR).ok).toBe(false);
  });
});

describe('addSupersedesLink', () => {
  it('adds the link as a paragraph of the status section, after the status', () => {
    const text = addSupersedesLink(NYGARD, PREDECESSOR);
    expect(text).toContain('## Status\n\nAccepted\n\nSupersedes [ADR-0003](0003-use-postgresql.md)\n\n## Context');
    const doc = parseDocument({ path: 'docs/adr/0012-move.md', content: text, kind: 'adr' });
    expect(doc.status?.normalized).toBe('accepted');
    expect(doc.supersedes.map((l) => l.number)).toEqual([3]);
  });

  it('adds it after a Status: field, or under the title when there is no status', () => {
    expect(addSupersedesLink(FIELD, PREDECESSOR)).toContain('* Status: accepted\n\nSupersedes [ADR-0003]');
    expect(addSupersedesLink('# Title\n\nBody\n', PREDECESSOR)).toBe('# Title\n\nSupersedes [ADR-0003](0003-use-postgresql.md)\n\nBody\n');
  });
});
