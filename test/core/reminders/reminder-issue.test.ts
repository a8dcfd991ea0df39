import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { assessDue } from '../../../src/core/reminders/due.js';
import { parseReminderMarker } from '../../../src/core/reminders/marker.js';
import { adrLabel, cut, reminderTitle, renderReminderBody } from '../../../src/core/reminders/reminder-issue.js';
import { utf8Length } from '../../../src/core/publish/truncate.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { adr, adrDoc, COMMIT, fixtureAdr, TODAY } from './reminder-docs.js';

// The describe blocks render while collecting, so the templates load first.
loadBuiltinTemplates();

const options = { today: TODAY, type1Default: { months: 12 }, type1DefaultText: '12 months' };

describe('the reminder issue body', () => {
  const { doc } = fixtureAdr('0007-use-postgresql.md');
  const assessment = assessDue(doc, options);
  const body = renderReminderBody(doc, assessment, assessment.due!, { repoUrl: 'https://github.com/acme/shop', commit: COMMIT });
  const lines = body.split('\n');

  it('starts with the marker the planner reads back', () => {
    expect(lines[0]).toBe('<!-- design-review:reminder adr=docs/adr/0007-use-postgresql.md occurrence=2026-05-01 -->');
    expect(parseReminderMarker(body)).toEqual({ path: 'docs/adr/0007-use-postgresql.md', occurrence: '2026-05-01', cause: 'calendar' });
  });

  it('says why it is due and links the ADR at its commit', () => {
    expect(lines[1]).toBe('## ⏰ Time to revisit ADR-0007: Use PostgreSQL for primary database');
    expect(body).toContain('This decision asked to be revisited on 2026-05-01:\n\n- Revisit by 2026-05-01 (line 29), due 2026-05-01\n');
    expect(body).toContain(
      `**Status**: accepted · **Decided**: 2025-05-01 · **Record**: [docs/adr/0007-use-postgresql.md](https://github.com/acme/shop/blob/${COMMIT}/docs/adr/0007-use-postgresql.md)`,
    );
  });

  it('recalls the context, the decision and the trade-offs in brief', () => {
    expect(body).toContain('### Context, in brief\n\nOrders need transactions across tables, and the team runs PostgreSQL already.\n');
    expect(body).toContain('### Decision, in brief\n\nWe will use PostgreSQL 16 on RDS for the order service.\n');
    expect(body).toContain('### Trade-offs accepted\n\n- We give up single-digit-millisecond key lookups at any scale in exchange for joins and transactions.\n');
  });

  it('lists every trigger as a checkbox, metric ones marked as not evaluated', () => {
    const tasks = lines.filter((l) => l.startsWith('- [ ] '));
    expect(tasks).toEqual([
      '- [ ] **calendar**: Revisit by 2026-05-01 _(calendar, 2026-05-01)_',
      '- [ ] **scale**: If traffic > 10x baseline, revisit the sharding plan _(for you to evaluate)_',
      '- [ ] **cost**: Cost: monthly spend > $8,000 _(for you to evaluate)_',
      '- [ ] histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket\\{job="api"\\}\\[5m\\])) by (le)) > 0.5 _(not evaluated: no Prometheus reading)_',
    ]);
    // GitHub renders them as task list items.
    const tree = remark().use(remarkGfm).parse(body);
    const items = tree.children.flatMap((n) => (n.type === 'list' ? n.children : [])).filter((i) => i.checked === false);
    expect(items).toHaveLength(4);
  });

  it('says how to close it', () => {
    expect(body).toContain('### How to close this reminder');
    expect(body).toContain("update the record's revisit date");
    expect(body).toContain('write a new ADR that supersedes it');
  });

  it('names the path and commit as text without a repository URL', () => {
    const plain = renderReminderBody(doc, assessment, assessment.due!, { commit: COMMIT });
    expect(plain).toContain(`**Record**: docs/adr/0007-use-postgresql.md at ${COMMIT}`);
  });

  it('stays within the body limit for a huge ADR, marker kept', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `- If traffic > ${i}x baseline ${'pad '.repeat(60)}`).join('\n');
    const big = adr('0050-big.md', { title: '50. Big', frontMatter: ['date: 2025-01-01', 'revisit: 2026-01-01'], body: `## Revisit triggers\n\n${items}\n` }).doc;
    const a = assessDue(big, options);
    const text = renderReminderBody(big, a, a.due!, { commit: COMMIT });
    expect(utf8Length(text)).toBeLessThanOrEqual(65_535);
    expect(parseReminderMarker(text)?.path).toBe('docs/adr/0050-big.md');
  });
});

describe('mentions and cross-references in ADR text', () => {
  const md = [
    '---',
    'status: accepted (cc @arch-lead)',
    'date: 2025-01-01',
    '---',
    '# 9. Ask @octocat about #12',
    '',
    '## Context',
    '',
    'cc @octocat and @org/everyone; see #123 and acme/shop#5.',
    '',
    '## Decision',
    '',
    'We will do it, says @bob.',
    '',
    '## Revisit triggers',
    '',
    '- Revisit by 2026-01-01 unless @carol objects',
    '',
  ].join('\n');
  const doc = adrDoc(md, 'docs/adr/0009-ask.md');
  const a = assessDue(doc, options);
  const body = renderReminderBody(doc, a, a.due!, { commit: COMMIT });
  const zw = '\u200b';

  it('echoes the text with a zero-width space after `@` and after `#` before a number, so GitHub neither pings nor cross-links', () => {
    expect(body).toContain(`### Context, in brief\n\ncc @${zw}octocat and @${zw}org/everyone; see #${zw}123 and acme/shop#${zw}5.\n`);
    expect(body).toContain(`### Decision, in brief\n\nWe will do it, says @${zw}bob.\n`);
    expect(body.split('\n')[1]).toBe(`## ⏰ Time to revisit ADR-0009: Ask @${zw}octocat about #${zw}12`);
    expect(body).toContain(`- Revisit by 2026-01-01 unless @${zw}carol objects (line 17), due 2026-01-01`);
    expect(body).toContain(`**Status**: accepted (cc @${zw}arch-lead)`);
    expect(body).toContain(`- [ ] **calendar**: Revisit by 2026-01-01 unless @${zw}carol objects`);
  });

  it('leaves no mention or issue reference GitHub would link anywhere in the body', () => {
    expect(body).not.toMatch(/@[A-Za-z0-9]/);
    expect(body).not.toMatch(/#[0-9]/);
    // The hidden marker is untouched, so the planner still reads the reminder back.
    expect(parseReminderMarker(body)).toEqual({ path: 'docs/adr/0009-ask.md', occurrence: '2026-01-01', cause: 'calendar' });
  });
});

describe('titles', () => {
  it('labels ADRs by number, or by file name when they have none', () => {
    expect(reminderTitle(fixtureAdr('0008-adopt-kafka.md').doc)).toBe('Revisit ADR-0008: Adopt Kafka for order events');
    const unnumbered = adr('use-x.md', { title: 'Use X' }).doc;
    expect(adrLabel(unnumbered)).toBe('use-x.md');
    expect(reminderTitle(unnumbered)).toBe('Revisit use-x.md: Use X');
  });

  it('cuts on code points, never inside a surrogate pair', () => {
    expect(cut('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(cut('short', 5)).toBe('short');
  });
});
