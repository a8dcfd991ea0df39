/**
 * CODEOWNERS (GitHub's format): `pattern owner…` lines with gitignore-style
 * patterns, the last matching line winning. Used to assign a reminder when an
 * ADR names no GitHub handle among its deciders. Patterns are matched by a
 * small glob matcher of our own rather than picomatch: picomatch compiles to a
 * backtracking regex, and a hostile line such as `*a*a*a*a*a*a*a*b.md` took
 * seconds to minutes against a long path, blocking the event loop. The
 * matcher below never backtracks more than one wildcard at a time, so a match
 * costs at most (pattern length × path length) steps.
 */
import { trimEndMatching, trimStartMatching } from '../document/trim-chars.js';

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
    out.rules.push({ line, pattern, owners, matches: compileGlobs(globsFor(pattern)) });
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
 * The globs a CODEOWNERS pattern stands for (`*`, `?`, `**` and `\` escapes
 * only: gitignore has no braces or extglobs, so `{a,b}` or `+(x)` are literal). A leading `/`, or a `/` inside,
 * anchors it at the root; otherwise it matches at any depth. A pattern names
 * a file or a folder, and a folder owns everything under it; a trailing `/`
 * names only folders. `docs/*` owns the files directly in `docs/`, not deeper
 * ones (GitHub's documented reading).
 */
function globsFor(pattern: string): string[] {
  const dirOnly = pattern.endsWith('/');
  let body = trimEndMatching(trimStartMatching(pattern, /\//), /\//);
  if (body === '' || body === '**') return ['**'];
  const anchored = pattern.startsWith('/') || body.includes('/');
  if (!anchored) body = `**/${body}`;
  const under = `${body}/**`;
  if (dirOnly) return [under];
  if (body.endsWith('/*')) return [body];
  return [body, under];
}

/** One element of a path segment pattern: a literal character, `?` (one character) or `*` (any run). */
type SegmentToken = { literal: string } | '?' | '*';

/** A glob segment: `**` (any number of whole segments) or tokens matched within one segment. */
type GlobSegment = '**' | SegmentToken[];

/** A matcher for paths that match any of the globs. */
function compileGlobs(globs: string[]): (path: string) => boolean {
  const compiled = globs.map(compileGlob);
  return (path) => {
    const segments = path.split('/');
    return compiled.some((glob) => wildcardMatch(glob, segments, (g) => g === '**', (g, s) => g !== '**' && segmentMatches(g, s)));
  };
}

function compileGlob(glob: string): GlobSegment[] {
  return glob.split('/').map((part): GlobSegment => {
    // `**` is a globstar only as a whole segment; elsewhere (`a**b`) it is a `*` that stays within the segment, as in picomatch.
    if (part === '**') return '**';
    const tokens: SegmentToken[] = [];
    for (let i = 0; i < part.length; i++) {
      const ch = part[i]!;
      if (ch === '\\' && i + 1 < part.length) tokens.push({ literal: part[++i]! });
      else if (ch === '*') {
        if (tokens[tokens.length - 1] !== '*') tokens.push('*');
      } else if (ch === '?') tokens.push('?');
      else tokens.push({ literal: ch });
    }
    return tokens;
  });
}

function segmentMatches(tokens: SegmentToken[], segment: string): boolean {
  // An empty segment (`docs/` split) is no file name: `docs/*` must not match it.
  if (segment === '') return tokens.length === 0;
  return wildcardMatch(
    tokens,
    [...segment],
    (t) => t === '*',
    (t, ch) => t === '?' || (typeof t === 'object' && t.literal === ch),
  );
}

/**
 * Classic two-pointer wildcard matching: `isStar` elements match any run of
 * items, every other element exactly one item it `accepts`. On a mismatch only
 * the most recent star is widened by one item; earlier stars never need
 * revisiting (whatever they could absorb, the latest star can too), which
 * bounds the work to pattern length × items, with no exponential backtracking.
 */
function wildcardMatch<P, I>(pattern: readonly P[], items: readonly I[], isStar: (p: P) => boolean, accepts: (p: P, item: I) => boolean): boolean {
  let p = 0;
  let i = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (i < items.length) {
    if (p < pattern.length && isStar(pattern[p]!)) {
      starAt = p++;
      resumeAt = i;
    } else if (p < pattern.length && accepts(pattern[p]!, items[i]!)) {
      p++;
      i++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      i = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p]!)) p++;
  return p === pattern.length;
}
