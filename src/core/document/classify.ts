import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import type { Config } from '../../config/schema.js';
import type { DocKind } from './model.js';
import { trimEndMatching } from './trim-chars.js';

/** What the classifier needs besides the path: the config globs and folders named by the repository. */
export interface ClassifyOptions {
  config: Config;
  /** ADR folders named by `.adr-dir` (adr-tools) or `.log4brains.yml`, repository-relative. */
  adrDirs: string[];
}

interface Matchers {
  adr: (path: string) => boolean;
  design: (path: string) => boolean;
  exclude: (path: string) => boolean;
}

const MARKDOWN = /\.(md|markdown)$/i;
/** A folder that holds one decision (`0007-use-x/README.md`, `2023-05-02-slug/README.md`). */
const DECISION_FOLDER = /^(\d{1,8}|adr[-_]?\d{1,6}|[a-z]{2,10}-\d{1,6}|\d{4}-\d{2}-\d{2})[-_.]/i;
const INDEX_NAMES = /^(readme|index)\.(md|markdown)$/i;
const FRONT_MATTER_TYPE = /^type:[ \t]*["']?(adr|design-doc)["']?[ \t]*$/m;

// Matchers are compiled once per config object: classification runs per file.
const cache = new WeakMap<Config, WeakMap<string[], Matchers>>();

/** Normalise a path to repository-relative POSIX form. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
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

/** True for a README or index at a folder's root: a listing, not a decision (unlike `0007-slug/README.md`). */
function isFolderIndex(p: string): boolean {
  const parts = p.split('/');
  if (!INDEX_NAMES.test(parts[parts.length - 1] ?? '')) return false;
  return !DECISION_FOLDER.test(parts[parts.length - 2] ?? '');
}

/**
 * True when a file is never a decision, wherever it lives: not Markdown,
 * matched by the exclude globs (templates), or a folder's README/index
 * (unless front matter `type:` says otherwise).
 */
export function isNeverADecision(path: string, opts: ClassifyOptions, head?: string): boolean {
  const p = normalizePath(path);
  if (!MARKDOWN.test(p) || matchersFor(opts).exclude(p)) return true;
  if (head !== undefined && frontMatterType(head)) return false;
  return isFolderIndex(p);
}

/**
 * Classify a repository file as an ADR, a design doc, or neither (null).
 * Front matter `type:` wins over the path; READMEs and indexes at a folder's
 * root and templates are not decisions, but a README inside a per-decision
 * folder is.
 */
export function classify(path: string, opts: ClassifyOptions, head?: string): DocKind | null {
  if (isNeverADecision(path, opts, head)) return null;
  const fromFrontMatter = head === undefined ? undefined : frontMatterType(head);
  if (fromFrontMatter) return fromFrontMatter;
  const p = normalizePath(path);
  const m = matchersFor(opts);
  if (m.adr(p)) return 'adr';
  if (m.design(p)) return 'design-doc';
  return null;
}

/** True when the head of a markdown file reads like an ADR rather than a longer design doc. */
export function looksLikeAdr(head: string): boolean {
  return /^#{1,3}[ \t]+(?:\d+[.)]?[ \t]+)?(status|statut|decision|décision|decision outcome|considered options|context and problem statement|contexte)\b/im.test(
    head,
  );
}

/** ADR folders declared by the repository: adr-tools `.adr-dir` and log4brains `.log4brains.yml`. */
export function adrDirsFromFiles(files: { adrDir?: string; log4brains?: string }): string[] {
  const dirs: string[] = [];
  const fromAdrDir = files.adrDir?.split(/\r?\n/)[0]?.trim();
  if (fromAdrDir) dirs.push(trimEndMatching(normalizePath(fromAdrDir), /\//));
  if (files.log4brains) {
    try {
      const doc = parseYaml(files.log4brains) as { project?: { adrFolder?: unknown } } | null;
      const folder = doc?.project?.adrFolder;
      if (typeof folder === 'string' && folder.trim()) dirs.push(trimEndMatching(normalizePath(folder.trim()), /\//));
    } catch {
      // A broken .log4brains.yml only loses the folder hint; the default globs still apply.
    }
  }
  // `..` would let a repository file point the review outside the repository.
  return dirs.filter((d) => d !== '' && !d.split('/').includes('..'));
}
