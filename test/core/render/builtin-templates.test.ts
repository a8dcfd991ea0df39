import { beforeAll, describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Heading, Root, RootContent, Table } from 'mdast';
import { buildAdrData, type AdrInput } from '../../../src/core/new-adr/adr-data.js';
import { DOCUMENT_TEMPLATES, renderTemplate } from '../../../src/core/render/templates.js';
import { findPackageRoot } from '../../../src/io/package-root.js';
import { loadBuiltinTemplates, readBuiltinTemplates } from '../../../src/io/read-templates.js';
import type { TriggerCategoryDef } from '../../../src/core/checklists/types.js';

const categories: TriggerCategoryDef[] = [
  { id: 'scale', name: 'Scale', cues: [], examples: ['Peak traffic passes 10x baseline.'], revisits: 'database' },
  { id: 'cost', name: 'Cost', cues: [], examples: ['Monthly spend > $8,000.'], revisits: 'sizing' },
];

function data(overrides: Partial<AdrInput> = {}) {
  return buildAdrData({ title: 'Use PostgreSQL', number: 7, date: '2026-11-21', defaultCalendar: '6 months', categories, ...overrides });
}

const parse = (md: string): Root => remark().use(remarkFrontmatter).use(remarkGfm).parse(md);

function all(node: Root | RootContent): RootContent[] {
  const children = 'children' in node ? (node.children as RootContent[]) : [];
  return [...(node.type === 'root' ? [] : [node as RootContent]), ...children.flatMap(all)];
}

const headings = (md: string) =>
  all(parse(md))
    .filter((n): n is Heading => n.type === 'heading')
    .map((h) => `${'#'.repeat(h.depth)} ${toString(h)}`);

beforeAll(() => {
  loadBuiltinTemplates();
});

describe('reading the built-in templates', () => {
  it('finds the package root and every document template and partial', () => {
    expect(findPackageRoot()).toMatch(/[\\/]?[^\\/]+$/);
    const sources = readBuiltinTemplates();
    for (const name of DOCUMENT_TEMPLATES) expect(sources.templates[name]).toContain('{{');
    expect(Object.keys(sources.partials)).toEqual(expect.arrayContaining(['revisit-triggers', 'participants', 'issue-link']));
  });

  it('never triple-stashes in the built-in templates', () => {
    const { templates, partials } = readBuiltinTemplates();
    for (const text of [...Object.values(templates), ...Object.values(partials)]) expect(text).not.toMatch(/\{\{\{|\{\{&/);
  });
});

describe('adr.hbs', () => {
  it('renders a Nygard/MADR-compatible skeleton', () => {
    const md = renderTemplate('adr', data());
    expect(headings(md)).toEqual([
      '# 7. Use PostgreSQL',
      '## Status',
      '## Context',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision',
      '## Consequences',
      '## Trade-offs accepted',
      '## Revisit Triggers',
      '## Participants',
    ]);
    expect(md).toMatch(/^Date: 2026-11-21$/m);
    expect(md).toMatch(/^Proposed$/m);
    expect(md).toContain('- Do nothing: TODO:');
    expect(md).toContain('- Good, because TODO:');
    expect(md).toContain('- Bad, because TODO:');
    expect(md).toContain('We give up [what we lose] in exchange for [what we gain]');
    expect(md).not.toContain('Issue:');
  });

  it('offers the eight trigger categories with examples and a dated calendar trigger', () => {
    const md = renderTemplate('adr', data());
    const section = md.slice(md.indexOf('## Revisit Triggers'), md.indexOf('## Participants'));
    const items = section.split('\n').filter((l) => l.startsWith('- '));
    expect(items.map((l) => l.slice(2, l.indexOf(':')))).toEqual([
      'Scale', 'Team', 'Cost', 'Compliance', 'Performance', 'Technology', 'Calendar', 'Organizational',
    ]);
    expect(section).toContain('- Scale: TODO: a condition such as "Peak traffic passes 10x baseline."');
    expect(section).toContain('- Cost: TODO: a condition such as "Monthly spend > $8,000."');
    expect(section).toContain('- Calendar: revisit by 2027-05-21 (6 months after the decision).');
  });

  it('uses prefilled context, options, consequences, deciders and the issue link', () => {
    const md = renderTemplate(
      'adr',
      data({
        context: 'Orders are lost when the queue restarts.\n\nWe need durable storage.',
        options: ['PostgreSQL', 'DynamoDB', 'Do nothing'],
        consequences: ['Good, because writes are durable', 'Bad, because we run a database'],
        deciders: ['@alice', '@org/platform'],
        issueUrl: 'https://github.com/o/r/issues/12',
        status: 'accepted',
      }),
    );
    expect(md).toContain('Issue: [#12](https://github.com/o/r/issues/12)');
    expect(md).toContain('Orders are lost when the queue restarts.\n\nWe need durable storage.');
    expect(md).toContain('- PostgreSQL\n- DynamoDB\n- Do nothing\n');
    expect(md).toContain('- Good, because writes are durable\n- Bad, because we run a database\n');
    expect(md).toContain('- @alice\n- @org/platform\n');
    expect(md).toMatch(/^Accepted$/m);
    const context = md.slice(md.indexOf('## Context'), md.indexOf('## Decision Drivers'));
    expect(context).not.toContain('TODO');
  });

  it('marks every unfilled part with TODO', () => {
    const md = renderTemplate('adr', data());
    for (const heading of ['Context', 'Decision Drivers', 'Considered Options', 'Decision', 'Consequences', 'Trade-offs accepted', 'Participants']) {
      const start = md.indexOf(`## ${heading}\n`);
      const rest = md.slice(start + heading.length + 4);
      const body = rest.slice(0, rest.indexOf('\n## ') === -1 ? undefined : rest.indexOf('\n## '));
      expect(body, heading).toContain('TODO');
    }
  });
});

describe('trade-off-analysis.hbs', () => {
  it('renders the section 5 fields', () => {
    const md = renderTemplate('trade-off-analysis', data());
    expect(headings(md)).toEqual([
      '# 7. Use PostgreSQL',
      '## Context',
      '## Options considered',
      '### Option 1: TODO: the option you lean towards',
      '### Option 2: TODO: another real alternative',
      '### Do nothing',
      '## Decision matrix',
      '## Recommendation',
      '## Trade-offs accepted',
      '## Revisit triggers',
      '## Decision record',
    ]);
    expect(md).toContain('Decision type: TODO: Type 1');
    expect(md).toContain('- Date: 2026-11-21\n- Status: Proposed\n- Participants: TODO:');
    expect(md).toContain('- Calendar: revisit by 2027-05-21 (6 months after the decision).');
  });

  it('has a weighted decision matrix whose weights add up to 100%', () => {
    const md = renderTemplate('trade-off-analysis', data({ options: ['PostgreSQL', 'My|SQL <x>'] }));
    const table = all(parse(md)).find((n): n is Table => n.type === 'table');
    expect(table).toBeDefined();
    const rows = table!.children.map((r) => r.children.map((c) => toString(c)));
    expect(rows[0]).toEqual(['Criterion', 'Weight', 'PostgreSQL', 'My|SQL <x>']);
    expect(rows.at(-1)).toEqual(['Weighted total', '', 'TODO', 'TODO']);
    const weights = rows.slice(1, -1).map((r) => Number.parseFloat(r[1]!));
    expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
    for (const row of rows.slice(1)) expect(row).toHaveLength(4);
    expect(md).toContain('### PostgreSQL\n');
  });

  it('lists deciders in the decision record', () => {
    const md = renderTemplate('trade-off-analysis', data({ deciders: ['@alice', '@bob'] }));
    expect(md).toContain('- Participants: @alice, @bob\n');
  });
});

describe('design-doc.hbs', () => {
  it('has the sections of a design doc and the six pillars', () => {
    const md = renderTemplate('design-doc', data());
    expect(md.startsWith('---\ntype: design-doc\n---\n')).toBe(true);
    expect(headings(md)).toEqual([
      '# Use PostgreSQL',
      '## Problem',
      '## Constraints',
      '## Options',
      '## Proposal',
      '## Well-Architected review',
      '### Operational excellence',
      '### Security',
      '### Reliability',
      '### Performance efficiency',
      '### Cost optimization',
      '### Sustainability',
      '## Failure modes and blast radius',
      '## Rollout and rollback',
      '## Observability',
      '## Cost',
      '## Testing',
      '## Open questions',
      '## Revisit triggers',
      '## Participants',
    ]);
    expect(md).toContain('- Calendar: revisit by 2027-05-21 (6 months after the decision).');
  });
});

describe('hostile titles and text render safely', () => {
  const titles = [
    '{{constructor}}',
    '{{#each triggers}}x{{/each}} {{> revisit-triggers}}',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '# Heading\n## Status\nAccepted',
    '[click](javascript:alert(1))',
    '`rm -rf /` | table | cell',
    'Rocket 🚀 launch 👩🏽‍💻 décision',
    'שימוש ב-PostgreSQL למסד הנתונים',
    'استخدام قاعدة بيانات',
    'Long '.repeat(60).trim(),
  ];

  it.each(DOCUMENT_TEMPLATES.flatMap((t) => titles.map((title) => [t, title] as const)))('%s: %j', (template, title) => {
    const input = data({
      title,
      context: title,
      options: [title, 'Do nothing'],
      consequences: [title],
      deciders: [title, '@alice'],
    });
    const md = renderTemplate(template, input);
    const tree = parse(md);
    const nodes = all(tree);
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
    expect(nodes.filter((n) => n.type === 'code' || n.type === 'inlineCode')).toEqual([]);
    expect(nodes.filter((n) => n.type === 'link' && toString(n) !== n.url && n.url.startsWith('javascript'))).toEqual([]);
    expect(nodes.filter((n) => n.type === 'link' || n.type === 'image')).toEqual([]);
    const h1 = nodes.filter((n): n is Heading => n.type === 'heading' && n.depth === 1);
    expect(h1).toHaveLength(1);
    const oneLine = input.title;
    expect(toString(h1[0]!)).toBe(template === 'design-doc' ? oneLine : `7. ${oneLine}`);
    // The user text did not add headings or sections.
    expect(nodes.filter((n) => n.type === 'heading' && toString(n) === 'Status').length).toBeLessThanOrEqual(1);
    // Template syntax in user text was not evaluated.
    if (title.includes('{{')) expect(toString(tree)).toContain(title.includes('constructor') ? '{{constructor}}' : '{{#each triggers}}');
  });

  it('a 300-character title is kept whole in the heading', () => {
    const title = 'x'.repeat(300);
    expect(renderTemplate('adr', data({ title }))).toContain(`# 7. ${title}\n`);
  });
});
