/**
 * ReDoS guard (issue 13): recheck rates every regular expression of src/,
 * and none may take super-linear time unless it is listed below with what
 * bounds the text it runs on. Regexes built at run time are listed with why
 * their input is safe. Verdicts of unchanged patterns come from
 * redos-verdicts.json (see redos-verdicts.ts for why and how to refresh it);
 * new patterns are analysed here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCueIndex } from '../../src/core/rule-helpers/cue-search.js';
import { decisionTypeMatcher } from '../../src/core/document/decision-type.js';
import { anyPhrasePattern, phrasePattern } from '../../src/core/rule-helpers/source-lines.js';
import { regexInventory, REPOSITORY_ROOT, SOURCE_DIR, type DynamicRegex, type FoundRegex } from './regex-inventory.js';
import { checkNative, isSuperLinear, readStoredVerdicts, verdictKey, verdictOf, type Verdict } from './redos-verdicts.js';

/** A super-linear regex that is safe because of what it is applied to. */
interface Allowed {
  file: string;
  /** The pattern, or its start followed by `…` for long built ones. */
  source: string;
  reason: string;
}

const ALLOWED: Allowed[] = [
  {
    file: 'src/action/action-settings.ts',
    source: String.raw`\/+$`,
    reason: 'GITHUB_API_URL, an environment variable set by GitHub Actions or the operator',
  },
  {
    file: 'src/cli/app-credentials.ts',
    source: String.raw`\/+$`,
    reason: 'GITHUB_API_URL, an environment variable set by GitHub Actions or the operator',
  },
  {
    file: 'src/github/adr-listing.ts',
    source: String.raw`\/+$`,
    reason: 'the fixed base of a paths.adr glob: config globs are at most 500 characters (globList in config/schema.ts)',
  },
  {
    file: 'src/review/pull-request-review.ts',
    source: String.raw`\/+$`,
    reason: 'an ADR folder from adrDirsFromFiles (core/document/classify.ts): normalizePath collapsed every run of slashes, so `\\/+` matches one character',
  },
  {
    file: 'src/core/commands/adr-placement.ts',
    source: String.raw`\/+$`,
    reason: 'the --dir value of an /adr command line, cut to 1,000 characters (MAX_LINE in parse-command.ts), and the base of a paths.adr glob (at most 500 characters)',
  },
  {
    file: 'src/core/publish/summary-data.ts',
    source: String.raw`\/+$`,
    reason: "the repository's web URL, from GitHub's payload or the Action's GITHUB_SERVER_URL",
  },
  {
    file: 'src/core/reminders/reminder-issue.ts',
    source: String.raw`\/+$`,
    reason: "the repository's web URL, from GitHub's API",
  },
  {
    file: 'src/core/new-adr/adr-data.ts',
    source: String.raw`\/(?:issues|pull|discussions)\/(\d+)\/?(?:[#?].*)?$`,
    reason: "an issue's html_url from GitHub's payload (adr-from-issue.ts)",
  },
  {
    file: 'src/core/document/field-lines.ts',
    source: String.raw`^\s{0,3}(?:>\s*)*(?:#{1,6}\s+)?…`,
    reason: 'a source line of at most 400 characters: scanFieldLines skips longer lines before matching',
  },
  {
    file: 'src/core/document/field-lines.ts',
    source: String.raw`^\s*\|\s*(?:\*\*|__)?…`,
    reason: 'a source line of at most 400 characters: scanFieldLines skips longer lines before matching',
  },
];

/** A `new RegExp(...)` built at run time, and why what it is built from is safe. */
interface DynamicAllowed {
  file: string;
  /** Text the constructor call contains. */
  call: string;
  reason: string;
}

const DYNAMIC: DynamicAllowed[] = [
  {
    file: 'src/core/document/trigger-place.ts',
    call: 'lead + body',
    reason: "at most 5 words of a trigger's text, each escaped by escapeRegExp, joined by a bounded [\\s*_`>]{1,12} class: literal words between bounded runs, run over a window of 12 source lines",
  },
  {
    file: 'src/core/document/status.ts',
    call: "alternatives.join('|')",
    reason: 'word(): the alternatives are the literal status words of STATUS_WORDS in the same file',
  },
  {
    file: 'src/core/document/decision-type.ts',
    call: 'group([...TYPE1, ...cues1])',
    reason: "literal Type 1/2 phrases plus checklist cues, escaped by phraseSource (escape-regexp.ts: whitespace runs become one \\s+); checklist files are read at the base commit, capped at MAX_CHECKLIST_CHARS",
  },
  {
    file: 'src/core/rule-helpers/cue-search.ts',
    call: "body || '(?!)'",
    reason:
      "a trie of checklist cues, each character escaped (REGEX_SYNTAX). A cue written with several ' - ' runs gives adjacent [\\s-]+ classes (polynomial); cues come from checklist files read at the base commit (maintainers), never from the reviewed change",
  },
  {
    file: 'src/core/rule-helpers/negative-consequences.ts',
    call: 'p.re.source',
    reason: 'recompiles phrasePattern(phrase) (an escaped checklist phrase, source-lines.ts) with the g flag',
  },
  {
    file: 'src/core/rule-helpers/source-lines.ts',
    call: 'phraseSource(phrase)',
    reason: 'a checklist phrase escaped by phraseSource (escape-regexp.ts), whitespace runs as one \\s+',
  },
  {
    file: 'src/core/rule-helpers/source-lines.ts',
    call: "body || '(?!)'",
    reason: 'checklist phrases escaped by escapeRegExp, whitespace runs as one \\s+, as alternatives',
  },
  {
    file: 'src/core/reminders/metric-allow-list.ts',
    call: '^(?:${body})$',
    reason: "the operator's PROMETHEUS_QUERY_ALLOW regex (at most 200 characters), matched against metric names of at most 200 characters",
  },
];

function allows(entry: Allowed, r: FoundRegex): boolean {
  if (entry.file !== r.file) return false;
  return entry.source.endsWith('…') ? r.source.startsWith(entry.source.slice(0, -1)) : r.source === entry.source;
}

function covers(entry: DynamicAllowed, d: DynamicRegex): boolean {
  return entry.file === d.file && d.text.includes(entry.call);
}

function where(r: { file: string; line: number }): string {
  return `${r.file}:${r.line}`;
}

describe('ReDoS: the regular expressions of src/', () => {
  let regexes: FoundRegex[] = [];
  let dynamic: DynamicRegex[] = [];
  const verdicts = new Map<string, Verdict>();
  /** Patterns the stored verdicts did not know, analysed here. */
  const analysedHere: string[] = [];

  beforeAll(async () => {
    ({ regexes, dynamic } = regexInventory(REPOSITORY_ROOT, SOURCE_DIR));
    const stored = readStoredVerdicts();
    for (const r of regexes) {
      const key = verdictKey(r.source, r.flags);
      if (verdicts.has(key)) continue;
      let verdict = stored.get(key);
      if (verdict === undefined) {
        // recheck's default limits (10 s per pattern): a new pattern is rarely that hard.
        verdict = verdictOf(await checkNative(r.source, r.flags));
        analysedHere.push(`${verdict}  ${key}`);
      }
      verdicts.set(key, verdict);
    }
  }, 600_000);

  it('finds literals and constant RegExp patterns through the compiler API', () => {
    const at = (file: string) => regexes.filter((r) => r.file === file);
    // A literal containing `/` and quotes.
    expect(at('src/core/document/links.ts').map((r) => r.source)).toContain(String.raw`^\s*(?:,|&|\/|\band\b|\bet\b)\s*`);
    // A template built from constants, one of them imported (DURATION_UNIT from dates.ts).
    const every = at('src/core/document/trigger-calendar.ts').find((r) => r.source.startsWith(String.raw`\b(?:every|each)`));
    expect(every?.source).toContain('months?');
    expect(every?.flags).toBe('i');
    // `Object.keys({...}).join('|')` and a product of constants.
    expect(at('src/core/document/trigger-calendar.ts').some((r) => r.source.includes('(janvier|février|'))).toBe(true);
    expect(at('src/core/reminders/marker.ts').some((r) => r.source.includes('{1,3072}'))).toBe(true);
    expect(regexes.length).toBeGreaterThan(400);
  });

  it('runs recheck with its native binary, which finds exponential and polynomial patterns', async () => {
    expect(verdictOf(await checkNative('^(a+)+$', ''))).toBe('exponential');
    // The trailing trim headings.ts had: quadratic on `1.....x`.
    expect(verdictOf(await checkNative(String.raw`[\s:.]+$`, ''))).toBe('polynomial-2');
    expect(verdictOf(await checkNative(String.raw`[\s:.]`, ''))).toBe('safe');
  });

  it('rates no regex exponential or polynomial, except those allow-listed with what bounds their input', () => {
    const offending = regexes
      .filter((r) => {
        const verdict = verdicts.get(verdictKey(r.source, r.flags))!;
        return verdict !== 'safe' && !ALLOWED.some((a) => allows(a, r));
      })
      .map((r) => `${where(r)}  ${verdicts.get(verdictKey(r.source, r.flags))}  /${r.source}/${r.flags}`);
    const hint =
      analysedHere.length > 0
        ? `\n(${analysedHere.length} patterns were analysed here with time limits; if one looks wrongly rated, refresh the stored verdicts without limits: npx tsx test/core/redos-verdicts.ts)`
        : '';
    expect(
      offending,
      `Make these linear (trim with a loop, see src/core/document/trim-chars.ts; scan with indexOf; no two overlapping quantifiers that can meet), or allow-list one here with what bounds its input.${hint}`,
    ).toEqual([]);
  });

  it('keeps the allow-list honest: every entry names a regex of its file that recheck still flags', () => {
    const stale = ALLOWED.filter((a) => {
      const matching = regexes.filter((r) => allows(a, r));
      return matching.length === 0 || matching.every((r) => verdicts.get(verdictKey(r.source, r.flags)) === 'safe');
    }).map((a) => `${a.file}  /${a.source}/`);
    expect(stale, 'These entries no longer name a flagged regex: remove them').toEqual([]);
    for (const a of ALLOWED) expect(a.reason.length, `${a.file}: say what bounds the input`).toBeGreaterThan(20);
  });

  it('lists every RegExp built at run time, with why its input is safe', () => {
    const unlisted = dynamic.filter((d) => !DYNAMIC.some((e) => covers(e, d))).map((d) => `${where(d)}  ${d.text}`);
    expect(unlisted, 'Built at run time: list each in DYNAMIC with why its input is bounded or escaped').toEqual([]);
    const stale = DYNAMIC.filter((e) => !dynamic.some((d) => covers(e, d))).map((e) => `${e.file}  ${e.call}`);
    expect(stale, 'These DYNAMIC entries match nothing: remove them').toEqual([]);
  });

  it('escapes checklist phrases and cues before compiling them', async () => {
    const hostile = ['(a+)+$', 'x{1,99999}', '[a-z]*.*?', 'a|b', String.raw`\d+\s*`];
    for (const phrase of hostile) {
      const re = phrasePattern(phrase);
      expect(re.test(`we say ${phrase} here`), phrase).toBe(true);
      expect(re.test('aaaa b x 12'), phrase).toBe(false);
      expect(isSuperLinear(verdictOf(await checkNative(re.source, re.flags))), re.source).toBe(false);
    }
    const any = anyPhrasePattern(hostile);
    expect(any.test('then (a+)+$ again')).toBe(true);
    expect(any.test('aaaaaaaa')).toBe(false);
    const matcher = decisionTypeMatcher({ type1Cues: ['(a+)+$'], type2Cues: ['x{1,9}'], type1Requires: [] });
    expect(isSuperLinear(verdictOf(await checkNative(matcher.source, matcher.flags)))).toBe(false);
    const cues = buildCueIndex([{ owner: 'o', cues: ['(a+)+$', 'x{1,9}'] }]);
    expect(isSuperLinear(verdictOf(await checkNative(cues.regex.source, cues.regex.flags)))).toBe(false);
  });
});
