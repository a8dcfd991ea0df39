/**
 * Markdown block builders shared by the document generators: dates in the
 * forms real records use, lists, tables, code blocks, and `fillSection`, which
 * adds blocks until a section reaches its line budget.
 * Every builder returns an array of lines (no trailing newline).
 */

import { CONCERNS, DATA, DOMAINS, HANDLES, METRICS, PEOPLE, TECH, TEAMS } from './words.js';
import { cap, component, identifier, measurement, paragraph, plural, sentence, sentenceFr, thousands, url, wrap } from './prose.js';

/** @typedef {import('./random.js').Random} Random */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/**
 * A UTC date `days` after 2016-01-04.
 * @param {number} days
 */
export function dayToDate(days) {
  return new Date(Date.UTC(2016, 0, 4) + days * 86_400_000);
}

const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');

/**
 * 2020-03-25
 * @param {Date} date
 */
export function isoDate(date) {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** @param {number} n */
function ordinal(n) {
  /** @type {Record<number, string>} */
  const suffixes = { 1: 'st', 2: 'nd', 3: 'rd' };
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : suffixes[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * A date written in one of the forms seen in real records.
 * @param {Random} r
 * @param {Date} date
 */
export function formatDate(r, date, lang = 'en') {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (lang === 'fr') return r.chance(0.7) ? isoDate(date) : `${d} ${MOIS[m]} ${y}`;
  return r.weighted([
    [70, () => isoDate(date)],
    [6, () => `${MONTHS[m]} ${d}, ${y}`],
    [5, () => `${MONTHS[m]} ${ordinal(d)}, ${y}`],
    [5, () => `${pad(d)}-${MONTHS[m].slice(0, 3)}-${y}`],
    [4, () => `${pad(m + 1)}/${pad(d)}/${y}`],
    [3, () => `${d} ${MONTHS[m]} ${y}`],
    [3, () => `${y}/${pad(m + 1)}/${pad(d)}`],
  ])();
}

/**
 * A few names or handles, comma-separated.
 * @param {Random} r
 */
export function people(r, min = 1, max = 4) {
  const pool = r.chance(0.3) ? HANDLES : PEOPLE;
  return r.sample(pool, r.int(min, max)).join(', ');
}

/**
 * A bullet list; items are sentences, some with a nested list.
 * @param {Random} r
 * @param {number} width
 */
export function bulletList(r, width, items = r.int(3, 7), lang = 'en', marker = r.pick(['-', '-', '*'])) {
  const make = lang === 'fr' ? sentenceFr : sentence;
  const lines = [];
  for (let i = 0; i < items; i++) {
    const text = r.chance(0.3) ? `${make(r)} ${make(r)}` : make(r);
    const wrapped = wrap(text, width ? width - 2 : 0);
    lines.push(`${marker} ${wrapped[0]}`, ...wrapped.slice(1).map((l) => `  ${l}`));
    if (r.chance(0.12)) {
      for (let j = r.int(1, 3); j > 0; j--) lines.push(`  ${marker} ${make(r)}`);
    }
  }
  return lines;
}

/**
 * A numbered list.
 * @param {Random} r
 * @param {number} width
 */
export function orderedList(r, width, items = r.int(3, 6)) {
  const lines = [];
  for (let i = 1; i <= items; i++) {
    const wrapped = wrap(sentence(r), width ? width - 3 : 0);
    lines.push(`${i}. ${wrapped[0]}`, ...wrapped.slice(1).map((l) => `   ${l}`));
  }
  return lines;
}

/**
 * A GFM task list.
 * @param {Random} r
 */
export function taskList(r, items = r.int(3, 8)) {
  const lines = [];
  for (let i = 0; i < items; i++) {
    lines.push(`- [${r.chance(0.4) ? 'x' : ' '}] ${cap(r.pick(['migrate', 'document', 'load-test', 'review', 'backfill', 'monitor', 'deprecate']))} ${r.pick(DATA)} in ${component(r)}`);
  }
  return lines;
}

/**
 * A block quote (a note or a quoted requirement).
 * @param {Random} r
 * @param {number} width
 */
export function quote(r, width) {
  const lead = r.pick(['> **Note**', '> [!NOTE]', '> [!WARNING]', '>']);
  const body = wrap(paragraph(r, r.int(1, 3)), width ? width - 2 : 0).map((l) => `> ${l}`);
  return lead === '>' ? body : [lead, ...body];
}

// Column kinds for tables: each gives a cell value for a row.
/** @type {Record<string, (r: Random, i: number) => string>} */
const CELL = {
  endpoint: (r) => `\`${r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'])} /v${r.int(1, 3)}/${plural(r.pick(DOMAINS))}${r.chance(0.5) ? '/{id}' : ''}${r.chance(0.3) ? `/${r.pick(['items', 'events', 'refunds', 'history', 'status'])}` : ''}\``,
  auth: (r) => r.pick(['OAuth2', 'mTLS', 'API key', 'none (public)', 'session cookie', 'JWT']),
  limit: (r) => `${r.int(1, 200) * 10}/min`,
  owner: (r) => r.pick(TEAMS),
  metric: (r) => `\`${r.pick(DOMAINS)}_${r.pick(['requests_total', 'duration_seconds', 'errors_total', 'queue_depth', 'lag_seconds', 'cache_hits_total', 'bytes_written'])}\``,
  mtype: (r) => r.pick(['counter', 'histogram', 'gauge', 'summary']),
  labels: (r) => r.sample(['`tenant`', '`region`', '`status`', '`method`', '`route`', '`consumer`', '`shard`'], r.int(1, 3)).join(', '),
  threshold: (r) => { const [m] = measurement(r); return `> ${m}`; },
  field: (r) => `\`${identifier(r).replace(/[^A-Za-z0-9_]/g, '_')}\``,
  ftype: (r) => r.pick(['`uuid`', '`text`', '`bigint`', '`timestamptz`', '`jsonb`', '`boolean`', '`numeric(12,2)`', '`int`']),
  nullable: (r) => r.pick(['yes', 'no', 'no', 'no']),
  description: (r) => sentence(r).replace(/\|/g, '/'),
  code: (r, i) => `\`${r.pick(['E', 'ERR_', 'PAY-', 'ORD-'])}${1000 + i}\``,
  http: (r) => String(r.pick([400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504])),
  retryable: (r) => r.pick(['yes', 'no', 'no', 'with backoff']),
  risk: (r) => `${cap(r.pick(CONCERNS))} in ${component(r)}`,
  level: (r) => r.pick(['Low', 'Medium', 'High']),
  mitigation: (r) => sentence(r).replace(/\|/g, '/'),
  milestone: (r, i) => `M${i + 1}: ${cap(r.pick(['migrate', 'launch', 'backfill', 'deprecate', 'load-test', 'shadow']))} ${r.pick(DATA)}`,
  date: (r) => isoDate(dayToDate(r.int(2400, 3800))),
  status: (r) => r.pick(['done', 'in progress', 'not started', 'blocked', '✅', '⏳']),
  tech: (r) => r.pick(TECH),
  number: (r) => thousands(r.int(1, 50000)),
  percent: (r) => `${r.int(0, 100)} %`,
  money: (r) => `$${thousands(r.int(1, 400) * 50)}`,
  region: (r) => r.pick(['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-west-2']),
};

/** Table shapes: header labels and the cell kind of each column. */
const TABLE_SHAPES = [
  [['Endpoint', 'Auth', 'Rate limit', 'Owner'], ['endpoint', 'auth', 'limit', 'owner']],
  [['Metric', 'Type', 'Labels', 'Alert when'], ['metric', 'mtype', 'labels', 'threshold']],
  [['Column', 'Type', 'Nullable', 'Description'], ['field', 'ftype', 'nullable', 'description']],
  [['Error code', 'HTTP status', 'Retryable', 'Meaning'], ['code', 'http', 'retryable', 'description']],
  [['Risk', 'Likelihood', 'Impact', 'Mitigation'], ['risk', 'level', 'level', 'mitigation']],
  [['Milestone', 'Owner', 'Target date', 'Status'], ['milestone', 'owner', 'date', 'status']],
  [['Component', 'Technology', 'Region', 'Monthly cost'], ['risk', 'tech', 'region', 'money']],
  [['Service', 'Requests/day', 'Error budget used', 'Owner'], ['risk', 'number', 'percent', 'owner']],
];

/**
 * A GFM table of `rows` rows with a random shape; alignment row varies.
 * @param {Random} r
 */
export function table(r, rows = r.int(3, 10)) {
  const [head, kinds] = r.pick(TABLE_SHAPES);
  const align = kinds.map((k) => (['number', 'percent', 'money', 'http', 'limit'].includes(k) ? '---:' : r.pick(['---', '---', ':---', '-----'])));
  const lines = [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`];
  for (let i = 0; i < rows; i++) {
    lines.push(`| ${kinds.map((k) => CELL[k](r, i)).join(' | ')} |`);
  }
  return lines;
}

/** Code-block bodies per language: a plausible shape of `n` lines. */
/** @type {Record<string, (r: Random, n: number) => string[]>} */
const CODE = {
  ts: (r, n) => {
    const name = cap(r.pick(DOMAINS));
    const out = [`export interface ${name}${r.pick(['Event', 'Request', 'Record', 'Config'])} {`];
    for (let i = 0; i < n - 2; i++) out.push(`  ${identifier(r).replace(/[^A-Za-z0-9_]/g, '_')}${r.chance(0.2) ? '?' : ''}: ${r.pick(['string', 'number', 'boolean', 'Date', 'string[]', `${name}Status`])};`);
    out.push('}');
    return out;
  },
  go: (r, n) => {
    const name = cap(r.pick(DOMAINS));
    const out = [`func (s *${name}Service) Handle(ctx context.Context, req *${name}Request) error {`];
    for (let i = 0; i < n - 2; i++) {
      out.push(r.pick([
        `\tif err := s.store.Save(ctx, req.${cap(r.pick(DOMAINS))}ID); err != nil {\n\t\treturn fmt.Errorf("save: %w", err)\n\t}`,
        `\tctx, cancel := context.WithTimeout(ctx, ${r.int(1, 30)}*time.Second)\n\tdefer cancel()`,
        `\ts.metrics.Inc("${r.pick(DOMAINS)}_handled_total")`,
        `\tlog.Info("handled", "id", req.ID, "tenant", req.Tenant)`,
      ]));
    }
    out.push('\treturn nil', '}');
    return out.join('\n').split('\n');
  },
  yaml: (r, n) => {
    const out = [`${r.pick(DOMAINS)}:`];
    for (let i = 0; i < n - 1; i++) {
      out.push(r.chance(0.3) ? `  ${r.pick(DOMAINS)}:` : `    ${identifier(r).replace(/[^A-Za-z0-9_]/g, '_').toLowerCase()}: ${r.pick([String(r.int(1, 5000)), 'true', 'false', `"${r.pick(TECH)}"`, `${r.int(1, 60)}s`])}`);
    }
    return out;
  },
  json: (r, n) => {
    const out = ['{'];
    for (let i = 0; i < n - 2; i++) out.push(`  "${identifier(r).replace(/[^A-Za-z0-9_]/g, '_')}": ${r.pick([String(r.int(0, 999)), '"pending"', 'true', 'null', `"${isoDate(dayToDate(r.int(2000, 3800)))}"`])}${i < n - 3 ? ',' : ''}`);
    out.push('}');
    return out;
  },
  sql: (r, n) => {
    const t = plural(r.pick(DOMAINS));
    const out = [`CREATE TABLE ${t} (`, '  id uuid PRIMARY KEY,'];
    for (let i = 0; i < n - 4; i++) out.push(`  ${r.pick(DOMAINS)}_${r.pick(['id', 'status', 'amount', 'created_at', 'version', 'payload'])} ${r.pick(['uuid', 'text', 'bigint', 'timestamptz', 'jsonb', 'numeric(12,2)'])}${r.chance(0.5) ? ' NOT NULL' : ''},`);
    out.push('  created_at timestamptz NOT NULL DEFAULT now()', ');');
    return out;
  },
  proto: (r, n) => {
    const out = ['syntax = "proto3";', `message ${cap(r.pick(DOMAINS))}${r.pick(['Created', 'Updated', 'Request'])} {`];
    for (let i = 0; i < n - 3; i++) out.push(`  ${r.pick(['string', 'int64', 'bool', 'google.protobuf.Timestamp', 'repeated string'])} ${r.pick(DOMAINS)}_${r.pick(['id', 'status', 'amount', 'at', 'tags'])} = ${i + 1};`);
    out.push('}');
    return out;
  },
  bash: (r, n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push(r.pick([
        `kubectl -n ${r.pick(DOMAINS)} rollout status deploy/${r.pick(DOMAINS)}-${r.pick(['api', 'worker', 'consumer'])}`,
        `curl -sS -H "Authorization: Bearer $TOKEN" https://api.example.com/v2/${plural(r.pick(DOMAINS))} | jq '.items | length'`,
        `terraform plan -var-file=envs/${r.pick(['staging', 'prod', 'dev'])}.tfvars`,
        `psql "$DATABASE_URL" -c "SELECT count(*) FROM ${plural(r.pick(DOMAINS))} WHERE created_at > now() - interval '1 day'"`,
        `k6 run --vus ${r.int(10, 500)} --duration ${r.int(1, 30)}m load/${r.pick(DOMAINS)}.js`,
      ]));
    }
    return out;
  },
  mermaid: (r, n) => {
    const parts = r.sample(['Client', 'Gateway', 'OrderService', 'PaymentService', 'Queue', 'DB', 'Cache', 'Worker'], 4);
    const out = ['sequenceDiagram'];
    for (let i = 0; i < n - 1; i++) {
      const [a, b] = r.sample(parts, 2);
      out.push(`    ${a}->>${b}: ${r.pick(['request', 'publish event', 'lookup', 'ack', 'retry', 'write', 'read'])}`);
    }
    return out;
  },
  text: (r, n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(`${r.pick(['+--------+', '|  app   |', '   |   ', '   v   ', '[queue] --> [worker] --> [db]', `${r.pick(DOMAINS)}-api  ->  ${r.pick(DOMAINS)}-worker`])}`);
    return out;
  },
};

/**
 * A fenced code block in a random language.
 * @param {Random} r
 */
export function codeBlock(r, n = r.int(5, 30)) {
  const lang = r.weighted([[4, 'ts'], [3, 'go'], [5, 'yaml'], [4, 'json'], [3, 'sql'], [2, 'proto'], [3, 'bash'], [2, 'mermaid'], [2, 'text']]);
  const fence = r.chance(0.05) ? '~~~' : '```';
  const info = lang === 'text' && r.chance(0.5) ? '' : lang;
  return [`${fence}${info}`, ...CODE[lang](r, Math.max(3, n)), fence];
}

/**
 * One revisit trigger line, concrete or vague (domain.md section 6).
 * @param {Random} r
 */
export function revisitTrigger(r, concrete = r.chance(0.6)) {
  if (!concrete) {
    return r.pick(['Revisit later if needed.', 'When we grow.', 'If performance becomes a problem.', 'As appropriate.', 'Once the team has more capacity.']);
  }
  const [m, name] = measurement(r);
  return r.pick([
    `${cap(name)} exceeds ${m} for ${r.int(2, 4)} weeks running.`,
    `Traffic grows beyond ${r.int(3, 20)}x the ${isoDate(dayToDate(r.int(2000, 3500)))} baseline.`,
    `Monthly spend on ${r.pick(TECH)} goes over $${thousands(r.int(2, 80) * 1000)}.`,
    `The team grows past ${r.int(8, 30)} engineers or a second product line starts.`,
    `${r.pick(TECH)} reaches end of life or ships a breaking major version.`,
    `We enter ${r.pick(['PCI-DSS', 'HIPAA', 'SOC 2', 'GDPR'])} scope.`,
    `Review on ${isoDate(dayToDate(r.int(3300, 4200)))} regardless.`,
    `Every ${r.pick([6, 12, 18])} months from the decision date.`,
    `Cache hit rate drops below ${r.int(50, 80)} % for a week.`,
  ]);
}

/**
 * Blocks until `budget` lines are reached (blank lines between blocks count).
 * `rich` enables code, tables, quotes and task lists (design docs);
 * `subheadings` starts a `###` sub-section every 25-45 lines when the budget is large.
 * @param {Random} r
 * @param {number} budget
 * @param {{width: number, lang?: string, rich?: boolean, subheadingDepth?: number, subheadings?: string[]}} opts
 * @returns {string[]}
 */
export function fillSection(r, budget, opts) {
  const { width, lang = 'en', rich = false } = opts;
  const out = [];
  let sinceHeading = 0;
  let nextHeadingAt = r.int(25, 45);
  while (out.length < budget) {
    if (out.length > 0) out.push('');
    if (opts.subheadings && budget > 60 && sinceHeading >= nextHeadingAt && budget - out.length > 15) {
      out.push(`${'#'.repeat(opts.subheadingDepth ?? 3)} ${r.pick(opts.subheadings)}`, '');
      sinceHeading = 0;
      nextHeadingAt = r.int(25, 45);
    }
    const kind = rich
      ? r.weighted([[50, 'p'], [14, 'ul'], [5, 'ol'], [9, 'code'], [7, 'table'], [3, 'quote'], [2, 'task'], [1, 'img'], [1, 'html']])
      : lang === 'fr' ? r.weighted([[80, 'p'], [20, 'ul']]) : r.weighted([[80, 'p'], [16, 'ul'], [4, 'ol']]);
    /** @type {string[]} */
    let block;
    switch (kind) {
      case 'ul': block = bulletList(r, width, r.int(2, 6), lang); break;
      case 'ol': block = orderedList(r, width); break;
      case 'code': block = codeBlock(r, Math.min(r.int(5, 30), Math.max(5, budget - out.length))); break;
      case 'table': block = table(r, Math.min(r.int(3, 12), Math.max(3, budget - out.length))); break;
      case 'quote': block = quote(r, width); break;
      case 'task': block = taskList(r); break;
      case 'img': block = [`![${r.pick(DOMAINS)} ${r.pick(['architecture', 'sequence', 'data flow'])} diagram](./images/${r.pick(DOMAINS)}-${r.int(1, 9)}.png)`]; break;
      case 'html': block = [r.pick(['<!-- TODO: add the capacity numbers from the load test -->', '<details>\n<summary>Raw benchmark output</summary>\n\n```text\nrequests: 120000  p50: 12ms  p99: 180ms\n```\n\n</details>', '<!-- markdownlint-disable-next-line MD013 -->'])].join('\n').split('\n'); break;
      default: block = wrap(paragraph(r, r.int(1, 4), lang), width);
    }
    out.push(...block);
    sinceHeading += block.length + 1;
  }
  return out;
}

/** A metric bank entry, exported for the trade-off matrix. */
export const METRIC_NAMES = METRICS.map((m) => m[0]);

/** An URL, re-exported for generators that only import blocks. */
export { url };
