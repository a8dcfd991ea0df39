/**
 * What a file's name and folders say about it, before anything is read:
 * record names (`0007-slug.md`, `adr-7-slug.md`, `A12-slug.md`), one folder
 * per decision (`0007-slug/README.md`, `2023-05-02-slug/index.md`), and the
 * files that sit beside records without being one (templates, indexes,
 * chapters of a per-decision folder, LICENSE / CONTRIBUTING / CHANGELOG).
 * Pure path logic, shared by the classifier and the repository layout.
 */

/** A Markdown file name. */
export const MARKDOWN = /\.(?:md|markdown)$/i;

/**
 * A folder that holds one decision: a number, an `adr-` style prefix and a
 * number, or a date, then a separator (`0007-use-x`, `adr-12-x`, `2023-05-02-x`,
 * `20230502-x`). `2023` alone, `v1` or `examples` are not.
 */
export const DECISION_FOLDER = /^(?:\d{1,8}|adr[-_]?\d{1,6}|[a-z]{2,10}-\d{1,6}|\d{4}-\d{2}-\d{2})[-_.]/i;

const INDEX_NAME = /^(?:readme|index|_index)\.(?:md|markdown)$/i;

/** A date at the start of a name (`20200925-slug`, `2023-05-02-slug`): a dated note, or a dated record in a records folder. */
const DATE_NAME = /^(?:19|20|21)\d{2}-?[01]\d-?[0-3]\d(?:[-_.]|$)/;

/**
 * An ADR name: a four-to-six-digit number and a slug (`0007-use-x.md`), or an
 * `adr` prefix and a number with an optional slug (`adr-007-use-x.md`,
 * `ADR-7.md`, `adr_12_x.md`). Two-digit chapter names (`01-overview.md`) are not.
 */
const ADR_NAME = /^(?:adr[-_ ]?\d{1,6}(?:[-_.][^/]*)?|\d{4,6}[-_][^/]*)\.(?:md|markdown)$/i;

/**
 * A proposal name at a repository root: one to four capital letters, a number
 * and a slug (`A12-slug.md`, `L73-java-x.md`, `RFC-0012-x.md`); not `ADR-…`,
 * which is an ADR name.
 */
const LETTER_NAME = /^(?!adr)[A-Z]{1,4}[-_]?\d{1,5}[-_][^/]*\.(?:md|markdown)$/i;
const CAPITALS = /^[A-Z]/;

/** An RFC name in an RFC repository's `text/` folder: `0012-slug.md`. */
const RFC_TEXT_NAME = /^\d{4}-[^/]+\.(?:md|markdown)$/i;

// Files every repository has beside its records: never a decision, whatever folder they sit in.
// (Not SECURITY or GOVERNANCE: an unnumbered log may well hold `adr/security.md`.)
const NOT_RECORD_STEMS = new Set([
  'license', 'licence', 'copying', 'contributing', 'changelog', 'code_of_conduct', 'code-of-conduct', 'codeofconduct',
  'authors', 'maintainers', 'codeowners', 'summary', '_sidebar',
]);

/** Names of folders that hold records: a file named after one is its index. */
const COLLECTION_NAME = /^(?:adrs?|decisions?|decision[-_]records?|architecture[-_]decisions?|rfcs?|proposals?|designs?|enhancements|keps)$/;

// "Template" in the languages real logs use: `modele` (French), `vorlage` (German), `plantilla` / `modelo` (Spanish,
// Portuguese), `sjabloon` (Dutch).
const TEMPLATE_WORDS = new Set(['template', 'tmpl', 'modele', 'vorlage', 'plantilla', 'modelo', 'sjabloon']);
// Words a template's name pairs with the template word (`0000-modele-adr.md`, `NNNN-kep-template`).
const KIND_WORDS = new Set(['adr', 'adrs', 'madr', 'rfc', 'grfc', 'kep', 'design', 'doc', 'decision', 'record', 'proposal', 'enhancement']);
// A number, or the placeholder a template uses for one (`NNNN`, `XXX`).
const NUMBER_WORD = /^(?:\d+|n+|x+)$/;

/** Path parts of a repository-relative POSIX path. */
export function pathParts(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

/** The last part of a path. */
export function baseName(path: string): string {
  const parts = pathParts(path);
  return parts[parts.length - 1] ?? '';
}

/** The folder of a path, `''` for the repository root. */
export function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

function stemOf(name: string): string {
  return name.replace(/\.[^.]*$/, '');
}

function plainWords(stem: string): string[] {
  // NFD splits `è` into `e` and a combining accent, which is then dropped: `modèle` reads as `modele`.
  return stem
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[-_. ]+/)
    .filter((w) => w !== '');
}

/**
 * True for a template's name. A numbered name (`0000-…`, `adr-000-…`,
 * `NNNN-…`) is a template when the words after its number are only a template
 * word and kind words (`0000-template.md`, `0000-modele-adr.md`,
 * `NNNN-kep-template`), so `adr-014-project-templates.md` and
 * `0005-modele-de-donnees.md` (a data model) stay records. Another name is one
 * when it starts or ends with "template" (`adr-template.md`, `GRFC-TEMPLATE.md`,
 * `template-short.md`, `_template.md`).
 */
export function isTemplateName(name: string): boolean {
  const words = plainWords(stemOf(name));
  if (words.length === 0) return false;
  const numberAt = NUMBER_WORD.test(words[0]!) ? 0 : words.length > 1 && NUMBER_WORD.test(words[1]!) && /^[a-z]{1,5}$/.test(words[0]!) ? 1 : -1;
  if (numberAt === -1) {
    const first = words[0]!;
    const last = words[words.length - 1]!;
    return first === 'template' || first === 'tmpl' || last === 'template' || last === 'tmpl';
  }
  const rest = words.slice(numberAt + 1);
  return rest.some((w) => TEMPLATE_WORDS.has(w)) && rest.every((w) => TEMPLATE_WORDS.has(w) || KIND_WORDS.has(w));
}

/** True for README / index / _index. */
export function isIndexName(name: string): boolean {
  return INDEX_NAME.test(name);
}

/** True for a dated name (`20200925-slug.md`, `2023-05-02-slug`). */
export function isDateName(name: string): boolean {
  return DATE_NAME.test(name);
}

/** True for an ADR name (`0007-slug.md`, `adr-007-slug.md`, `ADR-7.md`); dated names are not. */
export function isAdrName(name: string): boolean {
  return ADR_NAME.test(name) && !DATE_NAME.test(name);
}

/** True for a capital-letter proposal name (`A12-slug.md`, `RFC-0012-x.md`), not `ADR-…` and not a date. */
export function isLetterName(name: string): boolean {
  return CAPITALS.test(name) && LETTER_NAME.test(name) && !DATE_NAME.test(name);
}

/** True for an RFC repository's record name (`0012-slug.md`). */
export function isRfcTextName(name: string): boolean {
  return RFC_TEXT_NAME.test(name) && !DATE_NAME.test(name);
}

/** True for a name that shapes a decision record: a number or a date leads it, possibly after letters. */
export function isRecordName(name: string): boolean {
  return isAdrName(name) || isLetterName(name) || isDateName(name);
}

/**
 * The per-decision folder a path sits in, when its parent or grandparent is
 * one (`rfcs/086-x/01-overview.md` → `rfcs/086-x`); the nearest one wins.
 */
export function decisionFolderOf(path: string): string | undefined {
  const parts = pathParts(path);
  for (let up = 2; up <= 3 && parts.length - up >= 0; up += 1) {
    if (DECISION_FOLDER.test(parts[parts.length - up]!)) return parts.slice(0, parts.length - up + 1).join('/');
  }
  return undefined;
}

/** Why a name rules a file out, and whether front matter `type:` may rule it back in. */
export interface NameVerdict {
  reason: string;
  /** A folder index or a chapter may be a record its author marked with `type:`; a template or LICENSE may not. */
  frontMatterMayOverride: boolean;
}

/** Why a path is never a decision record by its name and folders alone, or undefined when it may be one. */
export function whyNotARecordByName(path: string): NameVerdict | undefined {
  const parts = pathParts(path);
  const name = parts[parts.length - 1] ?? '';
  if (!MARKDOWN.test(name)) return { reason: 'not a Markdown file (.md, .markdown)', frontMatterMayOverride: false };
  const stem = stemOf(name).toLowerCase();
  if (NOT_RECORD_STEMS.has(stem)) return { reason: `a ${stemOf(name)} file, not a decision record`, frontMatterMayOverride: false };
  // A template may carry `type: adr` for the records made from it: its name wins.
  if (isTemplateName(name)) return { reason: 'a template, not a decision record', frontMatterMayOverride: false };
  const parent = parts[parts.length - 2];
  const inDecisionFolder = parent !== undefined && DECISION_FOLDER.test(parent);
  if (isIndexName(name)) {
    // `NNNN-kep-template/README.md` is the template's.
    if (parent !== undefined && isTemplateName(parent)) return { reason: 'a template, not a decision record', frontMatterMayOverride: false };
    if (!inDecisionFolder) return { reason: 'a folder index (README or index), not a decision record', frontMatterMayOverride: true };
    return undefined;
  }
  // A records folder's index named after the folder (`decision_records/decision_records.md`); a topic folder's
  // namesake (`compat-pack/compat-pack.md`) is the record itself.
  if (parent !== undefined && stem === parent.toLowerCase() && COLLECTION_NAME.test(stem)) {
    return { reason: 'a folder index (named after its folder), not a decision record', frontMatterMayOverride: true };
  }
  const decisionFolder = decisionFolderOf(path);
  // Chapters and appendices of a per-decision folder: its README / index is the record. A file that is itself
  // named like a record (`2023-q1/0004-x.md`, in a folder that only groups records) still counts.
  if (decisionFolder !== undefined && !isRecordName(name)) {
    return { reason: `part of the decision in ${decisionFolder}/ (its README or index is the record)`, frontMatterMayOverride: true };
  }
  return undefined;
}
