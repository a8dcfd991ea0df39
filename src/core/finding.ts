/** How bad a finding is; `error` fails the review, `warning` does not. */
export type Severity = 'error' | 'warning';

/**
 * The one result type every check produces and every renderer consumes
 * (terminal, JSON, SARIF, check-run annotations, review comments).
 */
export interface Finding {
  /** Stable rule id, e.g. `adr-status`; appears in every message and the docs. */
  ruleId: string;
  severity: Severity;
  /** One sentence: what is wrong and what to do ("Unexpected X, expected Y"). */
  message: string;
  /** Which of the rule's messages (its meta.messages id); absent for findings no rule wrote (a skipped document, a lint comment). */
  messageId?: string;
  /** Path of the document, relative to the repository (or CLI cwd). */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Text that fixes the finding mechanically (a section skeleton, a status word). */
  suggestion?: string;
}

/** Order findings by file, then line, then column, then rule id (stable output). */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.column ?? 0;
  const cb = b.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
