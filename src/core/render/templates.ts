import { compile, registerPartial, render, TemplateError } from './renderer.js';

/**
 * Named templates of the app. The core receives template text (read by
 * `src/io/read-templates.ts` or fetched from a repository) and never touches
 * the file system.
 */

/** Document templates the `new` command can render. */
export const DOCUMENT_TEMPLATES = ['adr', 'trade-off-analysis', 'design-doc'] as const;
export type DocumentTemplateName = (typeof DOCUMENT_TEMPLATES)[number];

/** Template and partial texts by name (file name without `.hbs`). */
export interface TemplateSources {
  templates: Record<string, string>;
  partials: Record<string, string>;
}

/**
 * Fields each built-in template cannot do without. Checked before rendering so
 * a caller that forgets one gets a clear error instead of a half-empty document.
 */
const REQUIRED_FIELDS: Record<string, readonly string[]> = {
  adr: ['title', 'number', 'date', 'status', 'defaultCalendar', 'due', 'triggers'],
  'trade-off-analysis': ['title', 'number', 'date', 'status', 'defaultCalendar', 'due', 'triggers', 'criteria'],
  'design-doc': ['title', 'date', 'status', 'defaultCalendar', 'due', 'triggers'],
  // Revisit reminders (src/core/reminders): the marker is how the sweep finds its issues again.
  'reminder-issue': ['marker', 'label', 'title', 'occurrence', 'reasons', 'path', 'commit', 'triggers'],
  'decision-health': ['marker', 'today', 'rows', 'broken'],
  'adr-backfill-pull-request-body': ['marker', 'count', 'rows', 'base'],
};

/**
 * Built-in templates whose output is posted on GitHub (comments, issues, check
 * runs, pull request bodies): their helpers break @mentions and issue
 * references in user text (`neutralizeReferences`). Document templates, the
 * user's own included, are file content and stay exact.
 */
const POSTED_ON_GITHUB: ReadonlySet<string> = new Set([
  'review-summary',
  'reminder-issue',
  'decision-health',
  'adr-command-help',
  'adr-command-usage',
  'adr-command-denied',
  'adr-command-created',
  'adr-command-failed',
  'adr-command-backfill',
  'adr-pull-request-body',
  'adr-backfill-pull-request-body',
]);

/** Names `loadTemplates` gives the built-in templates; `compileTemplate` may not take them. */
const BUILTIN_NAMES: ReadonlySet<string> = new Set([...DOCUMENT_TEMPLATES, ...Object.keys(REQUIRED_FIELDS), ...POSTED_ON_GITHUB]);

/**
 * Compile a template from its text and cache it under `name` (user templates included).
 * The cache is per process: a built-in name would replace the built-in template for
 * every later review, so user templates take a prefixed name of their own.
 */
export function compileTemplate(name: string, text: string): void {
  if (BUILTIN_NAMES.has(name)) {
    throw new TemplateError(`Template "${name}" is a built-in template; compile a user template under a name of its own (e.g. "user:${name}")`, name);
  }
  compile(name, text);
}

/** Register partials, then compile templates; call once with everything `readBuiltinTemplates` returns. */
export function loadTemplates(sources: TemplateSources): void {
  for (const [name, text] of Object.entries(sources.partials)) registerPartial(name, text);
  for (const [name, text] of Object.entries(sources.templates)) compile(name, text);
}

/** Render a compiled template; built-in templates first check their required fields, and those posted on GitHub neutralise references. */
export function renderTemplate(name: string, data: object): string {
  const required = REQUIRED_FIELDS[name] ?? [];
  const record = data as Record<string, unknown>;
  const missing = required.filter((field) => record[field] === undefined || record[field] === null || record[field] === '');
  if (missing.length > 0) {
    throw new TemplateError(
      `Template "${name}" needs ${missing.map((f) => `"${f}"`).join(', ')} in its data; build the data with buildAdrData()`,
      name,
    );
  }
  return render(name, data, { neutralizeReferences: POSTED_ON_GITHUB.has(name) });
}

export { TemplateError } from './renderer.js';
