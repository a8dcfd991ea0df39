/**
 * Template leftovers (domain.md section 8): `[Date]`, `{date}`, `{{ x }}`,
 * `<!-- optional -->`-style template comments, TODO/TBD. Bracketed text only
 * counts when it reads like guidance, so citations like `[RFC 7231]` do not.
 */
import type { Located } from './model.js';
import type { DocWalk } from './doc-walk.js';
import { placeInText } from './doc-walk.js';

const MARKER = /(?<![\p{L}\p{N}])(?:TODO|TBD|TBA|FIXME)(?![\p{L}\p{N}])/gu;
const BRACES = /\{\{[^{}\n]{0,200}\}\}|\{[^{}\n]{1,200}\}/g;
const BRACKETS = /\[([^[\]\n]{1,160})\]/g;
const COMMENT = /<!--([\s\S]*?)-->/g;

const GUIDANCE_WORDS =
  /^(?:x+|\.{2,}|…|-+|_+|date|yyyy-mm-dd|dd\/mm\/yyyy|mm\/dd\/yyyy|name|names|title|status|author|authors|owner|link|url|tbd|todo|number|n+|adr-?n+|description|summary|text|your [\w\s]+|short title[\s\S]*)$/i;
const GUIDANCE_START =
  /^(?:e\.\s?g\.|i\.\s?e\.|describe|list|add|insert|enter|fill|explain|summari[sz]e|write|provide|replace|give|state|optional|link to|who|what|when|why|how|one of|use this|delete|remove|the (?:name|title|date)|which|proposed \|)/i;
const NUMBERED = /^(?:option|alternative|driver|decision driver|criterion|consequence|pro|con|good|bad)\s*\d+$/i;
const TEMPLATE_COMMENT =
  /\boptional\b|feel free|\btemplate\b|\breplace\b|\bfill in\b|\bdescribe\b|\be\.g\.|\bdelete this\b|\bremove this\b|\bthis section\b|\bexample\b/i;

/** True when the inside of `[...]` reads like template guidance rather than a citation or a name. */
export function isBracketGuidance(inner: string): boolean {
  const text = inner.trim();
  if (text === '' || /^[\s,.-]*\d[\d\s,.-]*$/.test(text) || /^[ x]$/i.test(inner)) return false;
  return GUIDANCE_WORDS.test(text) || GUIDANCE_START.test(text) || NUMBERED.test(text) || text.includes('|');
}

/** Every template leftover in text nodes and HTML comments, in document order of discovery. */
export function findPlaceholders(walk: DocWalk): Located<string>[] {
  const found: Located<string>[] = [];
  for (const { node } of walk.texts) {
    const value = node.value;
    // Most text has none of the three characters; skip the regexes then.
    const hasMarker = /T[OB][DA]|FIXME/.test(value);
    if (!hasMarker && !value.includes('{') && !value.includes('[')) continue;
    const push = (text: string, index: number): void => {
      found.push({ value: text, ...placeInText(node, value, index) });
    };
    if (hasMarker) for (const m of value.matchAll(MARKER)) push(m[0], m.index);
    if (value.includes('{')) for (const m of value.matchAll(BRACES)) push(m[0], m.index);
    if (value.includes('[')) {
      for (const m of value.matchAll(BRACKETS)) if (isBracketGuidance(m[1]!)) push(m[0], m.index);
    }
  }
  for (const { node } of walk.htmls) {
    if (!node.value.includes('<!--')) continue;
    for (const m of node.value.matchAll(COMMENT)) {
      if (TEMPLATE_COMMENT.test(m[1]!)) {
        const text = m[0].length > 120 ? `${m[0].slice(0, 116)} …` : m[0];
        found.push({ value: text, ...placeInText(node, node.value, m.index) });
      }
    }
  }
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  return found;
}
