import { createHash } from 'node:crypto';
import { compareFindings, type Finding } from '../finding.js';
import { ruleDocsUrl, type RuleMeta } from '../rule-helpers/define-rule.js';

/** What SARIF says of a rule: its metadata without the messages and options the review uses. */
export type DescribedRule = Omit<RuleMeta, 'messages' | 'options'>;
import type { FolderConvention } from '../review/folder-conventions.js';
import { LINT_COMMENT_RULE_ID, SKIPPED_RULE_ID } from '../review/review.js';
import type { Review } from '../review-model.js';
import type { NoRecordsNotice } from './no-records.js';

/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). GitHub needs:
 * `version` 2.1.0, one run with `tool.driver.name`, results with `ruleId`,
 * `message.text` and a location whose region has at least `startLine`;
 * `partialFingerprints` keep alerts stable across runs, and the rule
 * descriptors' `shortDescription`/`fullDescription`/`help` show on the alert.
 * A folder convention (one finding for a gap most records of a folder share)
 * points at the folder's first record with that gap, line 1, since an alert
 * needs a file; its message lists the records, its `properties` hold them all,
 * and its fingerprint is the rule and the folder, so the alert stays one alert
 * while records are added.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/design-review-bot/design-review-bot';
/** Key of our fingerprint in `partialFingerprints` (versioned: change it if the hash input changes). */
export const FINGERPRINT_KEY = 'designReviewFinding/v1';

/** Ids reported outside the rule modules (by the review itself and by the CLI), described for SARIF consumers. */
export const EXTRA_RULES: DescribedRule[] = [
  {
    id: SKIPPED_RULE_ID,
    description: 'A document could not be reviewed (binary, not UTF-8, or over the size limit).',
    help: 'design-review reviews Markdown text only. Re-save the file as UTF-8 text, move binary files out of the decision folders, or split a document that is over review.maxFileBytes (or raise the limit).',
    appliesTo: ['adr', 'design-doc'],
    defaultSeverity: 'error',
    scope: 'document',
  },
  {
    id: LINT_COMMENT_RULE_ID,
    description: 'A `<!-- lint ... -->` comment is malformed.',
    help: 'Write lint comments as `<!-- lint disable rule-id -->` or `<!-- lint enable rule-id -->`, naming existing rule ids.',
    appliesTo: ['adr', 'design-doc'],
    defaultSeverity: 'error',
    scope: 'document',
  },
  {
    id: 'read-error',
    description: 'A path given to design-review could not be read.',
    help: 'The file or folder does not exist, or design-review has no permission to read it. Fix the path or its permissions; the other files were still reviewed.',
    appliesTo: ['adr', 'design-doc'],
    defaultSeverity: 'error',
    scope: 'document',
  },
];

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning';
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
      region: SarifRegion;
    };
  }[];
  partialFingerprints: Record<string, string>;
  /** Only on a folder convention: the folder and every record that has the gap. */
  properties?: { folder: string; count: number; total: number; files: string[] };
}

export interface SarifNotification {
  level: SarifLevel;
  message: { text: string };
  locations?: SarifResult['locations'];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        informationUri: string;
        version: string;
        semanticVersion: string;
        rules: SarifReportingDescriptor[];
      };
    };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations?: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
  }[];
}

/** What the SARIF renderer needs besides the review. */
export interface SarifOptions {
  /** Version of design-review. */
  version: string;
  /** Metadata of every rule the tool knows (`allRules.map(r => r.meta)`). */
  rules: DescribedRule[];
  /** The folder conventions that replaced per-record findings (`foldConventions`); none by default. */
  conventions?: readonly FolderConvention[];
  /** Set when a repository scan found no record: a warning notification says so (the log stays valid, with no results). */
  noRecords?: NoRecordsNotice;
}

/** Records named in a folder convention's message; `properties.files` has them all. */
const CONVENTION_FILES_SHOWN = 10;

/** Build the SARIF log object for a review. */
export function toSarif(review: Review, options: SarifOptions): SarifLog {
  const findings = [...review.findings].sort(compareFindings);
  const descriptors = ruleDescriptors(options.rules, findings);
  const indexById = new Map(descriptors.map((d, i) => [d.id, i]));
  const fingerprints = fingerprintFindings(findings);
  const conventions = new Map((options.conventions ?? []).map((c) => [conventionKey(c.ruleId, c.folder), c]));

  const results: SarifResult[] = findings.map((f, i) => {
    const convention = f.line === undefined ? conventions.get(conventionKey(f.ruleId, f.file)) : undefined;
    if (convention && convention.files.length > 0) return conventionResult(f, convention, indexById.get(f.ruleId) ?? -1);
    return {
      ruleId: f.ruleId,
      ruleIndex: indexById.get(f.ruleId) ?? -1,
      level: f.severity,
      message: { text: messageText(f) },
      locations: [location(f.file, region(f))],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] ?? '' },
    };
  });

  const run: SarifLog['runs'][number] = {
    tool: {
      driver: {
        name: 'design-review',
        informationUri: TOOL_INFORMATION_URI,
        version: options.version,
        semanticVersion: options.version,
        rules: descriptors,
      },
    },
    columnKind: 'utf16CodeUnits',
    results,
  };
  if (review.skipped.length > 0) {
    // Skipped files are not problems in the code: report them as notifications, not alerts.
    run.invocations = [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [...review.skipped]
          .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
          .map((s) => ({
            level: 'note' as const,
            message: { text: `Skipped ${s.path}: ${s.reason}` },
            locations: [location(s.path, { startLine: 1 })],
          })),
      },
    ];
  }
  if (options.noRecords) {
    const notification: SarifNotification = { level: 'warning', message: { text: options.noRecords.message } };
    run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: [notification, ...(run.invocations?.[0]?.toolExecutionNotifications ?? [])] }];
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/** Render the SARIF log as pretty JSON ending with a newline. */
export function renderSarif(review: Review, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(review, options), null, 2)}\n`;
}

/**
 * One descriptor per known rule (in the given order), then the ids the review
 * and the CLI report themselves, then a generic one for any other id a finding carries (parse
 * problems), so every result's `ruleId` is in `driver.rules`.
 */
function ruleDescriptors(rules: DescribedRule[], findings: Finding[]): SarifReportingDescriptor[] {
  const metas: DescribedRule[] = [];
  const seen = new Set<string>();
  for (const meta of [...rules, ...EXTRA_RULES]) {
    if (seen.has(meta.id)) continue;
    seen.add(meta.id);
    metas.push(meta);
  }
  const unknown = [...new Set(findings.map((f) => f.ruleId).filter((id) => !seen.has(id)))].sort();
  for (const id of unknown) {
    const severity = findings.find((f) => f.ruleId === id)?.severity === 'error' ? 'error' : 'warn';
    metas.push({
      id,
      description: `design-review check ${id}.`,
      help: `See the design-review documentation for ${id}.`,
      appliesTo: ['adr', 'design-doc'],
      defaultSeverity: severity,
      scope: 'document',
    });
  }
  return metas.map(descriptor);
}

function descriptor(meta: DescribedRule): SarifReportingDescriptor {
  const helpUri = ruleDocsUrl(meta.id);
  const help = meta.help || meta.description;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: help },
    help: { text: help, markdown: `${help}\n\n[Rule documentation](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: levelOf(meta.defaultSeverity) },
  };
}

function levelOf(severity: RuleMeta['defaultSeverity']): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none';
}

function conventionKey(ruleId: string, folder: string): string {
  return `${ruleId}\u0000${folder}`;
}

/** The result of a folder convention: at its first record, line 1, the records listed, fingerprinted by rule and folder. */
function conventionResult(f: Finding, c: FolderConvention, ruleIndex: number): SarifResult {
  const files = [...c.files].sort();
  const prefix = c.folder === '.' ? '' : `${c.folder}/`;
  const names = files.slice(0, CONVENTION_FILES_SHOWN).map((file) => (file.startsWith(prefix) ? file.slice(prefix.length) : file));
  const more = files.length > names.length ? `, and ${files.length - names.length} more` : '';
  const fingerprint = createHash('sha256').update(`${f.ruleId}\u0000${c.folder}\u0000folder-convention`).digest('hex').slice(0, 32);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.severity,
    message: { text: `${messageText(f)}\nRecords: ${names.join(', ')}${more}` },
    locations: [location(files[0]!, { startLine: 1 })],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: { folder: c.folder, count: c.count, total: c.total, files },
  };
}

function messageText(f: Finding): string {
  return f.suggestion ? `${f.message}\nSuggestion: ${f.suggestion}` : f.message;
}

/** A region always has `startLine` (GitHub requires it); whole-file findings point at line 1. */
function region(f: Finding): SarifRegion {
  const r: SarifRegion = { startLine: Math.max(1, f.line ?? 1) };
  if (f.line !== undefined && f.column !== undefined) r.startColumn = Math.max(1, f.column);
  if (f.endLine !== undefined && f.endLine >= r.startLine) r.endLine = f.endLine;
  if (f.endColumn !== undefined && r.startColumn !== undefined) {
    const sameLine = (r.endLine ?? r.startLine) === r.startLine;
    if (!sameLine || f.endColumn > r.startColumn) r.endColumn = f.endColumn;
  }
  return r;
}

function location(file: string, r: SarifRegion): SarifResult['locations'][number] {
  return { physicalLocation: { artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' }, region: r } };
}

/** A repository-relative POSIX path as a relative URI reference (segments percent-encoded). */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * Stable fingerprints: a hash of rule id, file and message, so an alert
 * survives lines moving; identical findings in one file are told apart by
 * their order of occurrence.
 */
function fingerprintFindings(findings: Finding[]): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.ruleId}\u0000${f.file}\u0000${f.message}`;
    const n = occurrences.get(key) ?? 0;
    occurrences.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
