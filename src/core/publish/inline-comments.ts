import { compareFindings, type Finding } from '../finding.js';
import { codeSpan } from '../render/code-span.js';
import { ruleDocsUrl } from '../rule-helpers/define-rule.js';
import { commentableLines } from './diff-lines.js';
import { findingFingerprint } from './fingerprint.js';
import { messageMarkdown } from './message-markdown.js';
import { fixBlock } from './suggestion-block.js';
import { truncateToLimit } from './truncate.js';
import { findingMarker, type ChangedFile, type InlineComment } from './types.js';

/** Inline comments one review posts at most; a PR buried in bot comments is not read, and the rest are in the summary. */
export const MAX_INLINE_COMMENTS = 50;

/** Which findings became inline comments and which go to the summary. */
export interface InlineSplit {
  comments: InlineComment[];
  /** Findings posted inline (several may share a comment). */
  inline: Finding[];
  /** Findings not on a line of the diff, or over the cap: listed in the summary. */
  rest: Finding[];
}

/** Options of `planInlineComments`. */
export interface InlineOptions {
  /** File contents by path, split in lines, so a suggestion can rewrite the commented line. */
  lines?: Map<string, string[]>;
  /** Cap on comments (default 50). */
  max?: number;
}

/**
 * The body of one inline comment: severity, rule link, the messages (document
 * text neutralised, see message-markdown.ts), the fix, and the hidden marker
 * as the last line, the only place the bot reads it from. The fix is code
 * (a ```suggestion GitHub writes into the file, so it stays exact), where a
 * quoted marker or mention is inert.
 */
export function inlineCommentBody(group: readonly Finding[], fingerprint: string, lineText: string | undefined): string {
  const first = group[0]!;
  const severity = group.some((f) => f.severity === 'error') ? '**Error**' : '**Warning**';
  const parts = [`${severity} · [${codeSpan(first.ruleId)}](${ruleDocsUrl(first.ruleId)})`, ''];
  if (group.length === 1) parts.push(messageMarkdown(first.message));
  else for (const f of group) parts.push(`- ${messageMarkdown(f.message)}`);
  const suggestion = group.find((f) => f.suggestion !== undefined)?.suggestion;
  if (suggestion !== undefined) parts.push('', fixBlock(suggestion, lineText));
  const marker = findingMarker(fingerprint);
  // The marker goes last and is kept whole, so the bot recognises its comment even when the body was cut.
  return `${truncateToLimit(parts.join('\n'), 65_535 - marker.length - 2)}\n\n${marker}`;
}

/**
 * Split findings between inline comments (on lines of the diff of files the
 * PR changes and keeps) and the summary. Findings of one rule on one line
 * share a comment; errors are placed first when the cap is reached.
 */
export function planInlineComments(findings: readonly Finding[], changed: readonly ChangedFile[], opts: InlineOptions = {}): InlineSplit {
  const max = opts.max ?? MAX_INLINE_COMMENTS;
  const diffLines = new Map<string, Set<number>>();
  for (const file of changed) {
    if (file.status !== 'removed') diffLines.set(file.path, commentableLines(file.patch));
  }
  const groups = new Map<string, Finding[]>();
  const rest: Finding[] = [];
  for (const f of findings) {
    if (f.line === undefined || !diffLines.get(f.file)?.has(f.line)) {
      rest.push(f);
      continue;
    }
    // NUL cannot occur in a path or rule id, so the key is unambiguous.
    const key = `${f.file}\u0000${f.line}\u0000${f.ruleId}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const ordered = [...groups.values()]
    .map((g) => g.sort(compareFindings))
    .sort((a, b) => {
      const ea = a.some((f) => f.severity === 'error');
      const eb = b.some((f) => f.severity === 'error');
      return ea === eb ? compareFindings(a[0]!, b[0]!) : ea ? -1 : 1;
    });
  const comments: InlineComment[] = [];
  const inline: Finding[] = [];
  for (const group of ordered) {
    if (comments.length >= max) {
      rest.push(...group);
      continue;
    }
    const first = group[0]!;
    // One finding keeps its own fingerprint; a shared comment is identified by all its messages.
    const fingerprint = findingFingerprint({ ruleId: first.ruleId, file: first.file, message: group.map((f) => f.message).join('\n') });
    const lineText = opts.lines?.get(first.file)?.[first.line! - 1];
    comments.push({ path: first.file, line: first.line!, body: inlineCommentBody(group, fingerprint, lineText), fingerprint });
    inline.push(...group);
  }
  comments.sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1));
  return { comments, inline, rest: rest.sort(compareFindings) };
}
