/**
 * adr-supersede-links: supersede chains hold together. Every "Supersedes" /
 * "Superseded by" / "Amends" / "Amended by" link names an ADR that exists, the
 * other record links back (A superseded by B ⇔ B supersedes A; A amended by B
 * ⇔ B amends A), and a record whose status is
 * `superseded` names its successor. Web links cannot be followed and are left
 * alone; with no other ADR known there is nothing to resolve against. A link
 * that names a record only by a number several records of the folder share
 * ("Supersedes ADR 0053" where three files are numbered 53) cannot say which
 * one it means and is not judged (the duplicate is `adr-number`'s finding).
 */
import type { DocLink, IndexEntry } from '../document/model.js';
import { toIndexEntry } from '../document/model.js';
import { isExternal } from '../rule-helpers/adr-folder.js';
import { titleLine } from '../rule-helpers/adr-sections.js';
import { defineRule } from '../rule-helpers/define-rule.js';
import { isAmbiguousNumberLink, mayLinkTo, recordLookup, resolveInView, type RecordView } from '../rule-helpers/record-lookup.js';
import { statusKey } from '../rule-helpers/status-lifecycle.js';

const WORDS = {
  supersedes: { link: 'Supersedes', back: 'Superseded by', backRelation: 'superseded-by' },
  'superseded-by': { link: 'Superseded by', back: 'Supersedes', backRelation: 'supersedes' },
  amends: { link: 'Amends', back: 'Amended by', backRelation: 'amended-by' },
  'amended-by': { link: 'Amended by', back: 'Amends', backRelation: 'amends' },
} as const;

const RELATIONS = ['supersedes', 'superseded-by', 'amends', 'amended-by'] as const;

/** The links of one relation an entry holds. */
function linksOf(entry: IndexEntry, relation: DocLink['relation']): DocLink[] {
  if (relation === 'supersedes') return entry.supersedes;
  if (relation === 'superseded-by') return entry.supersededBy;
  return (relation === 'amends' ? entry.amends : entry.amendedBy) ?? [];
}

/** Every link of an entry, in all four relations. */
function allLinks(entry: IndexEntry): DocLink[] {
  return RELATIONS.flatMap((r) => linksOf(entry, r));
}

/** A relative link from one record to another, as the fix would write it. */
function linkText(from: string, to: IndexEntry): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.path.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common += 1;
  const rel = [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
  const number = to.fileNumber ?? to.number;
  const label = number !== undefined ? `ADR-${String(number).padStart(4, '0')}` : (to.title ?? to.path);
  return `[${label}](${rel})`;
}

export const adrSupersedeLinks = defineRule(
  {
    id: 'adr-supersede-links',
    description: 'Supersede links resolve to existing ADRs and both records link to each other.',
    help: 'When a decision replaces another, readers of either must find the other: the old record says "Superseded by [ADR-N](…)", the new one says "Supersedes [ADR-M](…)", and both links point at files that exist.',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'repository',
    messages: {
      'unknown-target': '`{{link}} {{target}}` names no ADR in this repository: link to an existing record',
      'self-link': '`{{link}} {{target}}` names this record itself: link to the other record',
      'no-link-back': '`{{path}}` does not link back: add `{{back}}` to it',
      'incoming-not-answered': '`{{path}}` says `{{link}}` this record, but this record does not link back: add `{{back}}`',
      'superseded-without-successor': 'Status is `superseded` but names no successor: write `Superseded by [ADR-N](NNNN-slug.md)`',
    },
  },
  ({ doc, index }, report) => {
    const self = toIndexEntry(doc);
    // The universe: this record first, then every other ADR of the index (see record-lookup.ts).
    const universe: RecordView = { lookup: recordLookup(index), self };
    const incoming = new Set<DocLink['relation']>();

    // With no other ADR known (a lone file on the CLI) there is nothing to resolve against.
    if (universe.lookup.adrs.some((e) => e.path !== doc.path)) {
      // Outgoing links: each resolves, and the record it names links back.
      for (const link of allLinks(self)) {
        if (isExternal(link.target) || isAmbiguousNumberLink(link, doc.path, universe)) continue;
        const words = WORDS[link.relation];
        const place = { line: link.line, column: link.column };
        const target = resolveInView(link, doc.path, universe);
        if (!target) {
          report('unknown-target', { link: words.link, target: link.target }, place);
        } else if (target.path === doc.path) {
          report('self-link', { link: words.link, target: link.target }, place);
        } else if (!target.listingOnly && !linksTo(target, words.backRelation, doc.path, universe)) {
          // A record known only from a folder listing (PR review) exists, but its links are unknown.
          report('no-link-back', { path: target.path, back: `${words.back} ${linkText(target.path, self)}` }, place);
        }
      }
      // Incoming links: a record that names this one is answered by a link from here.
      // Only records with a link that could name this one are read, in index order.
      for (const other of mayLinkTo(universe)) {
        for (const relation of RELATIONS) {
          const names = linksOf(other, relation).some(
            (l) =>
              !isExternal(l.target) &&
              !isAmbiguousNumberLink(l, other.path, universe) &&
              resolveInView(l, other.path, universe)?.path === doc.path,
          );
          if (!names) continue;
          const words = WORDS[relation];
          if (linksTo(self, words.backRelation, other.path, universe)) continue;
          incoming.add(relation);
          report(
            'incoming-not-answered',
            { path: other.path, link: words.link, back: `${words.back} ${linkText(doc.path, other)}` },
            { line: doc.status?.line ?? titleLine(doc) },
          );
        }
      }
    }

    // A successor that says it supersedes this record was reported above with the exact fix.
    const status = doc.status;
    if (
      status?.normalized != null &&
      statusKey(status.normalized) === 'superseded' &&
      doc.supersededBy.length === 0 &&
      !incoming.has('supersedes')
    ) {
      report('superseded-without-successor', {}, { line: status.line, column: status.column });
    }
  },
);

/** True when `entry` has a link of `relation` that resolves to `path`. */
function linksTo(entry: IndexEntry, relation: DocLink['relation'], path: string, universe: RecordView): boolean {
  return linksOf(entry, relation).some((l) => resolveInView(l, entry.path, universe)?.path === path);
}
