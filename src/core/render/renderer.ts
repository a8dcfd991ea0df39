import Handlebars from 'handlebars';
import {
  escapeMarkdownBlock,
  escapeMarkdownInline,
  escapeMarkdownSpan,
  escapeTableCell,
  formatHandle,
  safeLinkTarget,
} from './escape-markdown.js';

/**
 * The one Handlebars instance of the app. Helpers are registered here once, at
 * module load; partials and templates arrive as text (the core never reads
 * files) and are compiled once, then cached by name.
 *
 * User text goes through the `md*` helpers, which escape it for Markdown and
 * HTML and return a SafeString; templates never triple-stash user text.
 */

/** A template that could not be compiled or rendered; the message names the template. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly template?: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const hbs = Handlebars.create();

/**
 * `strict` makes a plain `{{field}}` throw when the field is missing; helper
 * arguments are not looked up strictly, so the `md*` helpers check themselves.
 */
const COMPILE_OPTIONS: CompileOptions = { strict: true };

interface HelperOptions {
  name?: string;
  loc?: { start: { line: number; column: number } };
}

/** Where a helper was called, for error messages. */
function where(options: HelperOptions | undefined): string {
  const loc = options?.loc?.start;
  return loc ? ` at line ${loc.line}, column ${loc.column + 1}` : '';
}

/** The text of a helper argument; a missing value is a template or data bug, so it throws. */
function textOf(value: unknown, helper: string, options: HelperOptions | undefined): string {
  if (value === undefined || value === null) {
    throw new TemplateError(`{{${helper}}}${where(options)}: the value is missing (undefined or null); pass it in the template data or guard it with {{#if}}`);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new TemplateError(`{{${helper}}}${where(options)}: expected text, got ${Array.isArray(value) ? 'an array' : typeof value}`);
}

hbs.registerHelper('md', (value: unknown, options?: HelperOptions) =>
  new hbs.SafeString(escapeMarkdownBlock(textOf(value, 'md', options))),
);
hbs.registerHelper('mdLine', (value: unknown, options?: HelperOptions) =>
  new hbs.SafeString(escapeMarkdownInline(textOf(value, 'mdLine', options))),
);
hbs.registerHelper('mdCell', (value: unknown, options?: HelperOptions) =>
  new hbs.SafeString(escapeTableCell(textOf(value, 'mdCell', options))),
);
hbs.registerHelper('handle', (value: unknown, options?: HelperOptions) =>
  new hbs.SafeString(formatHandle(textOf(value, 'handle', options))),
);
/** `{{link text url}}`: a Markdown link for an http(s) URL, otherwise the escaped text and URL. */
hbs.registerHelper('link', (text: unknown, url: unknown, options?: HelperOptions) => {
  const label = escapeMarkdownSpan(textOf(text, 'link', options));
  const raw = textOf(url, 'link', options);
  const target = safeLinkTarget(raw);
  return new hbs.SafeString(target ? `[${label}](${target})` : `${label} (${escapeMarkdownSpan(raw)})`);
});
hbs.registerHelper('inc', (value: unknown) => Number(value) + 1);
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

const partials = new Map<string, string>();
const compiled = new Map<string, { text: string; render: HandlebarsTemplateDelegate }>();

/** Register a partial (`{{> name}}`); registering the same text again is a no-op. */
export function registerPartial(name: string, text: string): void {
  if (partials.get(name) === text) return;
  try {
    hbs.registerPartial(name, hbs.compile(text, COMPILE_OPTIONS));
  } catch (error) {
    throw new TemplateError(`Partial "${name}" does not compile: ${(error as Error).message}`, name);
  }
  partials.set(name, text);
}

/** True when a partial of that name is registered. */
export function hasPartial(name: string): boolean {
  return partials.has(name);
}

/**
 * Compile a template and cache it by name. Compiling the same text again
 * reuses the cache; new text for a name replaces the old template.
 * Syntax errors are reported now, not on first render.
 */
export function compile(name: string, text: string): void {
  if (compiled.get(name)?.text === text) return;
  let render: HandlebarsTemplateDelegate;
  try {
    // precompile parses eagerly; `compile` alone defers syntax errors to the first call.
    hbs.precompile(text, COMPILE_OPTIONS);
    render = hbs.compile(text, COMPILE_OPTIONS);
  } catch (error) {
    throw new TemplateError(`Template "${name}" does not compile: ${(error as Error).message}`, name);
  }
  compiled.set(name, { text, render });
}

/** True when a template of that name has been compiled. */
export function isCompiled(name: string): boolean {
  return compiled.has(name);
}

/** Render a compiled template; errors name the template. */
export function render(name: string, data: object): string {
  const entry = compiled.get(name);
  if (!entry) {
    throw new TemplateError(`Template "${name}" is not loaded; compile it first (known: ${[...compiled.keys()].join(', ') || 'none'})`, name);
  }
  try {
    return entry.render(data);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new TemplateError(`Template "${name}": ${error.message}`, name);
    }
    throw new TemplateError(`Template "${name}" failed to render: ${(error as Error).message}`, name);
  }
}
