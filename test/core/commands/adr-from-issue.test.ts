import { beforeAll, describe, expect, it } from 'vitest';
import { adrDataFromIssue, issueContext, issueDeciders, issueOptions, MAX_CONTEXT_CHARS } from '../../../src/core/commands/adr-from-issue.js';
import { renderTemplate } from '../../../src/core/render/templates.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { builtinChecklists } from '../../helpers/review-options.js';

const BODY = [
  'Orders and payments drift apart: 40 orders a week are paid but not confirmed.',
  '',
  '/adr new Use PostgreSQL for orders',
  '',
  '## Options',
  '',
  '- PostgreSQL 16',
  '- Keep the document store',
  '',
  '```',
  '/adr new quoted in code stays',
  '```',
].join('\n');

const ISSUE = { number: 12, title: 'Orders drift', body: BODY, htmlUrl: 'https://github.com/acme/shop/issues/12', author: 'alice', assignees: ['bob', 'alice', 'renovate[bot]'] };

beforeAll(() => loadBuiltinTemplates());

describe('adr data from an issue', () => {
  it('takes the body as context without the command line, code kept', () => {
    const context = issueContext(BODY)!;
    expect(context).not.toContain('/adr new Use PostgreSQL');
    expect(context).toContain('/adr new quoted in code stays');
    expect(issueContext('/adr new X')).toBeUndefined();
    expect(issueContext('x'.repeat(MAX_CONTEXT_CHARS + 50))!.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS + 2);
  });

  it('takes options from the list under an Options heading', () => {
    expect(issueOptions(BODY)).toEqual(['PostgreSQL 16', 'Keep the document store']);
    expect(issueOptions('No headings here\n\n- a\n- b')).toEqual([]);
  });

  it('names the author and assignees as @handles, once each, without bots', () => {
    expect(issueDeciders(ISSUE)).toEqual(['@alice', '@bob']);
  });

  it('renders adr.hbs prefilled: title escaped, issue link, deciders, eight trigger categories and the calendar trigger', () => {
    const data = adrDataFromIssue({
      issue: ISSUE,
      title: '<img src=x onerror=alert(1)> {{constructor}} [link](javascript:x) @everyone',
      number: 3,
      date: '2026-11-21',
      defaultCalendar: '9 months',
      categories: builtinChecklists().triggerCategories,
    });
    const text = renderTemplate('adr', data);
    expect(text.split('\n')[0]).toBe('# 3. &lt;img src=x onerror=alert(1)> \\{\\{constructor\\}\\} \\[link\\](javascript:x) @everyone');
    expect(text).toContain('Issue: [#12](https://github.com/acme/shop/issues/12)');
    expect(text).toContain('## Status\n\nProposed');
    expect(text).toContain('- @alice\n- @bob');
    expect(text).toContain('- PostgreSQL 16\n- Keep the document store');
    expect(text).toContain('- Calendar: revisit by 2027-08-21 (9 months after the decision).');
    for (const category of ['Scale', 'Team', 'Cost', 'Compliance', 'Performance', 'Technology', 'Organizational']) {
      expect(text).toMatch(new RegExp(`^- ${category}: TODO:`, 'm'));
    }
  });
});
