/**
 * Options written as prose rather than listed under an options heading:
 * "We considered A, B and C", "Two approaches were considered: 1) … 2) …",
 * "The other option would be to …", "X was considered but rejected", "We
 * chose X over Y because …", "Nous avions deux façons de faire : …". Each
 * pattern is bounded and anchored on a word, so the scan is linear.
 */
import type { Located } from './model.js';
import { alternativeHeadings } from './option-headings.js';
import { readRejectedInProse } from './options-rejected.js';
import type { Block, SectionSpan } from './sections.js';
import { locatedInBlock } from './text-place.js';

const COUNT = '(?:two|three|four|five|several|multiple|a few|a couple of|[2-9])';
// "We considered Kafka, RabbitMQ and SQS", "we evaluated A or B", "we compared X with Y": the verb,
// then (checked on the rest of the sentence, not by one regex, which would be polynomial) two or more things.
const WE_WEIGHED = /\b(?:we|they|the team) (?:also |have |had )?(?:considered|evaluated|compared|weighed|explored|investigated|assessed) /i;
const SEVERAL = /,|\band\b|\bor\b|\bvs\b|\bversus\b|\bwith\b|\bagainst\b/i;

/** The first "we considered A, B and C" in a text, when the sentence names two things or more. */
function weWeighed(text: string): RegExpExecArray | null {
  const m = WE_WEIGHED.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 160);
  const end = rest.search(/[.;:!?\n]/);
  return SEVERAL.test(end === -1 ? rest : rest.slice(0, end)) ? m : null;
}

// "We chose SQLite over JSON files", "Java 8 was preferred over Java 11", "we picked X rather than Y":
// a choice verb, then (checked on the rest of the sentence) what it was chosen over.
const WE_CHOSE =
  /\b(?:(?:we|they|the team) (?:have |had |also |finally |eventually )?(?:chose|choose|picked|selected|preferred|prefer|opted for|went with|settled on|favou?red)|(?:was|were|is|are|has been|have been) (?:chosen|picked|selected|preferred|favou?red)) /i;
const OVER = /\b(?:over|rather than|instead of)\b/i;
// Words between the verb and "over" that make "over" a preposition of something else:
// "we chose to send logs over the network", "we picked a queue that replicates over TCP".
const NOT_THE_OPTION = /\b(?:to|that|which|who|for|with|on|in|by|via|because|since|as|when|if)\b/i;
// "over time", "over the years", "over 10,000 users", "over a week".
const NOT_AN_OPTION_AFTER = /^(?:\d|(?:time|the (?:years|past|next|last|coming|course|network|wire|internet)|a (?:period|year|month|week|day|long)|several|many|multiple|night|weekends?)\b)/i;

/** The first "we chose X over Y" in a text: a choice verb and, in the same sentence, what it was chosen over. */
function weChoseOver(text: string): RegExpExecArray | null {
  const m = WE_CHOSE.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 160);
  const end = rest.search(/[.;:!?\n]/);
  const sentence = end === -1 ? rest : rest.slice(0, end);
  const over = OVER.exec(sentence);
  if (!over) return null;
  if (over[0].toLowerCase() !== 'over') return m;
  // "over" names the other option only right after the chosen one: a few words, no preposition or clause.
  const before = sentence.slice(0, over.index);
  const words = before.split(' ').filter((w) => w !== '').length;
  if (words === 0 && !/^(?:was|were|is|are|has|have)\b/i.test(m[0])) return null;
  if (words > 6 || NOT_THE_OPTION.test(before)) return null;
  return NOT_AN_OPTION_AFTER.test(sentence.slice(over.index + over[0].length).trimStart()) ? null : m;
}

// "Alternatively, groups of tags can be separated by a special tag … at the cost of …": an alternative and
// what it would cost. "Alternatively," alone also opens a usage note ("Alternatively, you may pass a subject"),
// so the cost must follow in the same paragraph.
const ALTERNATIVELY = /\balternatively,\s/i;
const ITS_COST =
  /\bat the (?:cost|expense|price) of\b|\bbut (?:this|that|it) (?:would|will|is|has|means)\b|\bthe (?:downside|drawback|disadvantage)s?\b|\bhowever\b|\bwould (?:mean|require|cost|be (?:more|less|slower|harder|costlier))\b/i;

/** The first "Alternatively, …" of a text followed, within a few sentences, by what that alternative costs. */
function alternativeWithCost(text: string): RegExpExecArray | null {
  const m = ALTERNATIVELY.exec(text);
  if (!m) return null;
  return ITS_COST.test(text.slice(m.index + m[0].length, m.index + m[0].length + 400)) ? m : null;
}

const CUES: RegExp[] = [
  // "Two approaches were considered", "We see two alternatives", "three candidate designs".
  new RegExp(`\\b${COUNT}\\s+(?:different\\s+|possible\\s+|main\\s+|alternative\\s+|other\\s+|candidate\\s+|competing\\s+)?(?:alternatives|approaches|solutions|designs|possibilities|candidates)\\b`, 'i'),
  // "Two options were considered", "two options being discussed" (cometbft ADR-057), "we have two options here:"
  // (not "two options are added to the API").
  new RegExp(`\\b${COUNT}\\s+(?:possible\\s+|main\\s+)?options\\s+(?:(?:were|are|have been)\\s+(?:considered|evaluated|explored|discussed|on the table)|being\\s+(?:considered|evaluated|explored|discussed)|(?:here\\s*)?:|to\\s+(?:pick|choose)\\s+from\\b)`, 'i'),
  // "Two paths are possible", "three routes were open to us".
  new RegExp(`\\b${COUNT}\\s+(?:paths|routes|ways forward)\\s+(?:are|were|seem)\\s+(?:possible|available|open)\\b`, 'i'),
  // "The other option would be", "Another option is", "A usual alternative was", "The alternative to this is".
  /\b(?:(?:the other|another|one other|a second|the second)\s+(?:option|approach|solution|alternative)|(?:an|the|one|a usual|a common|the obvious)\s+alternative(?:\s+(?:option|approach|solution|design))?)\s+(?:would be|would have been|was|is|could be|here is|to (?:this|these|that)\b|(?:was |were )?(?:suggested|proposed|discussed)\b)/i,
  // "There is the opportunity to define only ed25519, but this would …", "there was the possibility to …, but".
  /\bthere (?:is|was|would be) (?:also )?(?:the|an|one) (?:opportunity|possibility|option) to [^.\n]{1,200}?\bbut\b/i,
  // "OSGi and its peers are overkill for us", "a service mesh would be too heavyweight": a candidate turned
  // down. Not "too complex": that is how a Context describes the status quo's pain, which is no option.
  /\b(?:is|are|was|were|would be|seems?|seemed) (?:an? |clearly |simply )?(?:overkill|too (?:heavyweight|heavy-weight|heavy))\b/i,
  // "Type inheritance does not provide benefits proportional to the cost", "not worth the complexity",
  // "the gains do not justify …": the status quo or a candidate weighed and found wanting.
  /\b(?:benefits?|gains?|advantages?)\s+proportional to\b|\bnot worth (?:the|its) (?:cost|effort|complexity|trouble)\b|\b(?:benefits?|gains?|advantages?|costs?|drawbacks?|downsides?)\s+(?:(?:do|does|did) not\s+|far\s+|clearly\s+)?(?:outweighs?|justify|justifies)\b/i,
  // "We could provide a copy, but callers read it afterwards": an alternative named and turned down at once.
  /\bwe could (?!not\b)[^.,\n]{1,100}, but\b/i,
  // "Most projects use Prow. However, we will not use it, since it must be self-hosted."
  /\bhowever,? (?:we|the team) (?:will not|won't|do not|don't|did not|didn't|chose not to|decided not to) (?:use|adopt|build on|go with)\b/i,
  // "While gogoproto is nice, it creates an extra dependency": a candidate granted its merit, then turned down.
  /\bwhile [^,.\n]{1,60}? (?:is|are|would be|might be|may be|could be) (?:\w+ )?(?:nice|good|useful|attractive|tempting|appealing|convenient|powerful|popular|great|elegant)\b[^,.\n]{0,20}, (?:it|they|this|that)\b/i,
  // "A fluent API is in contrast to a push-button API" ("as opposed to" is not: it mostly sets terms apart).
  /\b(?:is|are|stands?) in contrast (?:to|with)\b/i,
  // "X was considered but rejected", "was ruled out", "we could have used Y".
  /\b(?:was|were)\s+(?:also\s+)?(?:considered|evaluated)\s+(?:but|and rejected|and discarded|as an alternative)\b|\b(?:was|were)\s+(?:rejected|ruled out|discarded)\s+(?:because|since|as|in favou?r of)\b|\bwe could have\s+(?:used|taken|gone|chosen|built|written|adopted|kept)\b|\balternatively,\s+(?:we|one|the team|you)\s+could\b/i,
  // A decision written as a swap: "Use the SHA256 hash instead of RIPEMD160 for everything".
  /^(?:use|adopt|prefer|switch to|move to) [^.\n]{1,80}? instead of\b/im,
  // "The alternative to using amino here would be an enum type."
  /\bthe (?:only |obvious )?alternative to [^.\n]{1,80}? would (?:be|have been)\b/i,
  // French: "nous avons envisagé", "une autre option serait", "deux façons de faire : A ou B", "plusieurs solutions".
  /\bnous avons (?:envisagé|considéré|étudié|comparé)\b|\b(?:une autre|l'autre|la seconde)\s+(?:option|solution|approche)\b/i,
  /\b(?:deux|trois|quatre|plusieurs|[2-9])\s+(?:manières|façons|solutions|approches|possibilités|alternatives|pistes)\b/i,
];

/**
 * Places that say other options were weighed without listing them under an
 * options heading, in line order: the first such sentence of each paragraph
 * or list, an alternative turned down in prose (options-rejected.ts), and a
 * heading over alternatives ("Existing solutions: …", "Contrast with …").
 */
export function readOptionsInProse(blocks: Block[], spans: SectionSpan[] = []): Located<string>[] {
  const found = readWeighedInProse(blocks);
  const lines = new Set(found.map((f) => f.line));
  for (const extra of [...readRejectedInProse(blocks, spans), ...alternativeHeadings(spans), ...argumentsForEachSide(blocks)]) {
    if (!lines.has(extra.line)) found.push(extra);
    lines.add(extra.line);
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The first sentence of each paragraph or list that says other options were weighed (code and headings excluded). */
function readWeighedInProse(blocks: Block[]): Located<string>[] {
  const found: Located<string>[] = [];
  for (const block of blocks) {
    const type = block.node.type;
    if (type !== 'paragraph' && type !== 'list' && type !== 'blockquote') continue;
    const text = block.text;
    let best: { index: number; match: string } | undefined;
    for (const m of [weWeighed(text), weChoseOver(text), alternativeWithCost(text)]) {
      if (m && (!best || m.index < best.index)) best = { index: m.index, match: m[0] };
    }
    for (const re of CUES) {
      const m = re.exec(text);
      if (m && (!best || m.index < best.index)) best = { index: m.index, match: m[0] };
    }
    if (!best) continue;
    found.push(locatedInBlock(block, best.index, best.match));
  }
  return found;
}

// "Arguments in favor of leaving evidence handling in Tendermint:" over a list, and the same for the other course.
const ARGUMENTS_FOR = /^arguments (?:in favou?r of|for|against) ([^\n:]{1,120}):?$/i;

/**
 * Two courses argued side by side, each under its own "Arguments in favor of …:" paragraph: the
 * first of them, when they name two different things. One such paragraph alone may only argue for
 * the decision, so it does not count.
 */
function argumentsForEachSide(blocks: Block[]): Located<string>[] {
  const sides = new Map<string, Block>();
  for (const block of blocks) {
    if (block.node.type !== 'paragraph') continue;
    const m = ARGUMENTS_FOR.exec(block.text.trim());
    const side = m?.[1]!.trim().toLowerCase();
    if (side !== undefined && !sides.has(side)) sides.set(side, block);
  }
  if (sides.size < 2) return [];
  // Blocks come in document order, and so do the map's entries.
  const first = sides.values().next().value!;
  return [locatedInBlock(first, 0, first.text.trim())];
}
