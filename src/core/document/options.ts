/**
 * Options considered: the list items (first line) or sub-headings of the
 * options section(s), MADR's "Considered Options" included; else the option
 * sub-headings of "Pros and Cons of the Options"; else the options of a
 * decision matrix; else headings anywhere that name options ("Solution 1: …"
 * and "Solution 2: …" under Context, "Option A" / "Option B", "Sync vs Async").
 * Sub-headings about the options ("Evaluation criteria", "Comparison",
 * "Summary") are not options.
 */
import type { List } from 'mdast';
import type { DecisionMatrix, OptionConsidered } from './model.js';
import { normalizeHeading, sectionKeyFor } from './headings.js';
import { isNumberedOptionHeading, versusSides } from './option-headings.js';
import { plainText } from './plain-text.js';
import type { Block, SectionSpan } from './sections.js';
import { isGuidanceOnly } from './sections.js';

/** Every option named in the document, deduplicated by name, in document order. */
export function readOptions(blocks: Block[], spans: SectionSpan[], matrices: DecisionMatrix[]): OptionConsidered[] {
  const fromOptions = collect(blocks, spans, 'options');
  if (fromOptions.length > 0) return fromOptions;
  const fromProsCons = collect(blocks, spans, 'pros-cons');
  if (fromProsCons.length > 0) return fromProsCons;
  const out: OptionConsidered[] = [];
  const seen = new Set<string>();
  for (const matrix of matrices) {
    for (const name of matrix.options) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.push({ name, line: matrix.line, column: matrix.column });
    }
  }
  if (out.length > 0) return out;
  return optionsFromHeadings(spans);
}

/**
 * Options weighed under headings of their own outside an options section:
 * two or more numbered or lettered ones ("Solution 1: …", "Option B"), and
 * both sides of a comparison ("Sync vs Async") at the top of the body or
 * directly under Context (deeper in a spec, "Filter vs Transform" compares two
 * features of the design). One "Solution: …" heading alone is the decision,
 * not an option.
 */
function optionsFromHeadings(spans: SectionSpan[]): OptionConsidered[] {
  const numbered: OptionConsidered[] = [];
  const compared: OptionConsidered[] = [];
  // The title, when one `#` heading heads the record: its sub-sections are the top of the body.
  const titles = spans.filter((s) => s.section.depth === 1);
  const title = titles.length === 1 ? titles[0]!.section : undefined;
  // Open sections, innermost last (spans are in heading order), to know each heading's parent.
  const open: SectionSpan['section'][] = [];
  for (const { section } of spans) {
    while (open.length > 0 && open[open.length - 1]!.depth >= section.depth) open.pop();
    const parent = open[open.length - 1];
    open.push(section);
    if (section.key !== null) continue;
    const place = { line: section.line, column: section.column };
    if (isNumberedOptionHeading(section.heading)) {
      numbered.push({ name: section.heading, ...place });
      continue;
    }
    const sides = versusSides(section.heading);
    const weighed = parent === undefined || parent === title || parent.key === 'context';
    if (sides && weighed) for (const name of sides) compared.push({ name, ...place });
  }
  const out = [...(numbered.length >= 2 ? numbered : []), ...compared];
  const seen = new Set<string>();
  return out.filter((o) => {
    const id = o.name.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

// Sub-headings about the options rather than options: criteria, a comparison,
// a summary, notes, a matrix, pros and cons (English and French MADR).
const TOPIC_HEADING = new RegExp(
  '^(?:' +
    [
      '(?:evaluation|selection|comparison|decision|assessment|scoring)\\s+criteria',
      'criteria',
      'evaluation',
      'assessment',
      'analysis',
      '(?:options?|alternatives?|feature|cost|side-by-side)\\s+comparison',
      'comparison(?:\\s+(?:table|matrix|of\\b.*|between\\b.*|with\\b.*))?',
      'summary(?:\\s+(?:table|of\\b.*))?',
      'notes?(?:\\s+on\\b.*)?',
      '(?:weighted\\s+)?(?:decision|scoring|evaluation|comparison)\\s+(?:matrix|table)',
      '(?:weighted\\s+)?scor(?:ing|es)',
      'pros\\s+(?:and|&)\\s+cons(?:\\s+of\\b.*)?',
      'pros\\s*/\\s*cons',
      'trade-?\\s?offs?',
      'discussion',
      'conclusions?',
      'results?',
      'findings',
      'overview',
      'details',
      'open\\s+questions',
      'other\\s+considerations',
      'considerations',
      'benchmarks?(?:\\s+results?)?',
      'tl;?dr',
      "crit[èe]res(?:\\s+d['’][ée]valuation)?",
      'comparaison(?:\\s+des\\s+options)?',
      'r[ée]sum[ée]',
      'synth[èe]se',
      'remarques?',
    ].join('|') +
    ')$',
  'i',
);

/** True when a sub-heading of the options section names an option, not the review's structure or a topic. */
function isOptionHeading(heading: string): boolean {
  // A sub-heading the review knows ("Pros and cons", "Decision") is structure, not an option.
  if (sectionKeyFor(heading) !== null) return false;
  return !TOPIC_HEADING.test(normalizeHeading(heading));
}

function collect(blocks: Block[], spans: SectionSpan[], key: 'options' | 'pros-cons'): OptionConsidered[] {
  const out: OptionConsidered[] = [];
  const seen = new Set<string>();
  const add = (raw: string, line: number, column: number): void => {
    const name = raw.split('\n')[0]!.replace(/\s+/g, ' ').trim();
    // "[option 1]" and "{title of option 1}" are the template's, not options.
    if (name === '' || isGuidanceOnly(name)) return;
    const id = name.toLowerCase();
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ name: name.length > 200 ? `${name.slice(0, 199)}…` : name, line, column });
  };
  for (const span of spans) {
    if (span.section.key !== key) continue;
    // Options are either sub-headings (at the depth of the first one that names an
    // option) or the items of the first list before any sub-heading.
    let optionDepth: number | undefined;
    for (let b = span.start + 1; b < span.end && optionDepth === undefined; b += 1) {
      const node = blocks[b]!.node;
      if (node.type === 'heading' && isOptionHeading(blocks[b]!.text)) optionDepth = node.depth;
    }
    let listDone = false;
    let headingSeen = false;
    const before = out.length;
    for (let b = span.start + 1; b < span.end; b += 1) {
      const block = blocks[b]!;
      const node = block.node;
      if (node.type === 'heading') {
        if (node.depth === optionDepth && isOptionHeading(block.text)) add(block.text, block.line, block.column);
        listDone = true;
        headingSeen = true;
      } else if (node.type === 'list' && optionDepth === undefined && (!listDone || (!headingSeen && out.length - before === 1))) {
        // A later list counts only when the first named one option and no sub-heading came between: an
        // unindented diagram or code block under an option ends the list, and the next options go on in
        // lists of their own, among labels such as "Pros:" and "Diagram:". Under a sub-heading ("Pros and
        // cons") a list is about the option, not another one.
        const later = listDone;
        for (const item of (node as List).children) {
          const first = item.children[0];
          if (!first) continue;
          const text = plainText(first);
          if (later && /:\s*$/.test(text.split('\n')[0]!)) continue;
          add(text, item.position?.start.line ?? block.line, item.position?.start.column ?? block.column);
        }
        listDone = true;
      }
    }
  }
  return out;
}
