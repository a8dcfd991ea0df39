import { describe, expect, it } from 'vitest';
import { compileTemplate, loadTemplates, renderTemplate, TemplateError } from '../../../src/core/render/templates.js';
import { hasPartial, isCompiled } from '../../../src/core/render/renderer.js';

describe('compileTemplate / renderTemplate', () => {
  it('renders user text through the md helpers, escaped', () => {
    compileTemplate('t-escape', '# {{mdLine title}}\n\n{{md body}}\n');
    expect(renderTemplate('t-escape', { title: '<b>{{x}}</b>', body: '# no\n- no' })).toBe(
      '# &lt;b>\\{\\{x\\}\\}&lt;/b>\n\n\\# no\n\\- no\n',
    );
  });

  it('does not evaluate template syntax in data', () => {
    compileTemplate('t-data', '{{mdLine title}}');
    expect(renderTemplate('t-data', { title: '{{constructor}} {{#each this}}x{{/each}}' })).toBe(
      '\\{\\{constructor\\}\\} \\{\\{#each this\\}\\}x\\{\\{/each\\}\\}',
    );
  });

  it('throws a clear error for a missing plain field (strict mode)', () => {
    compileTemplate('t-strict', 'Date: {{date}}');
    expect(() => renderTemplate('t-strict', {})).toThrow(TemplateError);
    expect(() => renderTemplate('t-strict', {})).toThrow(/Template "t-strict".*"date" not defined/);
  });

  it('throws a clear error when an md helper gets a missing value', () => {
    compileTemplate('t-md-missing', 'line\n# {{mdLine title}}');
    expect(() => renderTemplate('t-md-missing', {})).toThrow(/Template "t-md-missing": \{\{mdLine\}\} at line 2, column 3: the value is missing/);
  });

  it('rejects objects passed as text', () => {
    compileTemplate('t-md-object', '{{md value}}');
    expect(() => renderTemplate('t-md-object', { value: { a: 1 } })).toThrow(/expected text, got object/);
  });

  it('lets optional fields be guarded with #if', () => {
    compileTemplate('t-optional', '{{#if issueUrl}}{{link "issue" issueUrl}}{{else}}none{{/if}}');
    expect(renderTemplate('t-optional', {})).toBe('none');
    expect(renderTemplate('t-optional', { issueUrl: 'https://github.com/o/r/issues/1' })).toBe('[issue](https://github.com/o/r/issues/1)');
    expect(renderTemplate('t-optional', { issueUrl: 'javascript:alert(1)' })).toBe('issue (javascript:alert(1))');
  });

  it('reports syntax errors at compile time, naming the template', () => {
    expect(() => compileTemplate('t-broken', '{{#if x}}never closed')).toThrow(/Template "t-broken" does not compile/);
    expect(isCompiled('t-broken')).toBe(false);
  });

  it('reports a malformed partial call at compile time too, not at the first render', () => {
    // Handlebars' compiler pass, not its parser, refuses a partial with two arguments.
    expect(() => compileTemplate('t-partial-args', '{{> footer a b}}')).toThrow(/Template "t-partial-args" does not compile: Unsupported number of partial arguments/);
    expect(isCompiled('t-partial-args')).toBe(false);
  });

  it('names the template that is not loaded', () => {
    expect(() => renderTemplate('t-nope', {})).toThrow(/Template "t-nope" is not loaded/);
  });

  it('checks the required fields of built-in templates before rendering', () => {
    // No compile here: unit files share one module registry (isolate: false), and
    // replacing the built-in "adr" would break every later file that renders it.
    expect(() => renderTemplate('adr', { title: 'x' })).toThrow(/Template "adr" needs "number", "date", "status"/);
  });

  it('refuses to compile a user template under a built-in name, which would replace it for the whole process', () => {
    for (const name of ['adr', 'design-doc', 'review-summary', 'reminder-issue']) {
      expect(() => compileTemplate(name, '# {{title}}')).toThrow(new RegExp(`Template "${name}" is a built-in template; .*"user:${name}"`));
    }
  });

  it('caches by name and replaces a template when its text changes', () => {
    compileTemplate('t-cache', 'one');
    compileTemplate('t-cache', 'one');
    expect(renderTemplate('t-cache', {})).toBe('one');
    compileTemplate('t-cache', 'two');
    expect(renderTemplate('t-cache', {})).toBe('two');
  });

  it('loads partials before the templates that use them', () => {
    loadTemplates({
      templates: { 't-with-partial': 'A {{> t-greeting}} Z' },
      partials: { 't-greeting': 'hello {{mdLine name}}' },
    });
    expect(hasPartial('t-greeting')).toBe(true);
    expect(renderTemplate('t-with-partial', { name: '*you*' })).toBe('A hello \\*you* Z');
  });

  it('renders handles as mentions only when written as mentions', () => {
    compileTemplate('t-handles', '{{#each deciders}}{{handle this}};{{/each}}');
    expect(renderTemplate('t-handles', { deciders: ['@alice', 'Bob', '@org/team', '<x>'] })).toBe('@alice;Bob;@org/team;&lt;x>;');
  });

  it('cannot reach prototype properties from templates', () => {
    compileTemplate('t-proto', '{{#if constructor}}leak{{else}}safe{{/if}}');
    expect(renderTemplate('t-proto', {})).toBe('safe');
  });
});
