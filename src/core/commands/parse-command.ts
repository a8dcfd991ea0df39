import type { Nodes, Root } from 'mdast';
import { parseArgs } from 'node:util';
import { parseMarkdown } from '../document/parse-markdown.js';
import { ShellWordsError, splitWords } from './shell-words.js';

/**
 * `/adr` commands in a comment or an issue body. A command counts only when
 * `/adr` starts a line of a paragraph: remark tells paragraphs from fenced
 * and indented code, block quotes (lazy continuation lines included), HTML
 * and tables, so a quoted or documented command never runs. The first
 * command of a text is the one that runs: one comment, one reply.
 */

/** Options of `new` and `supersede`. */
export interface AdrCommandOptions {
  template?: string;
  status?: string;
  dir?: string;
}

/** A command, parsed; `usage-error` carries what was wrong, in words the reply shows. */
export type AdrCommand =
  | { kind: 'new'; title: string; options: AdrCommandOptions }
  | { kind: 'supersede'; number: number; title: string; options: AdrCommandOptions }
  | { kind: 'check' }
  | { kind: 'backfill' }
  | { kind: 'help' }
  | { kind: 'unknown'; name: string }
  | { kind: 'usage-error'; subcommand: 'new' | 'supersede'; message: string };

/** A command and where it was found. */
export interface FoundCommand {
  command: AdrCommand;
  /** 1-based line of the `/adr` line in the text. */
  line: number;
  /** The `/adr` line as written. */
  text: string;
}

const COMMAND_LINE = /^\/adr(?=\s|$)/;
/** Longest command line read; a title is at most 300 characters, options add little. */
const MAX_LINE = 1000;

const OPTIONS = {
  template: { type: 'string' },
  status: { type: 'string' },
  dir: { type: 'string' },
} as const;

/** 1-based numbers of the lines that hold paragraph text outside block quotes. */
function paragraphLines(root: Root): Set<number> {
  const lines = new Set<number>();
  const walk = (node: Nodes, quoted: boolean): void => {
    if (node.type === 'blockquote') quoted = true;
    if (node.type === 'paragraph' && !quoted && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l += 1) lines.add(l);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, quoted);
  };
  walk(root, false);
  return lines;
}

/** GitHub's limit on a comment or issue body, in characters; a longer text is cut there. */
export const MAX_COMMAND_TEXT = 65_536;

/** A line as a command would be read: up to three spaces of indentation dropped, trailing space trimmed. */
function commandText(raw: string): string {
  // A paragraph line may be indented up to three spaces; a list item's line starts with its marker, so it does not count.
  let start = 0;
  while (start < 3 && raw.charCodeAt(start) === 0x20) start += 1;
  return raw.slice(start).trimEnd();
}

/**
 * 1-based numbers of the lines that could hold a command (`/adr` after at most
 * three spaces), without parsing: a linear scan, cheap enough to run on any
 * untrusted text inside a webhook request. Whether a candidate counts (not in
 * code, a quote or HTML) takes the markdown parse of `findCommandLines`.
 */
export function commandCandidateLines(markdown: string): number[] {
  const out: number[] = [];
  if (!markdown.includes('/adr')) return out;
  const lines = markdown.slice(0, MAX_COMMAND_TEXT).split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i += 1) if (COMMAND_LINE.test(commandText(lines[i]!))) out.push(i + 1);
  return out;
}

/**
 * The part of a text that decides which of its candidate lines are commands:
 * everything up to the first blank line after the last candidate. Later lines
 * cannot change how earlier ones parse (a setext underline, a table's
 * delimiter row or a definition's title end before a blank line), so the parse
 * stays exact while a long tail costs nothing. Undefined when no line is a candidate.
 */
export function commandWindow(markdown: string): string | undefined {
  const candidates = commandCandidateLines(markdown);
  if (candidates.length === 0) return undefined;
  const lines = markdown.slice(0, MAX_COMMAND_TEXT).split(/\r\n?|\n/);
  let end = candidates[candidates.length - 1]!;
  while (end < lines.length && lines[end]!.trim() !== '') end += 1;
  return lines.slice(0, end).join('\n');
}

/** The `/adr` lines of a markdown text that count as commands, in order. */
export function findCommandLines(markdown: string): { line: number; text: string }[] {
  const source = commandWindow(markdown);
  if (source === undefined) return [];
  const allowed = paragraphLines(parseMarkdown(source));
  const out: { line: number; text: string }[] = [];
  source.split('\n').forEach((raw, i) => {
    const text = commandText(raw);
    if (allowed.has(i + 1) && COMMAND_LINE.test(text)) out.push({ line: i + 1, text });
  });
  return out;
}

/** The first command of a text, parsed, or undefined when the text holds none. */
export function findCommand(markdown: string): FoundCommand | undefined {
  const first = findCommandLines(markdown)[0];
  return first === undefined ? undefined : { ...first, command: parseCommandLine(first.text) };
}

/** Parse one `/adr ...` line. */
export function parseCommandLine(line: string): AdrCommand {
  const rest = line.slice(0, MAX_LINE).replace(COMMAND_LINE, '').trim();
  const space = rest.search(/\s/);
  const name = (space === -1 ? rest : rest.slice(0, space)).toLowerCase();
  const args = space === -1 ? '' : rest.slice(space + 1);
  switch (name) {
    case '':
    case 'help':
      return { kind: 'help' };
    case 'check':
      return { kind: 'check' };
    case 'backfill':
      return { kind: 'backfill' };
    case 'new':
    case 'supersede':
      return parseCreate(name, args);
    default:
      return { kind: 'unknown', name: name.slice(0, 40) };
  }
}

function parseCreate(subcommand: 'new' | 'supersede', args: string): AdrCommand {
  const usage = (message: string): AdrCommand => ({ kind: 'usage-error', subcommand, message });
  let words: string[];
  try {
    words = splitWords(args);
  } catch (error) {
    if (error instanceof ShellWordsError) return usage(error.message);
    throw error;
  }
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: words, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(optionProblem(error));
  }
  const options: AdrCommandOptions = {};
  for (const key of ['template', 'status', 'dir'] as const) {
    const value = parsed.values[key]?.trim();
    if (value === '') return usage(`--${key} needs a value`);
    if (value !== undefined) options[key] = value;
  }
  const positionals = [...parsed.positionals];
  let number: number | undefined;
  if (subcommand === 'supersede') {
    const raw = positionals.shift() ?? '';
    const m = /^(?:adr[-_ ]?)?#?0*(\d{1,6})$/i.exec(raw);
    if (!m || Number(m[1]) < 1) return usage(raw === '' ? 'name the ADR to supersede by its number' : `"${raw}" is not an ADR number`);
    number = Number(m[1]);
  }
  const title = positionals.join(' ').replace(/\s+/g, ' ').trim();
  if (title === '') return usage('the title is empty');
  return number === undefined ? { kind: 'new', title, options } : { kind: 'supersede', number, title, options };
}

// util.parseArgs errors carry a code; their messages suggest shell syntax, so say it plainly instead.
function optionProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^'\s]*)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}; the options are --template, --status and --dir`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option} needs a value`;
  return message.split('\n')[0]!;
}
