import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import type { Config } from '../../config/schema.js';
import type { DocKind } from './model.js';
import { MARKDOWN, whyNotARecordByName } from './record-names.js';
import { layoutKind, widestLayoutFor, type RepositoryLayout } from './repository-layout.js';
import { trimEndMatching } from './trim-chars.js';

/** What the classifier needs besides the path: the config globs and folders named by the repository. */
export interface ClassifyOptions {
  config: Config;
  /** ADR folders named by `.adr-dir` (adr-tools) or `.log4brains.yml`, repository-relative. */
  adrDirs: string[];
  /**
   * What a listing of the repository says (ADRs clustered at the root or in an
   * `architecture` folder, an RFC repository's `text/`, generated twins).
   * Without it only the path rules apply.
   */
  layout?: RepositoryLayout;
}

interface Matchers {
  adr: (path: string) => boolean;
  design: (path: string) => boolean;
  exclude: (path: string) => boolean;
}

const FRONT_MATTER_TYPE = /^type:[ \t]*["']?(adr|design-doc)["']?[ \t]*$/m;

// Matchers are compiled once per config object: classification runs per file.
const cache = new WeakMap<Config, WeakMap<string[], Matchers>>();

/**
 * Normalise a path to repository-relative POSIX form. Backslashes separate
 * folders only in a path without a forward slash (`docs\adr\0001-x.md`); in a
 * git path (`docs/adr/0003-a\b.md`) a backslash is part of the name, and
 * reading it as a separator would invent a folder.
 */
export function normalizePath(path: string): string {
  const posix = path.includes('/') ? path : path.replace(/\\/g, '/');
  return posix.replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

function dirGlob(dir: string): string {
  const clean = trimEndMatching(normalizePath(dir), /\//);
  return clean === '' || clean === '.' ? '**' : `${clean}/**`;
}

function matchersFor(opts: ClassifyOptions): Matchers {
  let byDirs = cache.get(opts.config);
  if (!byDirs) {
    byDirs = new WeakMap();
    cache.set(opts.config, byDirs);
  }
  let m = byDirs.get(opts.adrDirs);
  if (!m) {
    const pm = (globs: string[]) => (globs.length ? picomatch(globs, { dot: true }) : () => false);
    m = {
      adr: pm([...opts.adrDirs.map(dirGlob), ...opts.config.paths.adr]),
      design: pm(opts.config.paths.designDoc),
      exclude: pm(opts.config.paths.exclude),
    };
    byDirs.set(opts.adrDirs, m);
  }
  return m;
}

/** Read `type: adr | design-doc` from the front matter at the head of a file, if any. */
export function frontMatterType(head: string): DocKind | undefined {
  const text = head.replace(/^\uFEFF/, '');
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  const block = end === -1 ? text : text.slice(0, end);
  return FRONT_MATTER_TYPE.exec(block)?.[1] as DocKind | undefined;
}

/**
 * Why a file is never a decision, or undefined when it may be one: not
 * Markdown; matched by `paths.exclude`; a template, LICENSE, CONTRIBUTING or
 * CHANGELOG file; unless front matter `type:` says otherwise, a folder's
 * README / index (not the README of a per-decision folder such as
 * `0007-slug/README.md`), a chapter beside that README, or the `x.src.md`
 * source of a generated `x.md`.
 */
export function whyNeverADecision(path: string, opts: ClassifyOptions, head?: string): string | undefined {
  const p = normalizePath(path);
  if (!MARKDOWN.test(p)) return 'not a Markdown file (.md, .markdown)';
  if (matchersFor(opts).exclude(p)) return 'matched by paths.exclude';
  const byName = whyNotARecordByName(p);
  if (byName !== undefined && !byName.frontMatterMayOverride) return byName.reason;
  // A generated record copies its source's front matter, `type:` included: the source never counts.
  const generated = opts.layout?.twins.get(p);
  if (generated !== undefined) return `the source of ${generated}, which is reviewed instead`;
  if (head !== undefined && frontMatterType(head)) return undefined;
  return byName?.reason;
}

/** True when a file is never a decision, wherever it lives (see `whyNeverADecision`). */
export function isNeverADecision(path: string, opts: ClassifyOptions, head?: string): boolean {
  return whyNeverADecision(path, opts, head) !== undefined;
}

/**
 * Classify a repository file as an ADR, a design doc, or neither (null).
 * Front matter `type:` wins over the path; then the ADR globs and declared
 * folders, the layouts the repository listing reveals, the design-doc globs.
 * READMEs and indexes at a folder's root, chapters, templates and twins are
 * not decisions, but a README inside a per-decision folder is.
 */
export function classify(path: string, opts: ClassifyOptions, head?: string): DocKind | null {
  if (isNeverADecision(path, opts, head)) return null;
  const fromFrontMatter = head === undefined ? undefined : frontMatterType(head);
  if (fromFrontMatter) return fromFrontMatter;
  const p = normalizePath(path);
  const m = matchersFor(opts);
  if (m.adr(p)) return 'adr';
  const fromLayout = opts.layout ? layoutKind(p, opts.layout) : undefined;
  if (fromLayout) return fromLayout;
  if (m.design(p)) return 'design-doc';
  return null;
}

/**
 * True when a listing of the repository could change how `classify` sees this
 * path (without its head): a record name at the root or in an `architecture`
 * folder, an RFC name in a folder, a `.src.md` source.
 */
export function layoutMayChange(path: string, opts: ClassifyOptions): boolean {
  const p = normalizePath(path);
  const pathOnly: ClassifyOptions = { config: opts.config, adrDirs: opts.adrDirs };
  return classify(p, pathOnly) !== classify(p, { ...pathOnly, layout: widestLayoutFor(p) });
}

/** True when the head of a markdown file reads like an ADR rather than a longer design doc. */
export function looksLikeAdr(head: string): boolean {
  return /^#{1,3}[ \t]+(?:\d+[.)]?[ \t]+)?(status|statut|decision|décision|decision outcome|considered options|context and problem statement|contexte)\b/im.test(
    head,
  );
}

/**
 * ADR folders declared by the repository: adr-tools `.adr-dir`, and log4brains
 * `.log4brains.yml` (`project.adrFolder` and, in a multi-package project, each
 * `project.packages[].adrFolder`).
 */
export function adrDirsFromFiles(files: { adrDir?: string; log4brains?: string }): string[] {
  const dirs: string[] = [];
  const add = (folder: unknown) => {
    if (typeof folder === 'string' && folder.trim()) dirs.push(trimEndMatching(normalizePath(folder.trim()), /\//));
  };
  add(files.adrDir?.split(/\r?\n/)[0]);
  if (files.log4brains) {
    try {
      const doc = parseYaml(files.log4brains) as Log4brainsFile | null;
      add(doc?.project?.adrFolder);
      // log4brains nests `packages` under `project`; a top-level list is read too, as hand-written files have it.
      for (const list of [doc?.project?.packages, doc?.packages]) {
        if (!Array.isArray(list)) continue;
        for (const pkg of list.slice(0, MAX_LOG4BRAINS_PACKAGES)) add((pkg as { adrFolder?: unknown } | null)?.adrFolder);
      }
    } catch {
      // A broken .log4brains.yml only loses the folder hint; the default globs still apply.
    }
  }
  // `..` would let a repository file point the review outside the repository.
  return [...new Set(dirs)].filter((d) => d !== '' && !d.split('/').includes('..'));
}

interface Log4brainsFile {
  project?: { adrFolder?: unknown; packages?: unknown };
  packages?: unknown;
}

/** Packages read from one `.log4brains.yml`: a repository file must not make the classifier compile an unbounded glob list. */
const MAX_LOG4BRAINS_PACKAGES = 100;
