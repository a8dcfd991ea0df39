import Handlebars from 'handlebars';
import {
  escapeMarkdownBlock,
  escapeMarkdownInline,
  escapeMarkdownSpan,
  escapeTableCell,
  formatHandle,
  safeLinkTarget,
} from './escape-markdown.js';
import { codeSpan } from './code-span.js';
import { neutralizeReferences } from './neutralize-references.js';

/**
 * The one Handlebars instance of the app. Helpers are registered here once, at
 * module load; partials and templates arrive as text (the core never reads
 * files) and are compiled once, then cached by name.
 *
 * User text goes through the `md*` helpers, which escape it for Markdown and
 * HTML and return a SafeString, or `code`, which shows it as a code span;
 * templates never triple-stash user text. A template rendered for GitHub
 * (`neutralizeReferences`) also has the @mentions and issue references in
 * that text broken by the `md*` and `link` helpers; `code` leaves its text
 * exact (GitHub links nothing in code, and `/adr new <title>` is copied), and
 * `handle` is the one intended mention.
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

/** Handlebars' AST-to-opcodes pass (`Handlebars.Compiler`, which its type definitions leave out). */
const FirstCompilerPass = (hbs as unknown as { Compiler: new () => { compile(program: hbs.AST.Program, options: CompileOptions): unknown } }).Compiler;

/**
 * `strict` makes a plain `{{field}}` throw when the field is missing; helper
 * arguments are not looked up strictly, so the `md*` helpers check themselves.
 */
const COMPILE_OPTIONS: CompileOptions = { strict: true };

/** How a template is rendered. */
export interface RenderOptions {
  /** The output is posted on GitHub: break @mentions and issue references in user text (see neutralize-references.ts). */
  neutralizeReferences?: boolean;
}

interface HelperOptions {
  name?: string;
  loc?: { start: { line: number; column: number } };
  /** Handlebars' data frame: `render` puts the RenderOptions there, and every block and partial inherits it. */
  data?: RenderOptions;
}

/** User text as the output shows it: references broken when the template is rendered for GitHub. */
function shown(text: string, options: HelperOptions | undefined): string {
  return options?.data?.neutralizeReferences === true ? neutralizeReferences(text) : text;
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
  new hbs.SafeString(escapeMarkdownBlock(shown(textOf(value, 'md', options), options))),
);
hbs.registerHelper('mdLine', (value: unknown, options?: HelperOptions) =>
  new hbs.SafeString(escapeMarkdownInline(shown(textOf(value, 'mdLine', options), options))),
);
hbs.registerHelper('mdCell', (value: unknown, options?: HelperOptions) =>
  new hbs.SafeString(escapeTableCell(shown(textOf(value, 'mdCell', options), options))),
);
/**
 * `{{code text}}` or `{{code "/adr new " title}}` (the parts are joined): one code span that the
 * text cannot close, whatever backticks it holds (code-span.ts). Not for table cells.
 */
hbs.registerHelper('code', (...args: unknown[]) => {
  const options = args.pop() as HelperOptions | undefined;
  if (args.length === 0) throw new TemplateError(`{{code}}${where(options)}: give the text to show, e.g. {{code path}}`);
  return new hbs.SafeString(codeSpan(args.map((part) => textOf(part, 'code', options)).join('')));
});
hbs.registerHelper('handle', (value: unknown, options?: HelperOptions) =>
  new hbs.SafeString(formatHandle(textOf(value, 'handle', options))),
);
/** `{{link text url}}`: a Markdown link for an http(s) URL, otherwise the escaped text and URL. */
hbs.registerHelper('link', (text: unknown, url: unknown, options?: HelperOptions) => {
  const label = escapeMarkdownSpan(shown(textOf(text, 'link', options), options));
  const raw = textOf(url, 'link', options);
  const target = safeLinkTarget(raw);
  // A URL that is not a link target is shown as text, so it is neutralised like text.
  return new hbs.SafeString(target ? `[${label}](${target})` : `${label} (${escapeMarkdownSpan(shown(raw, options))})`);
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
    // `compile` alone defers every error to the first render. Parsing and Handlebars' first
    // compiler pass now report syntax errors and malformed partial calls at load; the JavaScript
    // is generated on first use (precompile generated it for every template at each start).
    new FirstCompilerPass().compile(hbs.parse(text), COMPILE_OPTIONS);
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
export function render(name: string, data: object, options: RenderOptions = {}): string {
  const entry = compiled.get(name);
  if (!entry) {
    throw new TemplateError(`Template "${name}" is not loaded; compile it first (known: ${[...compiled.keys()].join(', ') || 'none'})`, name);
  }
  try {
    return entry.render(data, { data: { neutralizeReferences: options.neutralizeReferences === true } });
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new TemplateError(`Template "${name}": ${error.message}`, name);
    }
    throw new TemplateError(`Template "${name}" failed to render: ${(error as Error).message}`, name);
  }
}
