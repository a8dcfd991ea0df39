import type { Root } from 'mdast';
import remarkMessageControl from 'remark-message-control';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Config } from '../../config/schema.js';
import { classifyFallback } from './classify-fallback.js';
import { computeCoverage } from './coverage.js';
import { decodeSource } from './decode-source.js';
import { blankSource, collectMarkers, markerTree } from './lint-markers.js';
import type { DocumentResult, Review, ReviewOptions, SourceFile } from '../review-model.js';
import { normalizePath } from '../document/classify.js';
import { toIndexEntry, type IndexEntry } from '../document/model.js';
import { parseMarkdown } from '../document/parse-markdown.js';
import { buildDecisionDoc } from '../document/parse.js';
import { compareFindings, type Finding } from '../finding.js';
import type { ChangeNumbering } from '../rule-helpers/define-rule.js';
import { activeRules } from '../rule-set/preset.js';

/** Rule id of the finding that says a file was not reviewed and why. */
export const SKIPPED_RULE_ID = 'document-skipped';
/** Cheap test for a lint comment anywhere in the source, before walking the tree for them. */
const LINT_COMMENT_HINT = /<!--\s*lint\b/;

/** Rule id of the finding for a malformed `<!-- lint ... -->` comment. */
export const LINT_COMMENT_RULE_ID = 'lint-comment';

type AnyProcessor = Processor<undefined, Root, Root, undefined, undefined>;

/** The checks of each scope, and message control, which runs after them (it filters the messages that exist when it runs). */
interface Processors {
  document: AnyProcessor;
  repository: AnyProcessor;
  control: AnyProcessor;
}

// Built once per config object: a worker thread receives its config once and reuses these.
const processorCache = new WeakMap<Config, Processors>();

function rulesProcessor(config: Config, scope: 'document' | 'repository'): AnyProcessor {
  const processor = unified() as unknown as AnyProcessor;
  // unified-lint-rule reads a severity only from an array (`['error']`); a bare string would be taken as options.
  for (const { rule, setting } of activeRules(config, scope)) processor.use(rule.plugin, Array.isArray(setting) ? setting : [setting]);
  return processor.freeze() as AnyProcessor;
}

function processorsFor(config: Config): Processors {
  let p = processorCache.get(config);
  if (!p) {
    p = {
      document: rulesProcessor(config, 'document'),
      repository: rulesProcessor(config, 'repository'),
      control: (unified().use(remarkMessageControl, { name: 'lint', source: 'design-review' }).freeze() as unknown) as AnyProcessor,
    };
    processorCache.set(config, p);
  }
  return p;
}

function toFinding(message: VFileMessage, file: string): Finding {
  const finding: Finding = {
    ruleId: message.ruleId ?? LINT_COMMENT_RULE_ID,
    severity: message.fatal === false ? 'warning' : 'error',
    message: message.reason,
    file,
  };
  const place = message.place;
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : undefined;
  if (start?.line) {
    finding.line = start.line;
    finding.column = start.column;
  }
  if (end?.line && (end.line !== start?.line || end.column !== start?.column)) {
    finding.endLine = end.line;
    finding.endColumn = end.column;
  }
  const suggestion = message.expected?.[0];
  if (suggestion !== undefined) finding.suggestion = suggestion;
  if (message.messageId !== undefined) finding.messageId = message.messageId;
  return finding;
}

/** Run a processor; a malformed lint comment becomes a finding instead of losing the document's findings. */
function runChecks(processor: AnyProcessor, tree: Root, file: VFile, path: string): Finding[] {
  try {
    processor.runSync(tree, file);
    return file.messages.map((m) => toFinding(m, path));
  } catch (error) {
    const findings = file.messages.filter((m) => m !== error).map((m) => toFinding(m, path));
    const reason = (error as VFileMessage).reason ?? String(error);
    const line = (error as VFileMessage).line ?? 1;
    findings.push({
      ruleId: LINT_COMMENT_RULE_ID,
      severity: 'error',
      message: `Malformed lint comment: ${reason} (write \`<!-- lint disable rule-id -->\`)`,
      file: path,
      line,
      column: (error as VFileMessage).column ?? 1,
    });
    return findings;
  }
}

/** The phase-1 result of a file that is not reviewed: one finding that says why. */
export function skippedResult(path: string, reason: string, severity: Finding['severity']): DocumentResult {
  return {
    path,
    findings: [{ ruleId: SKIPPED_RULE_ID, severity, message: `Not reviewed: ${path} ${reason}`, file: path, line: 1, column: 1 }],
    markers: [],
    skipped: reason,
  };
}

/**
 * Phase 1, one file: decode, parse, build the model and coverage, run the
 * document checks. Pure and structured-cloneable, so it runs in worker threads.
 * One bad file yields a finding, never an exception.
 */
export function reviewDocument(file: SourceFile, opts: ReviewOptions): DocumentResult {
  const path = normalizePath(file.path);
  const decoded = decodeSource(file.content, opts.config.review.maxFileBytes);
  if ('skipped' in decoded) return skippedResult(path, decoded.skipped, decoded.severity);
  try {
    const text = decoded.text;
    const kind = file.kind ?? classifyFallback(text);
    const tree = parseMarkdown(text);
    const doc = buildDecisionDoc(tree, text, path, kind, opts.checklists);
    const coverage = computeCoverage(doc, opts.checklists, opts.today, opts.config);
    const vfile = new VFile({ path, value: text });
    vfile.data.ruleContext = { doc, config: opts.config, checklists: opts.checklists, today: opts.today, index: opts.index ?? [], coverage };
    const processors = processorsFor(opts.config);
    // Most documents have no lint comments: skip the tree walks of message control for them.
    const markers = LINT_COMMENT_HINT.test(text) ? collectMarkers(tree) : [];
    let findings = runChecks(processors.document, tree, vfile, path);
    if (markers.length > 0) findings = runChecks(processors.control, tree, vfile, path);
    return { path, doc, coverage, findings, markers };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return skippedResult(path, `could not be reviewed (${reason.slice(0, 200)}): please report this as a design-review bug`, 'error');
  }
}

/** Reviewed documents win over index entries of the same path. */
function mergeIndex(results: DocumentResult[], known: IndexEntry[]): IndexEntry[] {
  const byPath = new Map<string, IndexEntry>();
  for (const entry of known) byPath.set(normalizePath(entry.path), entry);
  for (const r of results) if (r.doc) byPath.set(r.path, toIndexEntry(r.doc));
  return [...byPath.values()];
}

/**
 * Phase 2: the cross-document checks (numbering, supersede links) over every
 * reviewed document and the repository's other ADRs, honouring each
 * document's lint comments; then merge and sort everything.
 */
export function reviewRepository(results: DocumentResult[], opts: ReviewOptions): Review {
  const processors = processorsFor(opts.config);
  const index = mergeIndex(results, opts.index ?? []);
  const findings: Finding[] = [];
  const review: Review = { findings, coverage: [], documents: [], skipped: [] };
  const runRepository = activeRules(opts.config, 'repository').length > 0;
  // Only a caller that knows what the change adds (the App) gets numbering across pull requests.
  const numbering: ChangeNumbering | undefined =
    opts.added === undefined ? undefined : { added: new Set(opts.added.map(normalizePath)), claims: opts.claims ?? new Map() };
  const reviewed: ReadonlySet<string> = new Set(results.filter((r) => r.doc).map((r) => r.path));
  for (const r of results) {
    findings.push(...r.findings);
    if (r.skipped !== undefined) review.skipped.push({ path: r.path, reason: r.skipped });
    if (!r.doc || !r.coverage) continue;
    review.documents.push(r.doc);
    review.coverage.push(r.coverage);
    if (!runRepository) continue;
    const vfile = new VFile({ path: r.path });
    vfile.data.ruleContext = { doc: r.doc, config: opts.config, checklists: opts.checklists, today: opts.today, index, coverage: r.coverage, reviewed, ...(numbering ? { numbering } : {}) };
    const tree: Root = { type: 'root', children: [] };
    processors.repository.runSync(tree, vfile);
    if (vfile.messages.length === 0) continue;
    if (r.markers.length > 0) {
      const lines = Math.max(r.doc.lineCount, ...vfile.messages.map((m) => m.line ?? 1), 1);
      const width = Math.max(...vfile.messages.map((m) => m.column ?? 1), 1) + 1;
      vfile.value = blankSource(lines, width);
      findings.push(...runChecks(processors.control, markerTree(r.markers), vfile, r.path));
    } else {
      findings.push(...vfile.messages.map((m) => toFinding(m, r.path)));
    }
  }
  findings.sort(compareFindings);
  review.coverage.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return review;
}

/** Review a set of files in this thread: phase 1 on each, then phase 2. */
export function review(files: SourceFile[], opts: ReviewOptions): Review {
  return reviewRepository(
    files.map((f) => reviewDocument(f, opts)),
    opts,
  );
}
