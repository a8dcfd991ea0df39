/**
 * Which records no longer stand: their triggers are inactive and they are
 * never reminded. Read once here for `triggers`, the sweep and the health issue.
 */
import type { DecisionDoc } from './model.js';
import { CLOSED_STATUSES } from './status.js';

/** Why an ADR is never due, or undefined when it may be. */
export function inactiveReason(doc: DecisionDoc): string | undefined {
  const status = doc.status?.normalized;
  if (status && CLOSED_STATUSES.has(status)) return `status ${status}`;
  const target = statusSupersededBy(doc);
  if (target) return `superseded by ${target}`;
  return undefined;
}

/**
 * The target of a "Superseded by" that speaks for this ADR's status: front
 * matter `superseded-by:`, or a link on the status line or in the Status
 * section (a status left at "Accepted" with the link added below it).
 * `doc.supersededBy` also holds links read from body prose ("ADR-3 was
 * superseded by ADR-5" in the Context), which describe other records and must
 * not silence this one's reminders; DocLink does not say where it was read, so
 * its line decides.
 */
function statusSupersededBy(doc: DecisionDoc): string | undefined {
  for (const [key, value] of Object.entries(doc.frontMatter ?? {})) {
    if (!/^superseded[-_\s]?by$/i.test(key)) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if ((typeof first === 'string' || typeof first === 'number') && String(first).trim() !== '') return String(first).trim();
  }
  const section = doc.sections.find((s) => s.key === 'status');
  const link = doc.supersededBy.find(
    (l) => l.line === doc.status?.line || (section !== undefined && l.line >= section.line && l.line <= section.endLine),
  );
  return link?.target;
}
