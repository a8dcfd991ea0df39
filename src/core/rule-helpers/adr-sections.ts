/**
 * Where ADR checks point and what they call sections: the title line as the
 * fallback place, sections by key, and heading names in the document's language
 * (a French MADR record is told to add `## Contexte`, not `## Context`).
 */
import type { DecisionDoc, Section, SectionKey } from '../document/model.js';

/** The line a document-level finding points at: the title, else line 1. */
export function titleLine(doc: DecisionDoc): number {
  return doc.title?.line ?? 1;
}

/** Every section with one of the keys, in document order. */
export function sectionsWith(doc: DecisionDoc, ...keys: SectionKey[]): Section[] {
  return doc.sections.filter((s) => s.key !== null && keys.includes(s.key));
}

/** True when at least one section with one of the keys has content. */
export function hasFilledSection(doc: DecisionDoc, ...keys: SectionKey[]): boolean {
  return sectionsWith(doc, ...keys).some((s) => !s.empty);
}

const HEADINGS: Partial<Record<SectionKey, { en: string; fr: string }>> = {
  status: { en: 'Status', fr: 'Statut' },
  context: { en: 'Context', fr: 'Contexte' },
  decision: { en: 'Decision', fr: 'Décision' },
  consequences: { en: 'Consequences', fr: 'Conséquences' },
  options: { en: 'Considered Options', fr: 'Options envisagées' },
  'trade-offs': { en: 'Trade-offs accepted', fr: 'Compromis acceptés' },
  revisit: { en: 'Revisit triggers', fr: 'Déclencheurs de révision' },
};

/** The heading a finding asks for, in the document's language. */
export function headingFor(doc: DecisionDoc, key: SectionKey): string {
  const names = HEADINGS[key];
  if (!names) return key;
  return doc.language === 'fr' ? names.fr : names.en;
}

/** `## Heading` for a missing-section message. */
export function headingMarkdown(doc: DecisionDoc, key: SectionKey): string {
  return `## ${headingFor(doc, key)}`;
}
