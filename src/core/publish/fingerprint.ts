import { createHash } from 'node:crypto';
import type { Finding } from '../finding.js';

/**
 * The identity of a finding across pushes: rule, file and message, not the
 * line, so a finding that moves when lines are added above it is still the
 * same finding and its inline comment is not posted twice.
 */

/** Stable 16-hex-digit id of a finding (sha256 of rule id, file and message). */
export function findingFingerprint(finding: Pick<Finding, 'ruleId' | 'file' | 'message'>): string {
  // NUL separators: no rule id, path or message contains one, so fields cannot run together.
  return createHash('sha256').update(`${finding.ruleId}\u0000${finding.file}\u0000${finding.message}`).digest('hex').slice(0, 16);
}
