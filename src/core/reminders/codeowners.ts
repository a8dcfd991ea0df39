/**
 * CODEOWNERS (GitHub's format): `pattern owner…` lines with gitignore-style
 * patterns, the last matching line winning. Used to assign a reminder when an
 * ADR names no GitHub handle among its deciders. Patterns are matched with
 * picomatch; this file only translates GitHub's rules into its globs.
 */
import picomatch from 'picomatch';

/** One ownership rule: a pattern and its owners (none means "owned by nobody"). */
export interface CodeownersRule {
  line: number;
  pattern: string;
  /** `@user`, `@org/team` or `user@example.com`, as written. */
  owners: string[];
  matches: (path: string) => boolean;
}

/** A line GitHub would not use, and why. */
export interface CodeownersProblem {
  line: number;
  text: string;
  reason: string;
}

/** A parsed CODEOWNERS file: rules in file order, comment lines, and lines that are not valid. */
export interface Codeowners {
  rules: CodeownersRule[];
  comments: { line: number; text: string }[];
  invalid: CodeownersProblem[];
}

// GitHub ignores CODEOWNERS files over 3 MB; lines past this many characters are not ownership rules.
const MAX_LINE_LENGTH = 4096;

// Gitignore has no braces or extglobs, and GitHub's CODEOWNERS does not negate: turn all three off so
// `{a,b}` or `+(x)` in a file name are literal characters, as GitHub reads them.
const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true, nobrace: true, noext: true, nonegate: true };

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/;
// A plain address: one `@`, a dot in the domain, no spaces; bounded classes keep it linear.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]{1,63}(?:\.[^\s@.]{1,63}){1,8}$/;

/** Parse a CODEOWNERS file into rules, comments and invalid lines (each with its 1-based line number). */
export function parseCodeowners(text: string): Codeowners {
  const out: Codeowners = { rules: [], comments: [], invalid: [] };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      out.comments.push({ line, text: trimmed });
      return;
    }
    if (trimmed.length > MAX_LINE_LENGTH) {
      out.invalid.push({ line, text: trimmed.slice(0, 80), reason: `the line is longer than ${MAX_LINE_LENGTH} characters` });
      return;
    }
    const tokens = splitTokens(trimmed);
    const pattern = tokens[0]!;
    const owners: string[] = [];
    for (const token of tokens.slice(1)) {
      // Text after an unescaped `#` is a comment.
      if (token.startsWith('#')) break;
      owners.push(token);
    }
    const problem = patternProblem(pattern) ?? owners.map(ownerProblem).find((p) => p !== undefined);
    if (problem) {
      out.invalid.push({ line, text: trimmed, reason: problem });
      return;
    }
    out.rules.push({ line, pattern, owners, matches: picomatch(globsFor(pattern), GLOB_OPTIONS) });
  });
  return out;
}

/** Owners of a path: those of the last rule that matches it (GitHub's precedence), or none. */
export function ownersOf(codeowners: Codeowners, path: string): string[] {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i]!;
    if (rule.matches(path)) return rule.owners;
  }
  return [];
}

/** The GitHub user logins among owners (`@octocat` → `octocat`); teams and e-mail addresses cannot be assignees. */
export function userLogins(owners: readonly string[]): string[] {
  return owners.filter((o) => USER.test(o)).map((o) => o.slice(1));
}

/** Whitespace-separated tokens; `\ ` keeps a space inside a pattern. */
function splitTokens(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === ' ') {
      current += ' ';
      i++;
    } else if (ch === ' ' || ch === '\t') {
      if (current !== '') tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

/** Why GitHub would reject a pattern, or undefined. */
function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return 'negated patterns (`!`) are not supported in CODEOWNERS';
  if (/(?<!\\)\[/.test(pattern)) return 'character ranges (`[ ]`) are not supported in CODEOWNERS';
  if (/\*\*\*/.test(pattern)) return 'a pattern has at most two `*` in a row';
  return undefined;
}

function ownerProblem(owner: string): string | undefined {
  if (USER.test(owner) || TEAM.test(owner) || EMAIL.test(owner)) return undefined;
  return `"${owner}" is not a @user, @org/team or e-mail address`;
}

/**
 * The globs a CODEOWNERS pattern stands for. A leading `/`, or a `/` inside,
 * anchors it at the root; otherwise it matches at any depth. A pattern names
 * a file or a folder, and a folder owns everything under it; a trailing `/`
 * names only folders. `docs/*` owns the files directly in `docs/`, not deeper
 * ones (GitHub's documented reading).
 */
function globsFor(pattern: string): string[] {
  const dirOnly = pattern.endsWith('/');
  let body = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  if (body === '' || body === '**') return ['**'];
  const anchored = pattern.startsWith('/') || body.includes('/');
  if (!anchored) body = `**/${body}`;
  const under = `${body}/**`;
  if (dirOnly) return [under];
  if (body.endsWith('/*')) return [body];
  return [body, under];
}
