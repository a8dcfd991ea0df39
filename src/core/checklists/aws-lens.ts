import { z } from 'zod';
import { trimEndMatching, trimStartMatching } from '../document/trim-chars.js';
import type { Lens, LensRisk } from './types.js';

/**
 * AWS Well-Architected custom lens JSON (schemaVersion 2021-11-01), as the WA
 * Tool imports and exports it. Objects are loose: AWS adds fields over time
 * (helpful resources, Jira settings...) and a lens exported from the Tool must
 * load as is. What the review uses (ids, titles, choices, risk rules) is
 * required and checked, including the syntax of every risk-rule condition.
 */

/** The risk a lens rule assigns. */
export type LensRuleRisk = 'HIGH_RISK' | 'MEDIUM_RISK' | 'NO_RISK';

/** Longest condition accepted: keeps parsing bounded on hostile input. */
export const MAX_CONDITION_LENGTH = 2000;
/** Deepest parenthesis nesting accepted, so recursion stays shallow. */
const MAX_NESTING = 64;

// The format allows ids of 3-128 alphanumerics and underscores; we accept
// shorter ones too since nothing here depends on the minimum.
const awsId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_]+$/, 'lens ids contain only letters, digits and underscores');
const title = z.string().trim().min(1, 'title must not be empty').max(512);
const resource = z.looseObject({ displayText: z.string().max(4096).optional(), url: z.string().max(2048).optional() });

const choiceSchema = z.looseObject({
  id: awsId,
  title,
  helpfulResource: resource.optional(),
  improvementPlan: resource.optional(),
  additionalResources: z
    .array(
      z.looseObject({
        type: z.enum(['HELPFUL_RESOURCE', 'IMPROVEMENT_PLAN']),
        content: z.array(resource).max(20),
      }),
    )
    .max(20)
    .optional(),
});

const riskRuleSchema = z.looseObject({
  condition: z.string().trim().min(1, 'condition must not be empty').max(MAX_CONDITION_LENGTH),
  risk: z.enum(['HIGH_RISK', 'MEDIUM_RISK', 'NO_RISK']),
});

const questionSchema = z
  .looseObject({
    id: awsId,
    title,
    description: z.string().max(4096).optional(),
    helpfulResource: resource.optional(),
    choices: z.array(choiceSchema).min(1, 'a question needs at least one choice').max(15),
    riskRules: z.array(riskRuleSchema).min(1, 'a question needs at least a `default` risk rule').max(3),
  })
  .superRefine((question, ctx) => {
    uniqueIds(question.choices, 'choices', ctx);
    question.riskRules.forEach((rule, index) => {
      try {
        parseCondition(rule.condition);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['riskRules', index, 'condition'],
          input: rule.condition,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    });
    if (!question.riskRules.some((rule) => rule.condition === 'default')) {
      ctx.addIssue({
        code: 'custom',
        path: ['riskRules'],
        input: question.riskRules,
        message: 'every question needs a risk rule with condition "default"',
      });
    }
  });

const pillarSchema = z
  .looseObject({
    id: awsId,
    name: title,
    questions: z.array(questionSchema).min(1, 'a pillar needs at least one question').max(20),
  })
  .superRefine((pillar, ctx) => uniqueIds(pillar.questions, 'questions', ctx));

/** The custom lens file. */
export const lensSchema = z
  .looseObject({
    schemaVersion: z.literal('2021-11-01', { error: 'expected schemaVersion "2021-11-01"' }),
    name: z.string().trim().min(1).max(128),
    description: z.string().max(2048),
    pillars: z.array(pillarSchema).min(1, 'a lens needs at least one pillar').max(10),
  })
  .superRefine((lens, ctx) => uniqueIds(lens.pillars, 'pillars', ctx));

export type LensFile = z.output<typeof lensSchema>;

function uniqueIds(list: { id: string }[], key: string, ctx: z.core.$RefinementCtx<unknown>): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: [key, index, 'id'], input: item.id, message: `duplicate id "${item.id}"` });
    }
    seen.add(item.id);
  });
}

/** The Well-Architected Framework's pillar ids in lens files, mapped to the built-in checklist's ids. */
export const FRAMEWORK_PILLAR_IDS: Readonly<Record<string, string>> = {
  operationalExcellence: 'operational-excellence',
  security: 'security',
  reliability: 'reliability',
  performance: 'performance-efficiency',
  costOptimization: 'cost-optimization',
  sustainability: 'sustainability',
};

/** True for the lens's "None of these" choice (id suffix `_no`, or that title). */
export function isNoneChoice(choice: { id: string; title: string }): boolean {
  return choice.id.endsWith('_no') || choice.title.trim().toLowerCase() === 'none of these';
}

// Phrases are cut at these words: they join ideas rather than name one.
const SPLIT_WORDS = new Set(
  (
    'and or for with using via by across on in into from within against before after per than if so when where ' +
    'that which who how what every each all any your our their its this these those the a an'
  ).split(' '),
);
// Words trimmed from the ends of a phrase: verbs of intent and dangling
// prepositions ("use", "to") that would make a cue too long to ever match.
const EDGE_WORDS = new Set(
  (
    'use uses used ensure ensures implement implements define defines establish establishes adopt adopts ' +
    'apply applies have has make makes perform performs consider considers is are be been do does ' +
    'to of as at it not no there we you they'
  ).split(' '),
);
// Acronyms so common in a lens that they are evidence of nothing.
const GENERIC_ACRONYMS = new Set(['aws', 'api', 'apis', 'url', 'faq']);
const MAX_PHRASE_WORDS = 5;

/**
 * Key phrases of a choice title, lower-cased, for matching against a document:
 * the whole title when short, phrases of two to five words between joining
 * words and punctuation (with leading verbs like "use" trimmed), and acronyms.
 * "Encrypt data at rest with KMS keys" gives "encrypt data at rest with kms
 * keys", "encrypt data at rest", "kms keys" and "kms".
 */
export function choiceCues(choiceTitle: string): string[] {
  // Keep characters that can sit inside a matched phrase; the rest separate words.
  const normalised = choiceTitle
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'’/.-]+/gu, ' , ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = normalised.split(' ').map(trimToWords);
  const cues = new Set<string>();
  const isTechnical = (word: string): boolean => /[\d/-]/.test(word) && word.length >= 3;
  const titleWords = words.filter((w) => w);
  if (titleWords.length >= 2 ? titleWords.length <= 8 : titleWords.some(isTechnical)) cues.add(titleWords.join(' '));

  let run: string[] = [];
  const flush = (): void => {
    while (run.length > 0 && EDGE_WORDS.has(run[0]!)) run.shift();
    while (run.length > 0 && EDGE_WORDS.has(run[run.length - 1]!)) run.pop();
    if (run.length >= 2 && run.length <= MAX_PHRASE_WORDS) cues.add(run.join(' '));
    // A lone word only counts when it looks technical ("multi-az", "http/2"):
    // "data" or "team" alone would match every document.
    for (const word of run) if (isTechnical(word)) cues.add(word);
    run = [];
  };
  normalised.split(' ').forEach((raw, index) => {
    const word = words[index]!;
    // A separator or sentence end closes the phrase too.
    if (!word || SPLIT_WORDS.has(word)) flush();
    else {
      run.push(word);
      if (/[,.;:]$/.test(raw)) flush();
    }
  });
  flush();
  // Acronyms of three letters or more, including mixed-case ones such as "IaC".
  for (const [acronym] of choiceTitle.matchAll(/\b(?=[a-z0-9]*[A-Z][a-z0-9]*[A-Z])[A-Za-z0-9]{3,10}\b/g)) {
    const cue = acronym.toLowerCase();
    if (!GENERIC_ACRONYMS.has(cue)) cues.add(cue);
  }
  return [...cues].filter((cue) => cue.length <= 120);
}

// Strip leading and trailing characters that are not letters or digits, so a
// cue can be matched on word boundaries.
function trimToWords(s: string): string {
  const other = /[^\p{L}\p{N}]/u;
  return trimEndMatching(trimStartMatching(s, other), other);
}

/** Map a validated lens file to the `Lens` the review uses; `id` is the file's base name. */
export function toLens(file: LensFile, path: string): Lens {
  const base = path.split(/[\\/]/).pop() ?? path;
  return {
    id: base.replace(/\.json$/i, ''),
    name: file.name,
    file: path,
    pillars: file.pillars.map((pillar) => ({
      id: pillar.id,
      name: pillar.name,
      questions: pillar.questions.map((question) => ({
        id: question.id,
        title: question.title,
        choices: question.choices.map((choice) => {
          const none = isNoneChoice(choice);
          return { id: choice.id, title: choice.title, cues: none ? [] : choiceCues(choice.title), none };
        }),
        riskRules: question.riskRules.map((rule) => ({ condition: rule.condition, risk: rule.risk })),
      })),
    })),
  };
}

/** A parsed risk-rule condition. */
export type ConditionNode =
  | { kind: 'default' }
  | { kind: 'choice'; id: string }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode };

/** A condition that does not follow the lens syntax; `offset` is 0-based in the condition. */
export class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ConditionSyntaxError';
  }
}

type Token = { type: 'id' | '&&' | '||' | '!' | '(' | ')' | 'end'; text: string; offset: number };

function tokenize(condition: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < condition.length) {
    const c = condition[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (condition.startsWith('&&', i) || condition.startsWith('||', i)) {
      tokens.push({ type: condition.slice(i, i + 2) as '&&' | '||', text: condition.slice(i, i + 2), offset: i });
      i += 2;
    } else if (c === '!' || c === '(' || c === ')') {
      tokens.push({ type: c, text: c, offset: i });
      i += 1;
    } else {
      const match = /^[A-Za-z0-9_]+/.exec(condition.slice(i, i + 129));
      if (!match) throw new ConditionSyntaxError(`unexpected "${c}" at offset ${i}`, i);
      tokens.push({ type: 'id', text: match[0], offset: i });
      i += match[0].length;
    }
  }
  tokens.push({ type: 'end', text: 'end of condition', offset: condition.length });
  return tokens;
}

/**
 * Parse a lens condition: choice ids joined by `&&`, `||`, `!` and
 * parentheses, or `default`. `!` binds tightest, then `&&`, then `||`.
 */
export function parseCondition(condition: string): ConditionNode {
  if (condition.length > MAX_CONDITION_LENGTH) {
    throw new ConditionSyntaxError(`condition is longer than ${MAX_CONDITION_LENGTH} characters`, MAX_CONDITION_LENGTH);
  }
  const tokens = tokenize(condition);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const fail = (expected: string): never => {
    const t = peek();
    throw new ConditionSyntaxError(`expected ${expected} at offset ${t.offset}, found "${t.text}"`, t.offset);
  };

  const parseOr = (depth: number): ConditionNode => {
    let left = parseAnd(depth);
    while (peek().type === '||') {
      pos += 1;
      left = { kind: 'or', left, right: parseAnd(depth) };
    }
    return left;
  };
  const parseAnd = (depth: number): ConditionNode => {
    let left = parseUnary(depth);
    while (peek().type === '&&') {
      pos += 1;
      left = { kind: 'and', left, right: parseUnary(depth) };
    }
    return left;
  };
  // `!` is handled in a loop, not by recursion, so "!!!!…" cannot deepen the stack.
  const parseUnary = (depth: number): ConditionNode => {
    let negations = 0;
    while (peek().type === '!') {
      negations += 1;
      pos += 1;
    }
    let node = parsePrimary(depth);
    for (let n = 0; n < negations; n += 1) node = { kind: 'not', operand: node };
    return node;
  };
  const parsePrimary = (depth: number): ConditionNode => {
    const t = peek();
    if (t.type === 'id') {
      pos += 1;
      return t.text === 'default' ? { kind: 'default' } : { kind: 'choice', id: t.text };
    }
    if (t.type === '(') {
      if (depth >= MAX_NESTING) throw new ConditionSyntaxError(`parentheses nested deeper than ${MAX_NESTING}`, t.offset);
      pos += 1;
      const inner = parseOr(depth + 1);
      if (peek().type !== ')') fail('")"');
      pos += 1;
      return inner;
    }
    return fail('a choice id, "!" or "("');
  };

  const node = parseOr(0);
  if (peek().type !== 'end') fail('"&&", "||" or end of condition');
  return node;
}

/** Evaluate a parsed condition; ids that are not selected (or unknown) are false. */
export function evaluateCondition(node: ConditionNode, selected: ReadonlySet<string>): boolean {
  switch (node.kind) {
    case 'default':
      return true;
    case 'choice':
      return selected.has(node.id);
    case 'not':
      return !evaluateCondition(node.operand, selected);
    case 'and':
      return evaluateCondition(node.left, selected) && evaluateCondition(node.right, selected);
    case 'or':
      return evaluateCondition(node.left, selected) || evaluateCondition(node.right, selected);
  }
}

/**
 * The risk of the first rule whose condition holds for the selected choices
 * (lens rules are ordered, first match wins); undefined when none holds.
 * Malformed conditions never match: the loader rejects them before this runs.
 */
export function evaluateRiskRules(
  rules: readonly { condition: string; risk: LensRuleRisk }[],
  selectedChoiceIds: ReadonlySet<string>,
): LensRuleRisk | undefined {
  for (const rule of rules) {
    let node: ConditionNode;
    try {
      node = parseCondition(rule.condition.trim());
    } catch {
      continue;
    }
    if (evaluateCondition(node, selectedChoiceIds)) return rule.risk;
  }
  return undefined;
}

/** Map a lens rule risk to the WA Tool's question risk (NOT_APPLICABLE and UNANSWERED are the caller's call). */
export function toLensRisk(risk: LensRuleRisk): Exclude<LensRisk, 'NOT_APPLICABLE' | 'UNANSWERED'> {
  switch (risk) {
    case 'HIGH_RISK':
      return 'HIGH';
    case 'MEDIUM_RISK':
      return 'MEDIUM';
    case 'NO_RISK':
      return 'NONE';
  }
}
