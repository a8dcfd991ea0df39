// Issue 13, item 5: document text must not @mention people or cross-reference issues through the
// bot. A fork's ADR carries the reproduced trigger line; every output of the publication plan
// (summary comment, check-run summary and text, inline comments, annotations, drafted ADR) is
// parsed as GitHub would read it and must hold no live mention or reference.
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { planPublication } from '../../../src/core/publish/plan-publication.js';
import { fingerprintOf, type ChangedFile, type PublishPlan } from '../../../src/core/publish/types.js';
import { review } from '../../../src/core/review/review.js';
import type { SourceFile } from '../../../src/core/review-model.js';
import type { Finding } from '../../../src/core/finding.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { asSeen, codeIn, HOSTILE_TRIGGER, liveInMarkdown, liveInText } from '../../helpers/live-references.js';
import { builtinChecklists, reviewOptions, TODAY } from '../../helpers/review-options.js';

const MORE = 'cc @octocat GH-7 https://github.com/acme/other/issues/1 acme/other#1';

const ADR_PATH = 'docs/adr/0001-use-postgres.md';
const ADR = [
  '# 1. Use PostgreSQL cc @octocat #1',
  '',
  'Date: 2019-03-12',
  '',
  '## Status',
  '',
  `acepted ${MORE}`,
  '',
  '## Context',
  '',
  `Orders need transactions. ${MORE}`,
  '',
  '## Decision',
  '',
  'We will use PostgreSQL.',
  '',
  '## Consequences',
  '',
  `- Good, because joins work. ${MORE}`,
  '',
  '## Revisit triggers',
  '',
  `- ${HOSTILE_TRIGGER}`,
  `- Revisit when we grow ${MORE}`,
  '',
].join('\n');

// A design doc that decides, in a pull request that adds no ADR: the summary drafts one.
const DESIGN_PATH = 'docs/design/search-@octocat-#1.md';
const DESIGN_TITLE = '```Ship`` search @acme/security-team acme/other#1 `';
const DESIGN = [
  `# \\\`\\\`\\\`Ship\\\`\\\` search @acme/security-team acme/other#1 \\\``,
  '',
  '## Context',
  '',
  `Shoppers cannot find products. ${HOSTILE_TRIGGER}`,
  '',
  '## Options',
  '',
  // A single option: its finding quotes the option's text outside code.
  `- PostgreSQL full-text search ${MORE}`,
  '',
  '## Decision',
  '',
  `We will use PostgreSQL full-text search. ${MORE}`,
  '',
].join('\n');

const wholeFile = (text: string): string => `@@ -0,0 +1,${text.split('\n').length} @@\n${text.split('\n').map((l) => `+${l}`).join('\n')}`;

function plan(): { plan: PublishPlan; findings: Finding[] } {
  const files: SourceFile[] = [
    { path: ADR_PATH, kind: 'adr', content: ADR },
    { path: DESIGN_PATH, kind: 'design-doc', content: DESIGN },
  ];
  const changed: ChangedFile[] = [
    { path: ADR_PATH, status: 'modified', patch: wholeFile(ADR) },
    { path: DESIGN_PATH, status: 'added', patch: wholeFile(DESIGN) },
  ];
  const result = review(files, reviewOptions());
  return {
    findings: result.findings,
    plan: planPublication({
      review: result,
      changed,
      config: configSchema.parse({}),
      headSha: 'abc123',
      repoUrl: 'https://github.com/acme/shop',
      lines: new Map([
        [ADR_PATH, ADR.split('\n')],
        [DESIGN_PATH, DESIGN.split('\n')],
      ]),
      nextAdrNumber: 2,
      today: TODAY,
      checklists: builtinChecklists(),
    }),
  };
}

beforeAll(() => {
  loadBuiltinTemplates();
});

describe('document text echoed by the review', () => {
  it('the summary comment shows the hostile trigger, readable, with no live mention or reference', () => {
    const { plan: p } = plan();
    expect(asSeen(p.summaryComment)).toContain(HOSTILE_TRIGGER);
    expect(liveInMarkdown(p.summaryComment)).toEqual([]);
  });

  it('the check run: title, summary and text hold no live mention or reference', () => {
    const { plan: p } = plan();
    expect(asSeen(p.checkRun.summary)).toContain(HOSTILE_TRIGGER);
    for (const markdown of [p.checkRun.title, p.checkRun.summary, p.checkRun.text ?? '']) expect(liveInMarkdown(markdown)).toEqual([]);
  });

  it('annotations: message, title and raw details hold none, while the messages still read the same', () => {
    const { plan: p, findings } = plan();
    const annotations = p.annotationBatches.flat();
    expect(annotations.length).toBe(findings.length);
    for (const a of annotations) {
      for (const text of [a.message, a.title, (a as { raw_details?: string }).raw_details ?? '']) expect(liveInText(text)).toEqual([]);
    }
    expect(annotations.map((a) => asSeen(a.message)).sort()).toEqual(findings.map((f) => f.message).sort());
    // At least one message quotes the hostile text itself, so the check above is not vacuous.
    expect(findings.some((f) => liveInText(f.message).length > 0)).toBe(true);
  });

  it('inline comments: none outside code; suggestion blocks stay exact; the marker ends each body', () => {
    const { plan: p } = plan();
    expect(p.inlineComments.length).toBeGreaterThan(0);
    for (const c of p.inlineComments) {
      expect(liveInMarkdown(c.body)).toEqual([]);
      expect(fingerprintOf(c.body)).toBe(c.fingerprint);
    }
    // The status fix rewrites the status line (the rule suggests `proposed`): GitHub writes the block into the file, so it is byte for byte the line.
    const status = p.inlineComments.find((c) => c.path === ADR_PATH && c.line === 7)!;
    const line = ADR.split('\n')[6]!;
    expect(codeIn(status.body).blocks).toEqual([{ lang: 'suggestion', value: line.replace('acepted', 'proposed') }]);
  });

  it('the drafted ADR: fenced exactly, and the /adr new command is one intact code span holding the hostile title', () => {
    const { plan: p } = plan();
    const { inline, blocks } = codeIn(p.summaryComment);
    expect(inline).toContain(`/adr new ${DESIGN_TITLE}`);
    const draft = blocks.find((b) => b.lang === 'markdown');
    expect(draft?.value).toMatch(/^# 2\. /);
    expect(liveInMarkdown(p.summaryComment)).toEqual([]);
  });
});
