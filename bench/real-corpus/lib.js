/**
 * Pure helpers of the real-record corpus (issue 9, section 5): the manifest's
 * schema, which files of a repository go into the corpus, how a scan's JSON
 * output is matched against the manifest, the aggregations the report prints,
 * and the seeded sample. No file system, no child processes: build.js and
 * report.js do the I/O, test/bench/real-corpus.test.ts tests these.
 */

/** The `--today` every report run uses, so due-date findings do not drift with the calendar. */
export const REPORT_TODAY = '2026-12-01';

/** Default size and seed of the audit sample. */
export const DEFAULT_SAMPLE = 120;
export const DEFAULT_SEED = 20261201;

/** Record kinds of the manifest. */
export const KINDS = /** @type {const} */ (['adr', 'design-doc']);

/** Files other than Markdown that a scan reads to find records. */
const LAYOUT_FILES = new Set(['.adr-dir', '.log4brains.yml', 'kep.yaml']);
const MARKDOWN = /\.(md|markdown)$/i;
const COMMIT = /^[0-9a-f]{40}$/;
const REPO = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SPDX = /^[A-Za-z0-9.+-]+( (OR|AND|WITH) [A-Za-z0-9.+-]+)*$/;
const INDEX_NAMES = /^(readme|index)\.(md|markdown)$/i;

/**
 * @typedef {'adr' | 'design-doc'} RecordKind
 * @typedef {{ path: string, kind: RecordKind }} ManifestRecord
 * @typedef {{ how: string, scope?: string }} Subset
 * @typedef {{ repo: string, commit: string, snapshotHead?: string, licence: string, layout?: string, subset?: Subset, notes?: string[], records: ManifestRecord[] }} ManifestRepo
 * @typedef {{ version: number, about?: string, repositories: ManifestRepo[] }} Manifest
 */

/**
 * Every problem with a manifest, one sentence each naming the entry and the key (empty when valid).
 * @param {unknown} manifest
 * @returns {string[]}
 */
export function validateManifest(manifest) {
  /** @type {string[]} */
  const problems = [];
  const m = /** @type {any} */ (manifest);
  if (!m || typeof m !== 'object' || !Array.isArray(m.repositories)) return ['manifest: expected an object with a "repositories" array'];
  if (m.version !== 1) problems.push(`manifest: "version" must be 1 (found ${JSON.stringify(m.version)})`);
  const seen = new Set();
  m.repositories.forEach((/** @type {any} */ r, /** @type {number} */ i) => {
    const at = `repositories[${i}]${r && typeof r.repo === 'string' ? ` (${r.repo})` : ''}`;
    if (!r || typeof r !== 'object') return void problems.push(`${at}: expected an object`);
    if (typeof r.repo !== 'string' || !REPO.test(r.repo)) problems.push(`${at}: "repo" must be "owner/name"`);
    else if (seen.has(r.repo.toLowerCase())) problems.push(`${at}: "repo" appears twice`);
    else seen.add(r.repo.toLowerCase());
    if (typeof r.commit !== 'string' || !COMMIT.test(r.commit)) problems.push(`${at}: "commit" must be a 40-hex commit sha (lower case)`);
    if (r.snapshotHead !== undefined && (typeof r.snapshotHead !== 'string' || !COMMIT.test(r.snapshotHead))) problems.push(`${at}: "snapshotHead", when present, must be a 40-hex commit sha`);
    if (typeof r.licence !== 'string' || !(r.licence === 'NOASSERTION' || SPDX.test(r.licence))) problems.push(`${at}: "licence" must be an SPDX expression or NOASSERTION`);
    if (r.notes !== undefined && (!Array.isArray(r.notes) || r.notes.some((/** @type {unknown} */ n) => typeof n !== 'string' || n === ''))) problems.push(`${at}: "notes" must be a list of sentences`);
    if (r.subset !== undefined) {
      if (!r.subset || typeof r.subset.how !== 'string' || r.subset.how === '') problems.push(`${at}: "subset.how" must say how the records were chosen`);
      if (r.subset?.scope !== undefined) {
        try {
          new RegExp(r.subset.scope);
        } catch (error) {
          problems.push(`${at}: "subset.scope" is not a valid regular expression: ${/** @type {Error} */ (error).message}`);
        }
      }
    }
    if (!Array.isArray(r.records) || r.records.length === 0) return void problems.push(`${at}: "records" must be a non-empty list`);
    const paths = new Set();
    r.records.forEach((/** @type {any} */ rec, /** @type {number} */ j) => {
      const rat = `${at}.records[${j}]`;
      if (!rec || typeof rec.path !== 'string' || rec.path === '') return void problems.push(`${rat}: "path" must be a repository-relative path`);
      if (rec.path.startsWith('/') || rec.path.split('/').includes('..') || rec.path.includes('\\')) problems.push(`${rat}: "path" ${rec.path} must be relative, with / separators and no ..`);
      if (!MARKDOWN.test(rec.path)) problems.push(`${rat}: "path" ${rec.path} is not a Markdown file`);
      if (paths.has(rec.path)) problems.push(`${rat}: "path" ${rec.path} is listed twice`);
      paths.add(rec.path);
      if (!KINDS.includes(rec.kind)) problems.push(`${rat}: "kind" must be "adr" or "design-doc" (found ${JSON.stringify(rec.kind)})`);
      const keys = Object.keys(rec).filter((k) => k !== 'path' && k !== 'kind');
      if (keys.length) problems.push(`${rat}: unknown keys ${keys.join(', ')}`);
    });
  });
  return problems;
}

/**
 * Corpus folder name of a repository: `owner__name`.
 * @param {string} repo
 */
export function corpusDirName(repo) {
  return repo.replace('/', '__');
}

/**
 * Whether a file of a repository is the kind build.js extracts: Markdown, or a
 * layout file a scan reads (`.adr-dir`, `.log4brains.yml`, `kep.yaml`).
 * @param {string} path
 */
export function isCorpusFile(path) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return MARKDOWN.test(name) || LAYOUT_FILES.has(name);
}

/**
 * The test of which corpus files of a repository are extracted. Without a
 * subset, all of them. With `subset.scope`, a file whose path matches the
 * scope is kept only when it is a manifest record or belongs to one: inside
 * the folder of a `README.md`/`index.md` record (one folder per record), or
 * inside `<record path without extension>/` (a record's companion folder).
 * @param {ManifestRepo} entry
 * @returns {(path: string) => boolean}
 */
export function extractionFilter(entry) {
  const scope = entry.subset?.scope;
  if (scope === undefined) return () => true;
  const re = new RegExp(scope);
  const records = new Set(entry.records.map((r) => r.path));
  /** @type {string[]} */
  const folders = [];
  for (const { path } of entry.records) {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (INDEX_NAMES.test(name) && slash > 0) folders.push(path.slice(0, slash + 1));
    folders.push(`${path.replace(MARKDOWN, '')}/`);
  }
  return (path) => !re.test(path) || records.has(path) || folders.some((f) => path.startsWith(f));
}

/**
 * Median of numbers (0 for an empty list; the mean of the middle two for an even count).
 * @param {number[]} values
 */
export function median(values) {
  if (values.length === 0) return 0;
  const s = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence on every machine.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` items drawn without replacement, in draw order, by a seeded Fisher-Yates
 * shuffle of the items in the order given (sort them first for stability).
 * @template T
 * @param {T[]} items
 * @param {number} n
 * @param {number} seed
 * @returns {T[]}
 */
export function seededSample(items, n, seed) {
  const rand = seededRandom(seed);
  const a = items.slice();
  const take = Math.min(n, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, take);
}

/**
 * @typedef {{ ruleId: string, severity: string, message: string, file: string, line?: number, column?: number, suggestion?: string }} Finding
 * @typedef {{ findings: Finding[], coverage?: Array<{ path: string, kind: string }>, skipped?: Array<{ path: string, reason: string }> }} ScanOutput
 * @typedef {Finding & { repo: string, record: RecordKind | null }} RepoFinding
 */

/**
 * Compare findings by repository, file, line, column, rule, message: a total order, so sorting is stable across runs.
 * @param {RepoFinding} a
 * @param {RepoFinding} b
 */
export function compareRepoFindings(a, b) {
  return (
    cmp(a.repo, b.repo) ||
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

/** @param {string} a @param {string} b */
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @typedef {object} RepoMatch
 * @property {string} repo
 * @property {number} records       records in the manifest
 * @property {string[]} found       records the scan reviewed
 * @property {string[]} missing     records the scan did not review
 * @property {string[]} extra       files the scan reviewed that are not records
 * @property {Array<{ path: string, manifest: RecordKind, scan: string }>} kindMismatches
 * @property {RepoFinding[]} findings  every finding, tagged with the repository and the record kind (null off records)
 */

/**
 * Match one repository's scan output against its manifest entry. A file counts
 * as reviewed when it has a coverage entry or a finding (an oversized file has
 * only a finding); findings on paths that are not files of the corpus (a
 * folder-level convention finding) are kept, tagged `record: null`.
 * @param {ManifestRepo} entry
 * @param {ScanOutput} scan
 * @returns {RepoMatch}
 */
export function matchRepo(entry, scan) {
  const kinds = new Map(entry.records.map((r) => [r.path, r.kind]));
  const reviewed = new Map();
  for (const c of scan.coverage ?? []) reviewed.set(c.path, c.kind);
  for (const f of scan.findings) if (!reviewed.has(f.file) && MARKDOWN.test(f.file)) reviewed.set(f.file, '');
  const found = [...kinds.keys()].filter((p) => reviewed.has(p)).sort();
  const missing = [...kinds.keys()].filter((p) => !reviewed.has(p)).sort();
  const extra = [...reviewed.keys()].filter((p) => !kinds.has(p)).sort();
  const kindMismatches = found
    .filter((p) => reviewed.get(p) !== '' && reviewed.get(p) !== kinds.get(p))
    .map((p) => ({ path: p, manifest: /** @type {RecordKind} */ (kinds.get(p)), scan: reviewed.get(p) }));
  const findings = scan.findings
    .map((f) => ({ ...f, repo: entry.repo, record: kinds.get(f.file) ?? null }))
    .sort(compareRepoFindings);
  return { repo: entry.repo, records: kinds.size, found, missing, extra, kindMismatches, findings };
}

/**
 * @typedef {{ findings: number, records: number }} Tally
 * @typedef {{ rule: string, all: Tally, adr: Tally, designDoc: Tally, offRecord: number }} RuleRow
 */

/**
 * Findings per rule: how many, and how many distinct records they hit,
 * overall and per kind; `offRecord` counts findings on files that are not
 * records. Sorted by count, then rule id.
 * @param {RepoFinding[]} findings
 * @returns {RuleRow[]}
 */
export function perRule(findings) {
  /** @type {Map<string, { all: number, adr: number, dd: number, off: number, recs: Set<string>, adrRecs: Set<string>, ddRecs: Set<string> }>} */
  const rows = new Map();
  for (const f of findings) {
    let r = rows.get(f.ruleId);
    if (!r) rows.set(f.ruleId, (r = { all: 0, adr: 0, dd: 0, off: 0, recs: new Set(), adrRecs: new Set(), ddRecs: new Set() }));
    r.all++;
    const key = `${f.repo}\0${f.file}`;
    if (f.record === 'adr') {
      r.adr++;
      r.recs.add(key);
      r.adrRecs.add(key);
    } else if (f.record === 'design-doc') {
      r.dd++;
      r.recs.add(key);
      r.ddRecs.add(key);
    } else r.off++;
  }
  return [...rows]
    .map(([rule, r]) => ({
      rule,
      all: { findings: r.all, records: r.recs.size },
      adr: { findings: r.adr, records: r.adrRecs.size },
      designDoc: { findings: r.dd, records: r.ddRecs.size },
      offRecord: r.off,
    }))
    .sort((a, b) => b.all.findings - a.all.findings || cmp(a.rule, b.rule));
}

/**
 * @typedef {{ records: number, findings: number, median: number, max: number, maxAt: string | null, zero: number }} PerRecordStats
 */

/**
 * Findings per record of one kind, over the records the scan reviewed
 * (`reviewed`, as "owner/name\0path" keys; a record the scan missed has no
 * findings to count, and counting it as 0 would flatter the median).
 * @param {RepoFinding[]} findings
 * @param {string[]} reviewed
 * @param {RecordKind} kind
 * @returns {PerRecordStats}
 */
export function perRecord(findings, reviewed, kind) {
  const counts = new Map(reviewed.map((k) => [k, 0]));
  let total = 0;
  for (const f of findings) {
    if (f.record !== kind) continue;
    const key = `${f.repo}\0${f.file}`;
    if (!counts.has(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  let max = 0;
  /** @type {string | null} */
  let maxAt = null;
  for (const [key, n] of [...counts].sort(([a], [b]) => cmp(a, b))) {
    if (n > max) {
      max = n;
      maxAt = key.replace('\0', ':');
    }
  }
  const values = [...counts.values()];
  return { records: values.length, findings: total, median: median(values), max, maxAt, zero: values.filter((v) => v === 0).length };
}

/**
 * The ATX headings of a Markdown text, outside front matter and fenced code, with their line numbers.
 * @param {string} text
 * @returns {Array<{ line: number, text: string }>}
 */
export function headingOutline(text) {
  const lines = text.split(/\r?\n/);
  /** @type {Array<{ line: number, text: string }>} */
  const out = [];
  let i = 0;
  if (lines[0]?.replace(/^\uFEFF/, '') === '---') {
    const end = lines.findIndex((l, k) => k > 0 && (l === '---' || l === '...'));
    if (end > 0) i = end + 1;
  }
  /** @type {string | null} */
  let fence = null;
  for (; i < lines.length; i++) {
    const l = lines[i];
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(l);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && l.trim() === open[1]) fence = null;
      continue;
    }
    if (open) {
      fence = open[1];
      continue;
    }
    if (/^ {0,3}#{1,6}(\s|$)/.test(l)) out.push({ line: i + 1, text: l.trim() });
  }
  return out;
}

/**
 * Lines `line - radius` to `line + radius` of a text (1-based, clipped to the text).
 * @param {string} text
 * @param {number} line
 * @param {number} radius
 * @returns {Array<{ line: number, text: string }>}
 */
export function contextLines(text, line, radius) {
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - radius);
  const to = Math.min(lines.length, line + radius);
  /** @type {Array<{ line: number, text: string }>} */
  const out = [];
  for (let n = from; n <= to; n++) out.push({ line: n, text: lines[n - 1] });
  return out;
}

/**
 * A Markdown code fence longer than any run of backticks in `text`, so quoted text cannot close it.
 * @param {string} text
 */
export function fenceFor(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The audit sample as Markdown. `readText` returns a corpus file's text, or
 * null when the finding's path is not a file (a folder-level finding).
 * @param {Array<RepoFinding & { id: string }>} sample
 * @param {(repo: string, path: string) => string | null} readText
 * @param {{ seed: number, size: number, population: number, today: string, rules?: string[] | null }} meta
 */
export function renderSample(sample, readText, meta) {
  const parts = [
    '# Audit sample: findings of the default scan on the real-record corpus',
    '',
    `${sample.length} findings drawn at random (seed ${meta.seed}) from ${meta.population} findings${meta.rules ? ` of ${meta.rules.join(', ')}` : ''} of \`design-review check --format json --today ${meta.today}\` run in each repository of bench/real-corpus/manifest.json.`,
    'Regenerate with `node bench/real-corpus/report.js --sample ' + meta.size + ' --seed ' + meta.seed + (meta.rules ? ' --rules ' + meta.rules.join(',') : '') + '`; the same corpus, build and seed give the same sample and ids.',
    'Judge each finding true, false or debatable, with a one-line reason, in bench/real-corpus/AUDIT.md.',
    '',
  ];
  for (const f of sample) {
    const where = f.line !== undefined ? `${f.file}:${f.line}` : f.file;
    parts.push(`## ${f.id} · ${f.ruleId} (${f.severity})`, '');
    parts.push(`- repository: ${f.repo}`);
    parts.push(`- file: \`${where.replace(/`/g, "'")}\` (${f.record ? `manifest record, ${f.record}` : 'NOT a manifest record'})`);
    parts.push(`- message: ${oneLine(f.message)}`);
    if (f.suggestion) parts.push(`- suggestion: ${oneLine(f.suggestion)}`);
    parts.push('');
    const text = readText(f.repo, f.file);
    if (text === null) {
      parts.push('(no file at this path in the corpus: a folder-level or repository-level finding)', '');
      continue;
    }
    const ctx = contextLines(text, f.line ?? 1, 4);
    const width = String(ctx.length ? ctx[ctx.length - 1].line : 1).length;
    const body = ctx.map((c) => `${c.line === (f.line ?? -1) ? '>' : ' '} ${String(c.line).padStart(width)} | ${c.text}`).join('\n');
    const fence = fenceFor(body);
    parts.push(f.line !== undefined ? `Lines ${ctx[0]?.line ?? 1}-${ctx[ctx.length - 1]?.line ?? 1}:` : 'No line given; the first lines:', '', `${fence}text`, body, fence, '');
    const outline = headingOutline(text);
    const otext = outline.map((h) => `${String(h.line).padStart(5)}  ${h.text}`).join('\n') || '(no headings)';
    const ofence = fenceFor(otext);
    parts.push(`<details><summary>Outline: ${outline.length} headings, ${text.split(/\r?\n/).length} lines</summary>`, '', `${ofence}text`, otext, ofence, '', '</details>', '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

/** @param {string} s */
function oneLine(s) {
  return s.replace(/\s*\n\s*/g, ' ⏎ ');
}

/**
 * @typedef {{ id: string, rule: string, repo: string, where: string, message: string }} SampleEntry
 * @typedef {{ id: string, rule: string, verdict: 'true' | 'false' | 'debatable', reason: string }} Verdict
 */

/**
 * The findings of an audit sample file (`renderSample`'s output), by id.
 * @param {string} text
 * @returns {SampleEntry[]}
 */
export function parseSample(text) {
  /** @type {SampleEntry[]} */
  const out = [];
  /** @type {SampleEntry | null} */
  let current = null;
  for (const line of text.split('\n')) {
    const head = /^## ([A-Z]\d{3}) · (\S+) \(/.exec(line);
    if (head) {
      current = { id: head[1] ?? '', rule: head[2] ?? '', repo: '', where: '', message: '' };
      out.push(current);
    } else if (current && line.startsWith('- repository: ')) current.repo = line.slice('- repository: '.length).trim();
    else if (current && line.startsWith('- file: `')) current.where = line.slice('- file: `'.length, line.lastIndexOf('`'));
    else if (current && line.startsWith('- message: ')) current.message = line.slice('- message: '.length).trim();
  }
  return out;
}

/**
 * The verdict rows of an audit file: Markdown table rows `| id | rule | record | verdict | reason |`.
 * @param {string} text
 * @returns {Verdict[]}
 */
export function parseVerdicts(text) {
  /** @type {Verdict[]} */
  const out = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const [, id, rule, , verdict, ...reason] = cells;
    if (!id || !/^[A-Z]\d{3}$/.test(id) || !rule) continue;
    const v = (verdict ?? '').toLowerCase().split(/\s/)[0];
    if (v !== 'true' && v !== 'false' && v !== 'debatable') continue;
    out.push({ id, rule, verdict: v, reason: reason.slice(0, -1).join('|').trim() });
  }
  return out;
}

/** The identity of a finding across samples: the same finding has the same key in every run. */
/**
 * The identities (findingKey) of every finding a scan said, from the raw CLI
 * outputs report.js keeps (`<out>/raw/<owner>__<name>.json`, read by the
 * caller): an audit counts only the findings of its samples that the current
 * scan still says.
 * @param {Array<{ repo: string, findings: Finding[] }>} scans
 * @returns {Set<string>}
 */
export function scanKeys(scans) {
  const keys = new Set();
  for (const { repo, findings } of scans) {
    for (const f of findings) {
      const where = (f.line !== undefined ? `${f.file}:${f.line}` : f.file).replace(/`/g, "'");
      keys.add(findingKey({ rule: f.ruleId, repo, where, message: oneLine(f.message) }));
    }
  }
  return keys;
}

export function findingKey(/** @type {Pick<SampleEntry, 'rule' | 'repo' | 'where' | 'message'>} */ f) {
  return `${f.rule}\0${f.repo}\0${f.where}\0${f.message}`;
}

/**
 * @typedef {{ rule: string, true: number, false: number, debatable: number }} VerdictTally
 */

/**
 * Verdicts per rule, sorted by rule id, with a total row last (`rule: 'total'`).
 * @param {Array<Pick<Verdict, 'rule' | 'verdict'>>} verdicts
 * @returns {VerdictTally[]}
 */
export function tallyVerdicts(verdicts) {
  /** @type {Map<string, VerdictTally>} */
  const rows = new Map();
  const total = { rule: 'total', true: 0, false: 0, debatable: 0 };
  for (const v of verdicts) {
    let row = rows.get(v.rule);
    if (!row) rows.set(v.rule, (row = { rule: v.rule, true: 0, false: 0, debatable: 0 }));
    row[v.verdict]++;
    total[v.verdict]++;
  }
  return [...[...rows.values()].sort((a, b) => cmp(a.rule, b.rule)), total];
}

/**
 * Runs a command-line parse; its error gets the script's usage appended.
 * @template T
 * @param {string} usage
 * @param {() => T} parse
 * @returns {T}
 */
export function withUsage(usage, parse) {
  try {
    return parse();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}
