/**
 * The remark-lint-style generic test: every rule has a folder of fixtures
 * under test/fixtures/docs/<rule-id>/; `ok*` documents produce no finding of
 * that rule, `not-ok*` documents produce exactly the findings listed in their
 * expected JSON: line, message id (the rule's meta.messages) and, where the case
 * has one, a value the message must name. Each fixture goes through the real review, so the parser,
 * the preset and message control are exercised as users meet them. A fixture
 * may be reviewed as a pull request (`pull-request.json` in a folder fixture,
 * `<name>.pull-request.json` next to a file): the paths it adds, the base
 * branch's other ADRs, and the ADR numbers other open pull requests add.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { parseChecklistFiles } from '../../../src/core/checklists/load-checklists.js';
import type { Checklists } from '../../../src/core/checklists/types.js';
import { numberFromFileName } from '../../../src/core/document/title.js';
import { review } from '../../../src/core/review/review.js';
import type { AdrNumberClaim, ReviewOptions, SourceFile } from '../../../src/core/review-model.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import { adrRules } from '../../../src/core/rule-set/adr-rules.js';
import { allRules } from '../../../src/core/rule-set/preset.js';
import type { ReviewRule } from '../../../src/core/rule-helpers/define-rule.js';
import { repositoryRules } from '../../../src/core/rule-set/repository-rules.js';
import { readBuiltinChecklistFiles } from '../../../src/io/read-checklists.js';
import { reviewOptions } from '../../helpers/review-options.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/docs');
const RULES_DIR = join(ROOT, 'src/core/rules');

/** One expected finding of a not-ok fixture: where, which of the rule's messages, and a value of the case the text must hold. */
interface Expected {
  file?: string;
  line: number;
  messageId: string;
  includes?: string;
}

/** What a fixture reviews and expects. */
interface Fixture {
  name: string;
  files: SourceFile[];
  /** Path of the single document (single-file fixtures). */
  mainPath?: string;
  expected: Expected[];
  /** Review options of a fixture reviewed as a pull request. */
  pullRequest?: Partial<ReviewOptions>;
}

/** A fixture's `pull-request.json`. */
interface PullRequestFixture {
  /** Reviewed paths the pull request adds. */
  added: string[];
  /** ADR paths of the base branch, not reviewed (listing-only index entries, as the App reads them). */
  base?: string[];
  /** ADR number -> the other open pull requests adding an ADR with it. */
  claims?: Record<string, AdrNumberClaim[]>;
}

/** The review options a `pull-request.json` stands for, when the file exists. */
function pullRequestOptions(file: string): Partial<ReviewOptions> | undefined {
  if (!existsSync(file)) return undefined;
  const pr = JSON.parse(readFileSync(file, 'utf8')) as PullRequestFixture;
  return {
    added: pr.added,
    index: (pr.base ?? []).map((path) => {
      const n = numberFromFileName(path);
      return { path, kind: 'adr' as const, ...(n === undefined ? {} : { number: n, fileNumber: n }), supersedes: [], supersededBy: [], listingOnly: true };
    }),
    claims: new Map(Object.entries(pr.claims ?? {}).map(([n, claims]) => [Number(n), claims])),
  };
}

/** Design-doc fixtures live in folders whose path says so; everything else is an ADR. */
function kindOf(path: string): 'adr' | 'design-doc' {
  return path.includes('design') ? 'design-doc' : 'adr';
}

/** Every `*.md` under a folder fixture, with its path relative to the fixture. */
function folderFiles(dir: string, ruleDir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.md')) {
        const path = relative(dir, full).split('\\').join('/');
        out.push({ path, content: readFileSync(full, 'utf8'), kind: kindOf(relative(FIXTURES, ruleDir) + '/' + path) });
      }
    }
  };
  walk(dir);
  return out;
}

/** The fixtures of one rule folder: files `ok*.md` and `not-ok*.md` (with `.expected.json`), and folders `ok`, `not-ok` (with `expected.json`). */
function fixturesOf(ruleDir: string): Fixture[] {
  const rule = basename(ruleDir);
  const fixtures: Fixture[] = [];
  for (const entry of readdirSync(ruleDir).sort()) {
    const full = join(ruleDir, entry);
    if (!/^(?:ok|not-ok)/.test(entry)) continue;
    const notOk = entry.startsWith('not-ok');
    if (statSync(full).isDirectory()) {
      const expectedFile = join(full, 'expected.json');
      const pullRequest = pullRequestOptions(join(full, 'pull-request.json'));
      fixtures.push({
        name: entry,
        files: folderFiles(full, ruleDir),
        expected: notOk ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[]) : [],
        ...(pullRequest ? { pullRequest } : {}),
      });
    } else if (entry.endsWith('.md')) {
      const stem = entry.slice(0, -3);
      // A sibling `<name>.path` names the file's repository path (dates or numbers in file names).
      const pathFile = join(ruleDir, `${stem}.path`);
      const kind = kindOf(`${rule}/${entry}`);
      const path = existsSync(pathFile)
        ? readFileSync(pathFile, 'utf8').trim()
        : kind === 'design-doc'
          ? `docs/design/${stem}.md`
          : 'docs/adr/0003-use-x.md';
      const expectedFile = join(ruleDir, `${stem}.expected.json`);
      const pullRequest = pullRequestOptions(join(ruleDir, `${stem}.pull-request.json`));
      fixtures.push({
        name: entry,
        files: [{ path, content: readFileSync(full, 'utf8'), kind }],
        mainPath: path,
        expected: notOk ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[]) : [],
        ...(pullRequest ? { pullRequest } : {}),
      });
    }
  }
  return fixtures;
}

/** Rule folders under test/fixtures/docs. */
const ruleDirs = existsSync(FIXTURES)
  ? readdirSync(FIXTURES)
      .map((d) => join(FIXTURES, d))
      .filter((d) => statSync(d).isDirectory())
      .sort()
  : [];

/** A rule folder's own checklist files (`*.yml`), added to the built-in ones as a user's extra checklists. */
function checklistsOf(ruleDir: string): Checklists | undefined {
  const extra = readdirSync(ruleDir).filter((f) => /\.ya?ml$/.test(f));
  if (extra.length === 0) return undefined;
  return parseChecklistFiles([
    ...readBuiltinChecklistFiles(),
    ...extra.map((f) => ({ path: `.github/checklists/${f}`, text: readFileSync(join(ruleDir, f), 'utf8') })),
  ]);
}

/** A rule that is off by default runs on its own fixtures: its not-ok examples must still fire. */
function ownRuleOn(id: string): ConfigInput {
  return allRules.find((r) => r.meta.id === id)?.meta.defaultSeverity === 'off' ? { rules: { [id]: 'warn' } } : {};
}

function describeFinding(f: Finding): string {
  return `${f.file}:${f.line ?? '?'} ${f.message}`;
}

describe('rule fixtures', () => {
  for (const ruleDir of ruleDirs) {
    const rule = basename(ruleDir);
    describe(rule, () => {
      const checklists = checklistsOf(ruleDir);
      for (const fixture of fixturesOf(ruleDir)) {
        it(fixture.name, () => {
          const result = review(fixture.files, reviewOptions(ownRuleOn(rule), { ...(checklists ? { checklists } : {}), ...fixture.pullRequest }));
          expect(result.skipped, 'every fixture file is reviewed').toEqual([]);
          const found = result.findings.filter((f) => f.ruleId === rule);
          if (fixture.expected.length === 0) {
            expect(found.map(describeFinding)).toEqual([]);
            return;
          }
          const sorted = [...found].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
          const want = [...fixture.expected].sort((a, b) => {
            const fa = a.file ?? fixture.mainPath ?? '';
            const fb = b.file ?? fixture.mainPath ?? '';
            return fa === fb ? a.line - b.line : fa < fb ? -1 : 1;
          });
          expect(sorted.map(describeFinding), 'number of findings').toHaveLength(want.length);
          want.forEach((w, i) => {
            const got = sorted[i]!;
            const file = w.file ?? fixture.mainPath;
            expect({ file: got.file, line: got.line, messageId: got.messageId }, describeFinding(got)).toEqual({ file, line: w.line, messageId: w.messageId });
            if (w.includes !== undefined) expect(got.message, describeFinding(got)).toContain(w.includes);
          });
        });
      }
    });
  }
});

/** Every export of a module that is a ReviewRule. */
function rulesExported(mod: Record<string, unknown>): ReviewRule[] {
  return Object.values(mod).filter(
    (v): v is ReviewRule =>
      typeof v === 'object' && v !== null && 'meta' in v && 'plugin' in v && typeof (v as ReviewRule).plugin === 'function',
  );
}

/** Design-doc rules, when that module exists yet (it is written in parallel). */
async function designDocRules(): Promise<ReviewRule[]> {
  const file = join(RULES_DIR, 'design-doc-rules.ts');
  if (!existsSync(file)) return [];
  const mod = (await import(pathToFileURL(file).href)) as { designDocRules?: ReviewRule[] };
  return mod.designDocRules ?? [];
}

describe('rule modules', () => {
  it('name each rule module after its id', async () => {
    const modules = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    let seen = 0;
    for (const file of modules) {
      const mod = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as Record<string, unknown>;
      for (const rule of rulesExported(mod)) {
        seen += 1;
        expect(rule.meta.id, `${file} exports rule ${rule.meta.id}`).toBe(file.slice(0, -3));
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('give every ADR, repository and design-doc rule ok and not-ok fixtures', async () => {
    const all = [...adrRules, ...repositoryRules, ...(await designDocRules())];
    const missing: string[] = [];
    for (const rule of all) {
      const dir = join(FIXTURES, rule.meta.id);
      const entries = existsSync(dir) ? readdirSync(dir) : [];
      if (!entries.some((e) => e.startsWith('ok'))) missing.push(`${rule.meta.id}: ok`);
      if (!entries.some((e) => e.startsWith('not-ok'))) missing.push(`${rule.meta.id}: not-ok`);
    }
    expect(missing).toEqual([]);
  });

  it('keep repository rules in the repository scope and document rules in the document scope', () => {
    for (const rule of adrRules) expect(rule.meta.scope, rule.meta.id).toBe('document');
    for (const rule of repositoryRules) expect(rule.meta.scope, rule.meta.id).toBe('repository');
  });
});

describe('severity', () => {
  it('gives findings the rule\'s default severity (error fails the review, warn does not)', () => {
    const content = '# 40. Use a monorepo\n\n## Status\n\nRatified\n\n## Context\n\nFour repositories share one release.\n';
    const found = review([{ path: 'docs/adr/0040-use-a-monorepo.md', content, kind: 'adr' }], reviewOptions()).findings;
    expect(found.find((f) => f.ruleId === 'adr-decision')?.severity).toBe('error');
    expect(found.find((f) => f.ruleId === 'adr-status')?.severity).toBe('warning');
  });

  it('lets the config override a rule\'s severity', () => {
    const content = '# 40. Use a monorepo\n\n## Context\n\nFour repositories share one release.\n';
    const opts = reviewOptions({ rules: { 'adr-decision': 'warn', 'adr-status': 'off' } });
    const found = review([{ path: 'docs/adr/0040-use-a-monorepo.md', content, kind: 'adr' }], opts).findings;
    expect(found.find((f) => f.ruleId === 'adr-decision')?.severity).toBe('warning');
    expect(found.some((f) => f.ruleId === 'adr-status')).toBe(false);
  });
});

describe('message control', () => {
  const withoutStatus = [
    '# 3. Use PostgreSQL for orders',
    '',
    'Date: 2026-05-10',
    '',
    '## Context',
    '',
    'Orders need transactions across several tables.',
    '',
    '## Decision',
    '',
    'We will use PostgreSQL.',
    '',
  ].join('\n');

  const statusFindings = (content: string): Finding[] =>
    review([{ path: 'docs/adr/0003-use-postgresql.md', content, kind: 'adr' }], reviewOptions()).findings.filter(
      (f) => f.ruleId === 'adr-status',
    );

  it('reports a missing status without a lint comment', () => {
    expect(statusFindings(withoutStatus)).toHaveLength(1);
  });

  it('honours `<!-- lint disable adr-status -->`', () => {
    expect(statusFindings(`<!-- lint disable adr-status -->\n\n${withoutStatus}`)).toEqual([]);
  });

  it('honours a disable comment placed just before the status', () => {
    const content = withoutStatus.replace(
      'Date: 2026-05-10',
      'Date: 2026-05-10\n\n<!-- lint disable adr-status -->\n\n## Status\n\nRatified-ish\n\n<!-- lint enable adr-status -->',
    );
    expect(statusFindings(content)).toEqual([]);
    expect(statusFindings(content.replace(/<!-- lint (?:disable|enable) adr-status -->\n\n/g, ''))).toHaveLength(1);
  });
});
