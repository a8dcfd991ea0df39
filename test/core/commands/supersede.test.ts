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

describe('markSuperseded: an existing superseded-by key, and line endings', () => {
  const MADR_EMPTY_LINK = '---\nstatus: accepted\ndate: 2024-01-02\nsuperseded-by:\ndeciders: [ana]\n---\n\n# Use PostgreSQL\n';

  it('ok: sets the empty superseded-by: there instead of adding a second one', () => {
    const edit = markSuperseded(MADR_EMPTY_LINK, SUCCESSOR);
    expect(edit).toEqual({
      ok: true,
      text: '---\nstatus: "Superseded by [ADR-0012](0012-move-to-dynamodb.md)"\ndate: 2024-01-02\nsuperseded-by: "0012-move-to-dynamodb.md"\ndeciders: [ana]\n---\n\n# Use PostgreSQL\n',
    });
    if (!edit.ok) throw new Error(edit.reason);
    expect(edit.text.match(/^superseded-by:/gm)).toHaveLength(1);
    // Valid YAML again (a duplicate key would not parse): the review reads the status and the link.
    const doc = parseDocument({ path: 'docs/adr/0003-use-postgresql.md', content: edit.text, kind: 'adr' });
    expect(doc.status?.normalized).toBe('superseded');
    expect(doc.supersededBy.map((l) => l.number)).toEqual([12]);
  });

  it('ok: replaces a superseded_by key with a block list value, list items included', () => {
    const edit = markSuperseded('---\nsuperseded_by:\n  - 0009-old.md\nstatus: accepted\n---\n\n# X\n', SUCCESSOR);
    expect(edit).toEqual({ ok: true, text: '---\nsuperseded_by: "0012-move-to-dynamodb.md"\nstatus: "Superseded by [ADR-0012](0012-move-to-dynamodb.md)"\n---\n\n# X\n' });
  });

  it('ok: a CRLF record stays CRLF, the untouched lines byte for byte', () => {
    const crlf = MADR_EMPTY_LINK.replace(/\n/g, '\r\n');
    const edit = markSuperseded(crlf, SUCCESSOR);
    if (!edit.ok) throw new Error(edit.reason);
    expect(edit.text).toBe(
      '---\r\nstatus: "Superseded by [ADR-0012](0012-move-to-dynamodb.md)"\r\ndate: 2024-01-02\r\nsuperseded-by: "0012-move-to-dynamodb.md"\r\ndeciders: [ana]\r\n---\r\n\r\n# Use PostgreSQL\r\n',
    );
    const lf = markSuperseded(NYGARD, SUCCESSOR);
    const nygard = markSuperseded(NYGARD.replace(/\n/g, '\r\n'), SUCCESSOR);
    expect(nygard.ok && lf.ok && nygard.text).toBe(lf.ok && lf.text.replace(/\n/g, '\r\n'));
  });

  it('not ok: a front matter status superseded already is refused even with a superseded-by key', () => {
    expect(markSuperseded('---\nstatus: superseded\nsuperseded-by:\n---\n\n# X\n', SUCCESSOR)).toEqual({ ok: false, reason: 'it is superseded already' });
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
