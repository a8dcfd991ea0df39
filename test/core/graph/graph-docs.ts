import type { DecisionDoc, IndexEntry } from '../../../src/core/document/model.js';
import { toIndexEntry } from '../../../src/core/document/model.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { builtinChecklists } from '../../helpers/review-options.js';

/** Parse an ADR at a path with the built-in checklists. */
export function record(path: string, markdown: string): DecisionDoc {
  return parseDecisionDoc(markdown, path, 'adr', builtinChecklists()).doc;
}

/** A Nygard-style record: title, a status paragraph (links go there), and a short body. */
export function nygard(path: string, title: string, status: string, body = ''): DecisionDoc {
  return record(path, `# ${title}\n\nDate: 2025-01-15\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWe will.\n\n## Consequences\n\nSome.\n${body ? `\n${body}\n` : ''}`);
}

/** Index entries of parsed records. */
export function entries(...docs: DecisionDoc[]): IndexEntry[] {
  return docs.map(toIndexEntry);
}
