import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { TriggerCategoryDef } from '../checklists/types.js';
import { parseMarkdown } from '../document/parse-markdown.js';
import { buildAdrData, type AdrTemplateData } from '../new-adr/adr-data.js';
import { findCommandLines } from './parse-command.js';

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
  const commandLines = new Set(findCommandLines(source).map((c) => c.line));
  const kept = source
    .split('\n')
    .filter((_, i) => !commandLines.has(i + 1))
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

/** The template data of an ADR proposed from an issue; throws buildAdrData's RangeError on a bad title. */
export function adrDataFromIssue(input: IssueAdrInput): AdrTemplateData {
  const { issue } = input;
  const context = issueContext(issue.body);
  return buildAdrData({
    title: input.title,
    number: input.number,
    date: input.date,
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(context === undefined ? {} : { context }),
    deciders: issueDeciders(issue),
    options: issueOptions(issue.body),
    issueUrl: issue.htmlUrl,
    defaultCalendar: input.defaultCalendar,
    categories: input.categories,
  });
}
