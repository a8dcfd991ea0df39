import type { DocKind } from './model.js';
import { baseName, folderOf, isAdrName, isLetterName, isRfcTextName, isTemplateName, MARKDOWN } from './record-names.js';

/**
 * Layouts that only a listing of the repository reveals, because one file's
 * path does not tell: ADRs kept at the repository root or in an
 * `architecture` folder (`adr-007-x.md` beside `adr-008-y.md` …), proposals
 * at the root of a proposals repository (`A12-x.md`, `L73-y.md` …), the
 * folders of an RFC repository (`text/0012-x.md`; `accepted/0012-x.md` beside
 * a `0000-template.md`), and generated twins
 * (`x.src.md` beside `x.md`). Each surface builds it from what it lists
 * anyway (the CLI's scan, a git tree), and the classifier reads it.
 */

/** Files sharing a record name that make a folder a place where records are kept. */
export const CLUSTER_SIZE = 3;

/** What a listing of the repository's files says about where its records are. */
export interface RepositoryLayout {
  /** Folders (`''` is the root) holding CLUSTER_SIZE or more ADR-named files: those files are ADRs. */
  adrClusters: ReadonlySet<string>;
  /** True when the root holds CLUSTER_SIZE or more capital-letter proposals (`A12-x.md`): those are design docs. */
  rootProposals: boolean;
  /**
   * Top-level folders of an RFC repository holding CLUSTER_SIZE or more `NNNN-slug.md` files (at any
   * depth): `text/` (the Rust process's folder), or any such folder when a numbered template
   * (`0000-template.md`) sits at the root or in a top-level folder. Those files are design docs.
   */
  rfcFolders: ReadonlySet<string>;
  /** `x.src.md` sources of a generated record, and that record (`x.md`), which is the one reviewed. */
  twins: ReadonlyMap<string, string>;
}

const SOURCE_TWIN = /\.src\.(md|markdown)$/i;
const ARCHITECTURE = /^architecture$/i;

/** A layout that knows nothing: the classifier then uses path rules only. */
export const EMPTY_LAYOUT: RepositoryLayout = { adrClusters: new Set(), rootProposals: false, rfcFolders: new Set(), twins: new Map() };

/** True when a folder is, or sits in, a folder named `architecture`. */
function inArchitectureFolder(folder: string): boolean {
  return folder.split('/').some((part) => ARCHITECTURE.test(part));
}

/** The layout of a repository from its file paths (repository-relative, POSIX); one pass, linear in the paths. */
export function repositoryLayout(paths: Iterable<string>): RepositoryLayout {
  const adrCounts = new Map<string, number>();
  let letterCount = 0;
  const rfcCounts = new Map<string, number>();
  let rfcTemplate = false;
  const markdown = new Set<string>();
  const sources: string[] = [];
  for (const path of paths) {
    const name = baseName(path);
    if (!MARKDOWN.test(name)) continue;
    markdown.add(path);
    if (SOURCE_TWIN.test(name)) sources.push(path);
    const folder = folderOf(path);
    if ((folder === '' || inArchitectureFolder(folder)) && isAdrName(name)) adrCounts.set(folder, (adrCounts.get(folder) ?? 0) + 1);
    if (folder === '' && isLetterName(name)) letterCount += 1;
    const top = topFolder(path);
    if (top !== undefined && isRfcTextName(name)) rfcCounts.set(top, (rfcCounts.get(top) ?? 0) + 1);
    if (/^0{3,4}[-_]/.test(name) && isTemplateName(name) && folder.split('/').length <= 1) rfcTemplate = true;
  }
  const adrClusters = new Set([...adrCounts].filter(([, n]) => n >= CLUSTER_SIZE).map(([folder]) => folder));
  const twins = new Map<string, string>();
  for (const source of sources) {
    const generated = generatedFrom(source).find((g) => markdown.has(g));
    if (generated !== undefined) twins.set(source, generated);
  }
  const rfcFolders = new Set(
    [...rfcCounts].filter(([top, n]) => n >= CLUSTER_SIZE && (top === 'text' || rfcTemplate)).map(([top]) => top),
  );
  return { adrClusters, rootProposals: letterCount >= CLUSTER_SIZE, rfcFolders, twins };
}

/**
 * Where the record generated from a `.src.md` source may be: beside it
 * (`x.src.md` → `x.md`), or, when the source sits in the proposal's own
 * folder with its images, next to that folder (`design/44167/x.src.md` →
 * `design/44167-x.md`).
 */
function generatedFrom(source: string): string[] {
  const folder = folderOf(source);
  const slug = baseName(source).replace(SOURCE_TWIN, '');
  const ext = SOURCE_TWIN.exec(source)?.[1] ?? 'md';
  const beside = `${folder === '' ? '' : `${folder}/`}${slug}.${ext}`;
  if (folder === '') return [beside];
  const parent = folderOf(folder);
  return [beside, `${parent === '' ? '' : `${parent}/`}${baseName(folder)}-${slug}.${ext}`];
}

/** The kind the layout gives a path (a normalised, repository-relative POSIX path), if any. */
export function layoutKind(path: string, layout: RepositoryLayout): DocKind | undefined {
  const name = baseName(path);
  const folder = folderOf(path);
  if (layout.adrClusters.has(folder) && isAdrName(name)) return 'adr';
  if (folder === '' && layout.rootProposals && isLetterName(name)) return 'design-doc';
  const top = topFolder(path);
  if (top !== undefined && layout.rfcFolders.has(top) && isRfcTextName(name)) return 'design-doc';
  return undefined;
}

/**
 * The layout in which every listing-dependent rule holds for this path (its
 * folder a cluster, its top folder an RFC folder, it a generated source):
 * classifying with it and with no layout tells whether a listing could change
 * the path's kind, so a surface that lists nothing by default (a pull
 * request's changed files) reads the repository's tree only when it could.
 */
export function widestLayoutFor(path: string): RepositoryLayout {
  const top = topFolder(path);
  const folder = folderOf(path);
  return {
    adrClusters: new Set(folder === '' || inArchitectureFolder(folder) ? [folder] : []),
    rootProposals: true,
    rfcFolders: new Set(top === undefined ? [] : [top]),
    twins: SOURCE_TWIN.test(path) ? new Map([[path, path.replace(SOURCE_TWIN, '.$1')]]) : new Map(),
  };
}

/** The top-level folder of a path, undefined at the root. */
function topFolder(path: string): string | undefined {
  const i = path.indexOf('/');
  return i === -1 ? undefined : path.slice(0, i);
}
