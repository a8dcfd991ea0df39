import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { adrDirsFromFiles, classify, layoutMayChange, whyNeverADecision } from '../../../src/core/document/classify.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { isTemplateName } from '../../../src/core/document/record-names.js';
import { repositoryLayout } from '../../../src/core/document/repository-layout.js';
import { sampleChecklists } from './sample-checklists.js';

// Issue 9, section 1: the layouts real repositories keep their records in, each with paths that are
// records and paths beside them that are not. Every listing below is invented for the test.

const config = configSchema.parse({});

/** Classify `path` as the default scan would, in a repository whose files are `listing` (plus `path`). */
function kindIn(listing: string[], path: string, head?: string) {
  const layout = repositoryLayout([...listing, path]);
  return classify(path, { config, adrDirs: [], layout }, head);
}

const kindAlone = (path: string, head?: string) => kindIn([], path, head);

describe('known ADR folders: every Markdown record in them, numbered or not', () => {
  it.each([
    'adr/0001-use-queues.md',
    'adrs/0002-pick-a-broker.md',
    'doc/adr/0003-drop-the-cache.md',
    'doc/adrs/0004-one-region.md',
    'docs/adr/0005-tenant-per-schema.md',
    'docs/adrs/adr-006-event-ids.md',
    'decisions/0007-keep-the-monolith.md',
    'doc/decisions/ADR-8.md',
    'docs/decisions/ADR-009-retry-budget.md',
    'architecture-decisions/0010-own-the-dns.md',
    'docs/architecture-decisions/adr011-audit-trail.md',
    'architecture/decisions/0012-x.md',
    'doc/architecture/decisions/0013-x.md',
    'docs/architecture/decisions/0014-x.md',
    'decision-records/0015-x.md',
    'docs/decision-records/0016-x.md',
    // Team prefixes inside a known decisions folder count: the folder says what they are.
    'docs/decision_records/storage/STO-003-compaction.md',
    'decision_records/ops/OPS-001-paging.md',
    // Logs that name records by slug only.
    'adr/queue-retention.md',
    // Dated names inside a records folder are records.
    'docs/adr/20210314-use-feature-flags.md',
  ])('%s is an ADR', (path) => {
    expect(kindAlone(path)).toBe('adr');
  });

  it.each([
    'services/billing/docs/adr/0001-x.md', // known folders are rooted: a nested copy is not the log
    'docs/guide/0001-install.md',
    'notes/adr-001-idea.md',
  ])('%s is not a record', (path) => {
    expect(kindAlone(path)).toBeNull();
  });
});

describe('ADR-named files clustered at the root or in an architecture folder', () => {
  const rootLog = ['adr-001-start-a-log.md', 'adr-002-pick-a-runtime.md', 'adr-003-config-files.md', 'README.md'];

  it('reads three or more ADR-named files at the root as ADRs', () => {
    expect(kindIn(rootLog, 'adr-004-modules.md')).toBe('adr');
    expect(kindIn(['0001-a.md', '0002-b.md', '0003-c.md'], '0004-d.md')).toBe('adr');
    expect(kindIn(['ADR-1.md', 'ADR-2.md'], 'ADR-3.md')).toBe('adr');
  });

  it('needs the cluster: two files, chapters or dated notes at the root are not records', () => {
    expect(kindIn(['adr-001-a.md'], 'adr-002-b.md')).toBeNull();
    expect(kindIn(['01-intro.md', '02-setup.md', '03-usage.md'], '04-faq.md')).toBeNull();
    expect(kindIn(['2024-01-05.md', '2024-01-12.md', '2024-01-19.md'], '2024-01-26.md')).toBeNull();
    expect(kindIn(rootLog, 'README.md')).toBeNull();
    expect(kindIn(rootLog, 'CONTRIBUTING.md')).toBeNull();
  });

  it('reads a cluster in a folder named architecture, or below one, as ADRs even under docs/', () => {
    const folder = 'docs/reference/architecture';
    const listing = [1, 2, 3].map((n) => `${folder}/adr-00${n}-x.md`);
    expect(kindIn(listing, `${folder}/adr-004-y.md`)).toBe('adr');
    const older = [1, 2, 3].map((n) => `${folder}/legacy/adr-00${n}-x.md`);
    expect(kindIn(older, `${folder}/legacy/adr-004-y.md`)).toBe('adr');
    expect(kindIn(listing, `${folder}/adr-template.md`)).toBeNull();
    expect(kindIn(listing, `${folder}/README.md`)).toBeNull();
  });

  it('does not make every numbered file of any folder an ADR', () => {
    const listing = [1, 2, 3].map((n) => `scripts/000${n}-migrate.md`);
    expect(kindIn(listing, 'scripts/0004-migrate.md')).toBeNull();
  });
});

describe('proposals at the root of a proposals repository (capital letter, number, slug)', () => {
  const listing = ['A1-first.md', 'A7-second.md', 'L12-third.md', 'README.md', 'GOVERNANCE.md'];

  it('reads them as design docs when three or more sit at the root', () => {
    expect(kindIn(listing, 'G2-fourth.md')).toBe('design-doc');
    expect(kindIn(listing, 'P3-process.md')).toBe('design-doc');
  });

  it('leaves the template, the community files and a pair of such files alone', () => {
    expect(kindIn(listing, 'GRFC-TEMPLATE.md')).toBeNull();
    expect(kindIn(listing, 'GOVERNANCE.md')).toBeNull();
    expect(kindIn(['A1-first.md'], 'L2-second.md')).toBeNull();
    expect(kindIn(listing, 'docs/A9-nested.md')).toBeNull();
  });
});

describe('one folder per decision: its README or index is the record, the rest are its parts', () => {
  it.each([
    ['docs/decisions/2022-11-03-split-the-api/README.md', 'adr'],
    ['docs/adr/0031-tenant-routing/index.md', 'adr'],
    ['rfcs/042-search-ranking/README.md', 'design-doc'],
    ['rfcs/042-search-ranking/041-earlier-draft/README.md', 'design-doc'],
    ['keps/sig-storage/2210-volume-health/README.md', 'design-doc'],
    // A folder that only groups records (a quarter) keeps its numbered records.
    ['docs/adr/2024-q2/0040-move-queues.md', 'adr'],
  ])('%s is %s', (path, kind) => {
    expect(kindAlone(path)).toBe(kind);
  });

  it.each([
    'rfcs/042-search-ranking/02-scoring.md',
    'rfcs/042-search-ranking/appendix.md',
    'rfcs/042-search-ranking/examples/README.md',
    'rfcs/042-search-ranking/vendored-theme/LICENSE.md',
    'docs/adr/0031-tenant-routing/diagram-notes.md',
    'keps/sig-storage/FAQ.md',
    'keps/sig-storage/2210-volume-health/design-notes.md',
    'keps/NNNN-kep-template/README.md',
    'keps/README.md',
  ])('%s is not a record', (path) => {
    expect(kindAlone(path)).toBeNull();
  });

  it('says why a chapter is left out, and lets front matter `type:` bring one back', () => {
    const opts = { config, adrDirs: [] };
    expect(whyNeverADecision('rfcs/042-search-ranking/02-scoring.md', opts)).toMatch(/part of the decision in rfcs\/042-search-ranking\//);
    expect(classify('rfcs/042-search-ranking/02-scoring.md', opts, '---\ntype: design-doc\n---\n')).toBe('design-doc');
  });

  it('gives the model the number or date the folder carries when the README has none', () => {
    const text = '# Split the API\n\n## Status\n\nAccepted\n\n## Decision\n\nWe split it.\n';
    const dated = parseDecisionDoc(text, 'docs/decisions/2022-11-03-split-the-api/README.md', 'adr', sampleChecklists).doc;
    expect(dated.date).toMatchObject({ iso: '2022-11-03', source: 'file-name' });
    const numbered = parseDecisionDoc(text, 'docs/adr/0031-tenant-routing/index.md', 'adr', sampleChecklists).doc;
    expect(numbered.fileNumber).toBe(31);
    const kep = parseDecisionDoc(text, 'keps/sig-storage/2210-volume-health/README.md', 'design-doc', sampleChecklists).doc;
    expect(kep.fileNumber).toBe(2210);
  });
});

describe('design docs, RFCs and proposals', () => {
  it.each([
    'rfcs/0001-async-io.md',
    'rfc/0002-tracing.md',
    'proposals/0003-variadic-generics.md',
    'proposal/streaming-uploads.md',
    'design/12345-soft-limits.md',
    'designs/search-v2.md',
    'enhancements/network/dual-stack.md',
    'docs/rfcs/rfc-004-x.md',
    'docs/proposals/rate-limits.md',
    'docs/design/search-v2.md',
    'docs/designs/ingest.md',
    'docs/reference/rfc/rfc-012-gossip.md',
    'docs/architecture/storage-layer.md',
    'docs/platform/architecture/overview.md',
    // A topic folder's namesake is its record, not an index.
    'proposals/compat-shims/compat-shims.md',
  ])('%s is a design doc', (path) => {
    expect(kindAlone(path)).toBe('design-doc');
  });

  it.each(['architecture/overview.md', 'docs/reference/rfc/rfc-template.md', 'docs/reference/rfc/README.md', 'enhancements/README.md'])(
    '%s is not a record',
    (path) => {
      expect(kindAlone(path)).toBeNull();
    },
  );
});

describe('RFC repositories', () => {
  const rustStyle = ['0000-template.md', 'README.md', 'text/0001-a.md', 'text/0019-b.md', 'text/0203-c.md'];

  it('reads NNNN-slug.md under a root text/ folder holding three or more, nested areas included', () => {
    expect(kindIn(rustStyle, 'text/1024-d.md')).toBe('design-doc');
    expect(kindIn(['text/0001-a.md', 'text/0002-b.md', 'text/metrics/0003-c.md'], 'text/trace/0004-d.md')).toBe('design-doc');
  });

  it('reads stage folders as RFC folders when a numbered template marks an RFC repository', () => {
    const staged = ['accepted/0000-template.md', 'accepted/0010-a.md', 'accepted/0012-b.md', 'accepted/0015-c.md', 'withdrawn/0011-d.md'];
    expect(kindIn(staged, 'accepted/0020-e.md')).toBe('design-doc');
    expect(kindIn([...staged, 'withdrawn/0013-f.md', 'withdrawn/0014-g.md'], 'withdrawn/0016-h.md')).toBe('design-doc');
    expect(kindIn(staged, 'accepted/0000-template.md')).toBeNull();
    expect(kindIn(['meetings/2020-01-02.md', 'meetings/2020-01-09.md', 'meetings/2020-01-16.md'], 'meetings/2020-01-23.md')).toBeNull();
  });

  it('needs the cluster, or the template, before a text/ or stage folder counts', () => {
    expect(kindIn(['text/0001-a.md'], 'text/0002-b.md')).toBeNull();
    expect(kindIn(['accepted/0010-a.md', 'accepted/0012-b.md', 'accepted/0015-c.md'], 'accepted/0020-e.md')).toBeNull();
    expect(kindIn(rustStyle, 'text/1024-d/appendix-translations.md')).toBeNull();
    expect(kindIn(rustStyle, '0000-template.md')).toBeNull();
  });
});

describe('log4brains multi-package layouts', () => {
  const yml = [
    'project:',
    '  name: Shop',
    '  adrFolder: ./docs/adr',
    '  packages:',
    '    - name: cart',
    '      path: ./packages/cart',
    '      adrFolder: ./packages/cart/docs/adr',
    '    - name: api',
    '      path: ./packages/api',
    '      adrFolder: ./packages/api/decisions/',
    '',
  ].join('\n');

  it('reads project.adrFolder and every packages[].adrFolder', () => {
    const adrDirs = adrDirsFromFiles({ log4brains: yml });
    expect(adrDirs).toEqual(['docs/adr', 'packages/cart/docs/adr', 'packages/api/decisions']);
    expect(classify('packages/cart/docs/adr/20240105-cache-sessions.md', { config, adrDirs })).toBe('adr');
    expect(classify('packages/api/decisions/20240220-version-the-api.md', { config, adrDirs })).toBe('adr');
    expect(classify('packages/cart/src/notes.md', { config, adrDirs })).toBeNull();
  });

  it('ignores package entries that are not folders inside the repository', () => {
    const odd = 'project:\n  adrFolder: docs/adr\n  packages:\n    - name: x\n    - adrFolder: ../elsewhere\n    - adrFolder: 12\n    - null\n';
    expect(adrDirsFromFiles({ log4brains: odd })).toEqual(['docs/adr']);
  });
});

describe('files beside records that are not records', () => {
  it.each([
    'docs/adr/template.md',
    'docs/adr/TEMPLATE.md',
    'docs/adr/adr-template.md',
    'docs/adr/0000-template.md',
    'docs/decisions/0000-modele-adr.md',
    'docs/decisions/0000-template-record-decision.md',
    'docs/decisions/_template.md',
    'docs/adr/templates/short.md',
    'docs/adr/README.md',
    'docs/adr/index.md',
    'docs/adr/SUMMARY.md',
    'docs/decision_records/decision_records.md',
    'docs/adr/LICENSE.md',
    'docs/adr/CONTRIBUTING.md',
    'docs/adr/CHANGELOG.md',
    'docs/adr/diagram.png',
  ])('%s is not a record', (path) => {
    expect(kindAlone(path)).toBeNull();
  });

  it.each([
    'docs/decisions/0005-modele-de-donnees.md', // a data model decision, in French
    'docs/adr/0012-template-engine.md',
    'docs/adr/adr-014-project-templates.md',
    'docs/adr/0000-use-markdown-records.md', // a log may start at 0000
  ])('%s is a record despite a template-like word', (path) => {
    expect(kindAlone(path)).toBe('adr');
  });

  it('keeps a template out even when its front matter says `type: adr`', () => {
    const head = '---\ntype: adr\nstatus: proposed\n---\n# NNNN. Title\n';
    expect(kindAlone('docs/adr/adr-template.md', head)).toBeNull();
    expect(kindAlone('notes/README.md', head)).toBe('adr');
  });

  it('reviews a generated record once: the x.md, not the x.src.md it is built from', () => {
    const beside = ['design/soft-limits.md'];
    expect(kindIn(beside, 'design/soft-limits.src.md')).toBeNull();
    expect(kindIn(['design/soft-limits.src.md'], 'design/soft-limits.md')).toBe('design-doc');
    const inOwnFolder = ['design/48123-gc-pacing.md', 'design/48123/eqn1.png'];
    expect(kindIn(inOwnFolder, 'design/48123/gc-pacing.src.md')).toBeNull();
    // Without its generated twin a .src.md is the record.
    expect(kindIn([], 'design/lonely.src.md')).toBe('design-doc');
    const layout = repositoryLayout([...beside, 'design/soft-limits.src.md']);
    expect(whyNeverADecision('design/soft-limits.src.md', { config, adrDirs: [], layout })).toBe(
      'the source of design/soft-limits.md, which is reviewed instead',
    );
    // Front matter copied into both does not bring the source back.
    expect(classify('design/soft-limits.src.md', { config, adrDirs: [], layout }, '---\ntype: design-doc\n---\n')).toBeNull();
  });

  it('reads a backslash in a git path as part of the name, and as a separator in a Windows path', () => {
    expect(kindAlone('docs/adr/0003-odd\\name.md')).toBe('adr');
    expect(kindAlone('docs\\adr\\0004-x.md')).toBe('adr');
  });
});

describe('isTemplateName', () => {
  it.each(['template.md', 'TEMPLATE.md', 'GRFC-TEMPLATE.md', 'adr-template.md', 'rfc_template.md', 'template-short.md', '_template.md', '0000-template.md', '0000-modèle-adr.md', 'NNNN-kep-template', 'adr-000-template.md'])(
    '%s is a template',
    (name) => {
      expect(isTemplateName(name)).toBe(true);
    },
  );

  it.each(['0012-template-engine.md', 'adr-014-project-templates.md', '0005-modele-de-donnees.md', 'use-templates-for-emails.md', 'A12-xds-templates.md'])(
    '%s is not a template',
    (name) => {
      expect(isTemplateName(name)).toBe(false);
    },
  );
});

describe('layoutMayChange', () => {
  const opts = { config, adrDirs: [] };

  it('is true where a listing decides: clusters, root proposals, RFC folders, generated sources', () => {
    expect(layoutMayChange('adr-004-modules.md', opts)).toBe(true);
    expect(layoutMayChange('A12-proposal.md', opts)).toBe(true);
    expect(layoutMayChange('docs/reference/architecture/adr-004-x.md', opts)).toBe(true);
    expect(layoutMayChange('text/0042-x.md', opts)).toBe(true);
    expect(layoutMayChange('design/x.src.md', opts)).toBe(true);
  });

  it('is false where the path alone decides', () => {
    expect(layoutMayChange('docs/adr/0004-x.md', opts)).toBe(false);
    expect(layoutMayChange('rfcs/0042-x.md', opts)).toBe(false);
    expect(layoutMayChange('docs/guide/setup.md', opts)).toBe(false);
    expect(layoutMayChange('README.md', opts)).toBe(false);
    expect(layoutMayChange('src/main.ts', opts)).toBe(false);
  });
});

describe('repositoryLayout', () => {
  it('grows linearly: 200,000 paths are read in one pass', () => {
    const paths: string[] = [];
    for (let i = 0; i < 200_000; i += 1) paths.push(`pkg${i % 500}/src/file${i}.md`);
    const small = paths.slice(0, 20_000);
    const t0 = performance.now();
    repositoryLayout(small);
    const smallMs = performance.now() - t0;
    const t1 = performance.now();
    const layout = repositoryLayout(paths);
    const largeMs = performance.now() - t1;
    expect(layout.adrClusters.size).toBe(0);
    // Ten times the paths: a linear pass takes about ten times as long; allow a wide margin for a loaded machine.
    expect(largeMs).toBeLessThan(Math.max(smallMs, 1) * 40);
  });
});
