import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { TriggerCategoryDef } from '../checklists/types.js';
import { parseMarkdown } from '../document/parse-markdown.js';
import { buildAdrData, type AdrTemplateData } from '../new-adr/adr-data.js';
import { commandCandidateLines, findCommandLines } from './parse-command.js';

/**
 * The data of an ADR proposed from an issue: the issue body becomes the
 * context (without the command lines), a list under an "Options" or
 * "Alternatives" heading becomes the considered options, the author and the
 * assignees become deciders, and the record links back to the issue. Built on
 * buildAdrData, so the CLI and the App render the same record.
 */

/** The issue (or pull request) a command was written on. */
export interface CommandIssue {
  number: number;
  title: string;
  body: string;
  htmlUrl: string;
  author: string;
  assignees: readonly string[];
}

/** What `adrDataFromIssue` needs besides the issue. */
export interface IssueAdrInput {
  issue: CommandIssue;
  title: string;
  number: number;
  /** Decision date, ISO (the injected clock's today). */
  date: string;
  status?: string;
  /** `revisit.defaultCalendar`. */
  defaultCalendar: string;
  categories: TriggerCategoryDef[];
}

/** Longest context carried over from an issue; the rest is a link away. */
export const MAX_CONTEXT_CHARS = 4000;
const MAX_OPTIONS = 10;
const OPTIONS_HEADING = /\b(options?|alternatives?)\b/i;

/** The issue body as ADR context: command lines removed, bounded in length; undefined when nothing is left. */
export function issueContext(body: string): string | undefined {
  const source = body.replace(/\r\n?/g, '\n');
  return contextWithout(source, new Set(findCommandLines(source).map((c) => c.line)));
}

// The text without the given 1-based lines, bounded in length; undefined when nothing is left.
function contextWithout(source: string, dropped: ReadonlySet<number>): string | undefined {
  const kept = source
    .split('\n')
    .filter((_, i) => !dropped.has(i + 1))
    .join('\n')
    .trim();
  if (kept === '') return undefined;
  return kept.length > MAX_CONTEXT_CHARS ? `${kept.slice(0, MAX_CONTEXT_CHARS).trimEnd()} …` : kept;
}

/** Items of the first list under an "Options" / "Alternatives" heading of the issue body. */
export function issueOptions(body: string): string[] {
  if (!OPTIONS_HEADING.test(body)) return [];
  const root: Root = parseMarkdown(body);
  const children = root.children as Nodes[];
  const at = children.findIndex((n) => n.type === 'heading' && OPTIONS_HEADING.test(toString(n)));
  if (at === -1) return [];
  const list = children.slice(at + 1).find((n) => n.type === 'list' || n.type === 'heading');
  if (list?.type !== 'list') return [];
  return list.children
    .map((item) => toString(item).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .slice(0, MAX_OPTIONS);
}

/** `@handles` of the issue author and assignees, without bots, each once. */
export function issueDeciders(issue: Pick<CommandIssue, 'author' | 'assignees'>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const login of [issue.author, ...issue.assignees]) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login) || seen.has(login.toLowerCase())) continue;
    seen.add(login.toLowerCase());
    out.push(`@${login}`);
  }
  return out;
}

/** What a record takes from the issue body: its context and its considered options. */
export interface IssueText {
  context?: string;
  options: string[];
}

/** Read the issue body once (it takes a markdown parse: the App runs this in a worker thread). */
export function readIssueText(body: string): IssueText {
  const context = issueContext(body);
  return { ...(context === undefined ? {} : { context }), options: issueOptions(body) };
}

/**
 * The issue body as plain lines when it cannot be parsed in time: the lines that
 * could be commands are dropped (a quoted one too, which only loses an example)
 * and no options are read. Linear, so it is safe on any text.
 */
export function issueTextWithoutParsing(body: string): IssueText {
  const source = body.replace(/\r\n?/g, '\n');
  const context = contextWithout(source, new Set(commandCandidateLines(source)));
  return { ...(context === undefined ? {} : { context }), options: [] };
}

/** The template data of an ADR proposed from an issue; throws buildAdrData's RangeError on a bad title. */
export function adrDataFromIssue(input: IssueAdrInput & { text?: IssueText }): AdrTemplateData {
  const { issue } = input;
  const text = input.text ?? readIssueText(issue.body);
  const context = text.context;
  return buildAdrData({
    title: input.title,
    number: input.number,
    date: input.date,
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(context === undefined ? {} : { context }),
    deciders: issueDeciders(issue),
    options: text.options,
    issueUrl: issue.htmlUrl,
    defaultCalendar: input.defaultCalendar,
    categories: input.categories,
  });
}
