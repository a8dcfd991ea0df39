/**
 * Template leftovers (domain.md section 8): `[Date]`, `{date}`, `{{ x }}`,
 * `<!-- optional -->`-style template comments, TODO/TBD. Bracketed text only
 * counts when it reads like guidance, so citations like `[RFC 7231]` do not;
 * braces only when they read like a template's slot, so code, notation
 * (`V_{k+1}`), naming patterns (`{Broker}MessageCreator`) and format slots in
 * quoted messages do not; tool directives (`<!-- prettier-ignore -->`) are
 * not template comments, and a TODO that is named ("the inline TODO") is not
 * one left in.
 */
import type { Located } from './model.js';
import type { DocWalk } from './doc-walk.js';
import { placeInText } from './doc-walk.js';
import type { FrontMatter } from './front-matter.js';
import { frontMatterEntryText, isGuidanceMap, isScalarValue } from './front-matter.js';
import { htmlComments } from './html-comments.js';
import { isGuidanceOnly } from './sections.js';

const MARKER = /(?<![\p{L}\p{N}])(?:TODO|TBD|TBA|FIXME)(?![\p{L}\p{N}])/gu;
const BRACES = /\{\{[^{}\n]{0,200}\}\}|\{[^{}\n]{1,200}\}/g;
const BRACKETS = /\[([^[\]\n]{1,160})\]/g;

const GUIDANCE_WORDS =
  /^(?:x+|\.{2,}|…|-+|_+|date|conditions?|threshold|trigger|yyyy-mm-dd|dd\/mm\/yyyy|mm\/dd\/yyyy|name|names|title|status|author|authors|owner|link|url|tbd|todo|number|n+|adr-?n+|description|summary|text|your [\w\s]+|short title[\s\S]*)$/i;
const GUIDANCE_START =
  /^(?:e\.\s?g\.|i\.\s?e\.|describe|list|add|insert|enter|fill|explain|summari[sz]e|write|provide|replace|give|state|optional|link to|who|what|when|why|how|one of|use this|delete|remove|the (?:name|title|date)|which|proposed \|)/i;
const NUMBERED = /^(?:option|alternative|driver|decision driver|criterion|consequence|pro|con|good|bad)\s*\d+$/i;
const TEMPLATE_COMMENT =
  /\boptional\b|feel free|\btemplate\b|\breplace\b|\bfill in\b|\bdescribe\b|\be\.g\.|\bdelete this\b|\bremove this\b|\bthis section\b|\bexample\b/i;

/** True when the inside of `[...]` reads like template guidance rather than a citation or a name. */
export function isBracketGuidance(inner: string): boolean {
  const text = inner.trim();
  if (text === '' || /^[\s,.-]*\d[\d\s,.-]*$/.test(text) || /^[ x]$/i.test(inner)) return false;
  // `**[Optional]** Add a keyring`: a label on an item, not guidance to replace.
  if (/^optional$/i.test(text)) return false;
  return GUIDANCE_WORDS.test(text) || GUIDANCE_START.test(text) || NUMBERED.test(text) || text.includes('|');
}

// "Scale:", "Calendar:", "Revisit by:": a label before the trigger itself.
const LEADING_LABEL = /^\p{L}[\p{L}\p{N} /&'’-]{0,40}:\s*/u;
const LEADING_PLACEHOLDER =
  /^(?:(?:TODO|TBD|TBA|FIXME)(?![\p{L}\p{N}])|\{[^{}\n]{1,200}\}|<\p{L}[^<>\n]{0,80}>|(?:…|\.{3})(?![\p{L}\p{N}]))/u;
const LEADING_BRACKET = /^\[([^[\]\n]{1,160})\]/;

/**
 * True when a line of template text starts with a placeholder, after an
 * optional label: `TODO: …`, `Scale: TODO: a condition such as …`,
 * `[condition]`, `{date}`, `Cost: …`. Such a line is a template leftover,
 * not content, even when the guidance after the marker reads like content.
 */
export function startsWithPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  const rest = trimmed.replace(LEADING_LABEL, '');
  if (isGuidanceOnly(rest)) return true;
  for (const candidate of rest === trimmed ? [trimmed] : [trimmed, rest]) {
    if (LEADING_PLACEHOLDER.test(candidate)) return true;
    const bracket = LEADING_BRACKET.exec(candidate);
    if (bracket && isBracketGuidance(bracket[1]!)) return true;
  }
  return false;
}

/**
 * Template leftovers in front matter: a value YAML read as a map from `{...}`
 * guidance (`decision-makers: {list everyone involved in the decision}`), and
 * any list or map under a key that holds one value (`scalarKeys`: status,
 * date). Each is located at its value, with the text as written.
 */
export function frontMatterPlaceholders(fm: FrontMatter, scalarKeys: readonly string[]): Located<string>[] {
  if (!fm.data) return [];
  const scalar = new Set(scalarKeys.map((k) => k.toLowerCase()));
  const found: Located<string>[] = [];
  for (const [key, value] of Object.entries(fm.data)) {
    const leftover = scalar.has(key.toLowerCase()) ? !isScalarValue(value) : isGuidanceMap(value);
    if (!leftover) continue;
    const entry = frontMatterEntryText(fm, [key]);
    found.push({ value: entry?.text || key, line: entry?.line ?? fm.line ?? 1, column: entry?.column ?? 1 });
  }
  return found.sort((a, b) => a.line - b.line);
}

// `{x}` glued to a word, a subscript, a `$`/`%`/`#` or a backslash is code or notation:
// `{Broker}MessageCreator`, `Run{Fresh,Bootstrap}Path`, `V_{k+1}`, `${appid}`, `\frac{a}`.
const GLUED_BEFORE = /[\p{L}\p{N}_$%#^\\]/u;
const GLUED_AFTER = /[\p{L}\p{N}_]/u;
// JSON, code and format slots: quotes, `:`, `=`, calls, `;` (`{"a": 1}`, `{ setZone: true }`, `{x = 1}`).
const CODE_INSIDE = /["'`:=;()<>]/;
// One identifier in code style: camelCase, dotted or snake_case (`{tableName}`, `{type.Name}`, `{user_id}`).
const CODE_IDENTIFIER = /^(?:\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{N}]*|[\p{L}\p{N}]+(?:[._][\p{L}\p{N}]+)+)$/u;
// Brace expansion or a set: `{a,b,c}` without spaces.
const BRACE_SET = /^[\p{L}\p{N}._-]+(?:,[\p{L}\p{N}._-]+)+$/u;

/** The number of `"` (and curly double quotes) in a text. */
function quotesIn(text: string): number {
  let n = 0;
  for (const c of text) if (c === '"' || c === '“' || c === '”') n += 1;
  return n;
}

/**
 * True when `{…}` at `index` of a text node reads as a template slot left in
 * (`{date}`, `{reference link}`, `{Proposed|Accepted}`), not code, notation or
 * a format slot in a quoted message. `line` is the source line the brace is
 * on, so quotes opened in a sibling node (`"Table *{name}* exists"`) count.
 */
export function isBracePlaceholder(value: string, index: number, match: string, line?: string, column?: number): boolean {
  if (match.startsWith('{{')) return true;
  const inner = match.slice(1, -1).trim();
  // At a node's edge the neighbour is in the source line: `` `code`{x}`code` `` splits into nodes.
  const fromLine = line !== undefined && column !== undefined;
  const before = value[index - 1] ?? (fromLine ? line[column - 2] : undefined);
  const after = value[index + match.length] ?? (fromLine ? line[column - 1 + match.length] : undefined);
  if (before !== undefined && GLUED_BEFORE.test(before)) return false;
  // `'{table}'`, `` `{x}` ``: quoted on both sides, a value in code or SQL.
  if (before !== undefined && after !== undefined && /['‘`"]/.test(before) && /['’`"]/.test(after)) return false;
  if (after !== undefined && GLUED_AFTER.test(after)) return false;
  if (inner === '' || CODE_INSIDE.test(inner) || BRACE_SET.test(inner) || CODE_IDENTIFIER.test(inner)) return false;
  const context = line !== undefined && column !== undefined ? line.slice(0, Math.max(0, column - 1)) : value.slice(0, index);
  // Inside a quoted message or example: a format slot, not a template's.
  if (quotesIn(context) % 2 === 1) return false;
  return true;
}

// A marker named rather than left: "the inline TODO referencing issue #41", "a TODO comment".
const MENTIONED_MARKER = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|any|each|every|inline|existing|old|follow-up)\s+$/iu;

// Comments that are instructions to a tool, not template guidance:
// `<!-- markdownlint-disable MD013 -->`, `<!-- prettier-ignore -->`, `<!-- toc -->`.
const TOOL_DIRECTIVE =
  /^\s*(?:markdownlint|prettier|lint\b|eslint|textlint|cspell|spell-?checker|vale\b|alex\b|remark-|mdformat|toc\b|tocstop|end-?toc|no-?toc|omit from toc|vscode-markdown-toc|doctoc|start doctoc|end doctoc|mdx-|@format|@prettier|svelte-ignore|pragma\b|begin\b|end\b)/i;

/** Every template leftover in text nodes and HTML comments, in document order of discovery. */
export function findPlaceholders(walk: DocWalk, lines?: readonly string[]): Located<string>[] {
  const found: Located<string>[] = [];
  for (const { node } of walk.texts) {
    const value = node.value;
    // Most text has none of the three characters; skip the regexes then.
    const hasMarker = /T[OB][DA]|FIXME/.test(value);
    if (!hasMarker && !value.includes('{') && !value.includes('[')) continue;
    const push = (text: string, index: number): void => {
      found.push({ value: text, ...placeInText(node, value, index) });
    };
    if (hasMarker) {
      for (const m of value.matchAll(MARKER)) {
        if (!MENTIONED_MARKER.test(value.slice(Math.max(0, m.index - 20), m.index))) push(m[0], m.index);
      }
    }
    if (value.includes('{')) {
      for (const m of value.matchAll(BRACES)) {
        const place = placeInText(node, value, m.index);
        if (isBracePlaceholder(value, m.index, m[0], lines?.[place.line - 1], place.column)) push(m[0], m.index);
      }
    }
    if (value.includes('[')) {
      for (const m of value.matchAll(BRACKETS)) if (isBracketGuidance(m[1]!)) push(m[0], m.index);
    }
  }
  for (const { node } of walk.htmls) {
    if (!node.value.includes('<!--')) continue;
    for (const c of htmlComments(node.value)) {
      if (TOOL_DIRECTIVE.test(c.inner)) continue;
      if (TEMPLATE_COMMENT.test(c.inner)) {
        const raw = node.value.slice(c.index, c.end);
        const text = raw.length > 120 ? `${raw.slice(0, 116)} …` : raw;
        found.push({ value: text, ...placeInText(node, node.value, c.index) });
      }
    }
  }
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  return found;
}
