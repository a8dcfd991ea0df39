/**
 * The coverage report of one document: which Well-Architected pillars it
 * addresses (or sets aside with a reason), which of the five questions it
 * answers, its revisit triggers, and the risk of each question of every custom
 * lens. Computed once per document before the rules run (they read it from
 * `ctx.coverage`), for ADRs and design docs alike; only design-doc rules turn
 * missing pillars into findings.
 */
import { evaluateRiskRules, toLensRisk } from '../checklists/aws-lens.js';
import type { Checklists, Lens, LensRisk, Pillar } from '../checklists/types.js';
import type { DecisionDoc, Section, TriggerKind } from '../document/model.js';
import { trimEndMatching } from '../document/trim-chars.js';
import type { Config } from '../../config/schema.js';
import type { DesignCoverage, DocCoverage, LensCoverage, PillarCoverage, QuestionCoverage } from '../coverage-model.js';
import { cueIndexFor, docLines, firstHits, normalizeCue, searchCues, type CueHit, type CueIndex } from '../rule-helpers/cue-search.js';
import { sectionByHeading } from '../rule-helpers/design-headings.js';
import { classifyDesign } from './design-kind.js';
import { nameVocabulary, namedBy, notApplicableStatements, type NotApplicable } from './not-applicable.js';
import { dueBy, triggerTiming } from '../document/trigger-due.js';

/**
 * Compute the coverage report of a document. Pure; linear in the document's
 * size. A design doc is first classified (design-kind.ts): a change to a
 * language, library, API, format or process gets no pillars, and its
 * `design` says why; `config` supplies the path overrides of that choice.
 */
export function computeCoverage(doc: DecisionDoc, checklists: Checklists, today: string, config?: Config): DocCoverage {
  const statements = notApplicableStatements(doc);
  const design = doc.kind === 'design-doc' ? designCoverage(doc, config) : undefined;
  return {
    path: doc.path,
    kind: doc.kind,
    ...(design ? { design } : {}),
    pillars: design?.kind === 'change' ? [] : pillarCoverage(doc, checklists.pillars, statements),
    questions: questionCoverage(doc, checklists),
    triggers: triggerCounts(doc, today),
    lenses: checklists.lenses.map((lens) => lensCoverage(doc, lens, checklists.pillars, statements)),
  };
}

function designCoverage(doc: DecisionDoc, config: Config | undefined): DesignCoverage {
  const result = classifyDesign(doc, config);
  return { kind: result.kind, source: result.source, reason: result.reason };
}

/** The pillars a short section heading names ("## Security", "### 5. Cost optimisation", "## Security and privacy"). */
function headingNames(heading: string, vocabularies: ReturnType<typeof nameVocabulary>[]): Set<number> {
  const words = normalizeCue(heading)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  // A long heading ("Why the cost of a rewrite is acceptable") is about something else.
  return namedBy(words, vocabularies, words.length <= 4);
}

function pillarCoverage(doc: DecisionDoc, pillars: Pillar[], statements: NotApplicable[]): PillarCoverage[] {
  const index = cueIndexFor(pillars, 'pillars', () => pillars.map((p) => ({ owner: p.id, cues: p.cues })));
  const hits = firstHits(doc, index);
  // Mentions matter to design-pillars only, which reads design docs: ADRs skip the extra pass.
  const mentions =
    doc.kind === 'design-doc'
      ? firstHits(doc, cueIndexFor(pillars, 'pillar-mentions', () => pillars.map((p) => ({ owner: p.id, cues: p.mentions ?? [] }))))
      : new Map<string, CueHit>();
  const vocabularies = pillars.map((p) => nameVocabulary(p.name, p.id));

  // "Not applicable" statements that name a pillar: with a reason they set it
  // aside; without one they are remembered so the rule can ask for the reason.
  const setAside = new Map<number, NotApplicable>();
  const bare = new Map<number, NotApplicable>();
  for (const statement of statements) {
    const strict = namedBy(statement.subject, vocabularies, false);
    const named = statement.reason ? namedBy(statement.subject, vocabularies, true) : strict;
    for (const i of named) {
      if (statement.reason) {
        if (!setAside.has(i)) setAside.set(i, statement);
      } else if (!bare.has(i)) bare.set(i, statement);
    }
  }

  // A non-empty section named after the pillar addresses it.
  const byHeading = new Map<number, number>();
  for (const section of doc.sections) {
    if (section.empty) continue;
    for (const i of headingNames(section.heading, vocabularies)) {
      if (!byHeading.has(i)) byHeading.set(i, section.line);
    }
  }

  return pillars.map((pillar, i): PillarCoverage => {
    const base = { id: pillar.id, name: pillar.name };
    // An explicit, reasoned "not applicable" is the author's call and wins.
    const na = setAside.get(i);
    if (na) return { ...base, state: 'not-applicable', line: na.line, evidence: na.reason };
    const bareNa = bare.get(i);
    const hit = hits.get(pillar.id);
    // "| Sustainability | N/A |": the pillar's name is the subject of the bare N/A, not evidence.
    if (hit && hit.line !== bareNa?.line) return { ...base, state: 'addressed', line: hit.line, evidence: hit.text };
    const headingLine = byHeading.get(i);
    // A pillar section whose content is a bare "N/A" does not address the pillar.
    if (headingLine !== undefined && !bareNa?.subjectFromHeading) {
      const section = doc.sections.find((s) => s.line === headingLine);
      return { ...base, state: 'addressed', line: headingLine, evidence: section?.heading ?? pillar.name };
    }
    // Missing; `line` and `evidence` point at a bare "N/A" when there is one.
    if (bareNa) return { ...base, state: 'missing', line: bareNa.line, evidence: bareNa.phrase };
    const mention = mentions.get(pillar.id);
    if (mention) return { ...base, state: 'mentioned', line: mention.line, evidence: mention.text };
    return { ...base, state: 'missing' };
  });
}

function questionCoverage(doc: DecisionDoc, checklists: Checklists): QuestionCoverage[] {
  const questions = checklists.questions;
  const index = cueIndexFor(questions, 'questions', () => questions.map((q) => ({ owner: q.id, cues: q.cues })));
  // A line that still holds a template placeholder ("The problem: TODO: …") answers nothing: a blank
  // ADR from `new` has prompts in every section, and must not read as a record that answers all five.
  const unfilled = new Set(doc.placeholders.map((p) => p.line));
  const answers = (s: Section): boolean => !s.empty && (s.textLines ?? []).some((line) => !unfilled.has(line));
  const hits = unfilled.size === 0 ? firstHits(doc, index) : firstFilledHits(doc, index, unfilled, answers);
  return questions.map((question): QuestionCoverage => {
    const base = { id: question.id, text: question.text };
    const section =
      doc.sections.find((s) => s.line !== doc.title?.line && s.key !== null && answers(s) && question.sections.includes(s.key)) ??
      sectionByHeading(doc, question.headings, answers);
    if (section) return { ...base, answered: true, line: section.line };
    if (question.id === 'options' && doc.options.filter((o) => !unfilled.has(o.line)).length >= 2) {
      return { ...base, answered: true, line: doc.options[0]!.line };
    }
    // The parser's trade-off statements ("we give up X in exchange for Y") answer the trade-offs question.
    const statement = question.id === 'trade-offs' ? doc.tradeOffs.find((t) => !unfilled.has(t.line)) : undefined;
    const hit = hits.get(question.id);
    const line = Math.min(hit?.line ?? Infinity, statement?.line ?? Infinity);
    if (line !== Infinity) return { ...base, answered: true, line };
    return { ...base, answered: false };
  });
}

/** First hit per question outside placeholder lines; a heading's hit counts when its section has a filled line. */
function firstFilledHits(doc: DecisionDoc, index: CueIndex, unfilled: ReadonlySet<number>, answers: (s: Section) => boolean): Map<string, CueHit> {
  const hits = new Map<string, CueHit>();
  searchCues(doc, index, (hit) => {
    if (hits.has(hit.owner)) return;
    const filled = hit.heading ? answers(doc.sections[hit.section]!) : !unfilled.has(hit.line);
    if (filled) hits.set(hit.owner, hit);
  });
  return hits;
}

function triggerCounts(doc: DecisionDoc, today: string): DocCoverage['triggers'] {
  const byKind: Record<TriggerKind, number> = { date: 0, duration: 0, recurring: 0, threshold: 0, vague: 0 };
  let due = 0;
  for (const trigger of doc.triggers) {
    byKind[trigger.kind]++;
    // Due as the reminder sweep judges it (a recurring trigger's latest occurrence; never for a superseded record).
    if (dueBy(triggerTiming(trigger, doc, today), today) !== undefined) due++;
  }
  return { total: doc.triggers.length, byKind, due };
}

/** "SEC 3: none of these", the way a document selects a lens question's "None of these" choice. */
const NONE_OF_THESE = /(?<![\p{L}\p{N}])none of (?:these|the above)(?![\p{L}\p{N}])/iu;

function lensCoverage(doc: DecisionDoc, lens: Lens, pillars: Pillar[], statements: NotApplicable[]): LensCoverage {
  const index = cueIndexFor(lens, 'choices', () =>
    lens.pillars.flatMap((p) =>
      p.questions.flatMap((q) => q.choices.map((c) => ({ owner: `${p.id}\u0000${q.id}\u0000${c.id}`, cues: c.cues }))),
    ),
  );
  const hits = firstHits(doc, index);

  // Pillars and questions a statement names: by lens pillar name (or the
  // built-in pillar it stands for), by question id, or by question title.
  const pillarVocab = lens.pillars.map((p) => {
    const builtin = pillars.find((b) => b.id === p.id || normalizeCue(b.name) === normalizeCue(p.name));
    return nameVocabulary(p.name, ...(builtin ? [builtin.name] : []));
  });
  const naPillars = new Set<number>();
  const naQuestions = new Set<string>();
  const noneQuestions = new Set<string>();
  for (const statement of statements) {
    for (const i of namedBy(statement.subject, pillarVocab, statement.reason !== undefined)) naPillars.add(i);
    const subject = statement.subject.join(' ');
    for (const p of lens.pillars) {
      for (const q of p.questions) {
        if (namesQuestion(subject, q)) naQuestions.add(`${p.id}\u0000${q.id}`);
      }
    }
  }
  if (lens.pillars.some((p) => p.questions.some((q) => q.choices.some((c) => c.none)))) {
    for (const entry of docLines(doc)) {
      const match = NONE_OF_THESE.exec(entry.text);
      if (!match) continue;
      const subject = normalizeCue(entry.text.slice(0, match.index).replace(/[^\p{L}\p{N}\s-]+/gu, ' '));
      for (const p of lens.pillars) {
        for (const q of p.questions) if (namesQuestion(subject, q)) noneQuestions.add(`${p.id}\u0000${q.id}`);
      }
    }
  }

  const questions: LensCoverage['questions'] = [];
  lens.pillars.forEach((pillar, pi) => {
    for (const question of pillar.questions) {
      const key = `${pillar.id}\u0000${question.id}`;
      const entry = { pillar: pillar.id, id: question.id, title: question.title };
      if (naPillars.has(pi) || naQuestions.has(key)) {
        questions.push({ ...entry, risk: 'NOT_APPLICABLE' });
        continue;
      }
      const selected = new Set<string>();
      let line: number | undefined;
      const none = question.choices.find((c) => c.none);
      if (none && noneQuestions.has(key)) {
        // "None of these" excludes every other choice, as in the WA Tool.
        selected.add(none.id);
      } else {
        for (const choice of question.choices) {
          const hit = hits.get(`${key}\u0000${choice.id}`);
          if (!hit) continue;
          if (choice.none) {
            selected.clear();
            selected.add(choice.id);
            line = hit.line;
            break;
          }
          selected.add(choice.id);
          if (line === undefined || hit.line < line) line = hit.line;
        }
      }
      if (selected.size === 0) {
        questions.push({ ...entry, risk: 'UNANSWERED' });
        continue;
      }
      const rule = evaluateRiskRules(question.riskRules, selected);
      const risk: LensRisk = rule ? toLensRisk(rule) : none && selected.has(none.id) ? 'HIGH' : 'UNANSWERED';
      questions.push({ ...entry, risk, ...(line !== undefined ? { line } : {}) });
    }
  });
  return { lens: lens.id, questions };
}

/** True when a "not applicable" subject names the question by id ("sec_3", "SEC 3") or title. */
function namesQuestion(subject: string, question: { id: string; title: string }): boolean {
  if (subject === '') return false;
  const id = normalizeCue(question.id.replace(/_/g, ' '));
  const title = normalizeCue(trimEndMatching(question.title, /[?.!:]/));
  const padded = ` ${subject} `;
  return padded.includes(` ${id} `) || (title.length > 0 && subject.includes(title));
}
