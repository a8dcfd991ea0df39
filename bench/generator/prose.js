/**
 * Sentence and paragraph generators over the word banks, plus line wrapping.
 * Sentences carry the inline markup real docs use (code spans, emphasis,
 * links) so the parser sees realistic inline content, not plain words.
 */

import {
  ADJECTIVES, COMPONENTS, CONCERNS, DATA, DOMAINS, EN_CONNECTORS, FR_CONCERNS, FR_CONNECTORS,
  FR_OBJECTS, FR_SUBJECTS, FR_VERBS, LINK_HOSTS, METRICS, PRACTICES, TEAMS, TECH, VERBS_3RD,
  VERBS_BASE,
} from './words.js';

/** @typedef {import('./random.js').Random} Random */

/**
 * A component name such as "the order service".
 * @param {Random} r
 */
export function component(r) {
  const det = r.pick(['the', 'the', 'our', 'each', 'the new', 'the existing', 'every']);
  const adj = r.chance(0.2) ? `${r.pick(ADJECTIVES)} ` : '';
  return `${det} ${adj}${r.pick(DOMAINS)} ${r.pick(COMPONENTS)}`;
}

/**
 * English plural of a domain word: identity -> identities.
 * @param {string} word
 */
export function plural(word) {
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : word.endsWith('s') ? `${word}es` : `${word}s`;
}

/**
 * An identifier in one of the usual casings: `orders.v2.created`, `max_connections`.
 * @param {Random} r
 * @returns {string}
 */
export function identifier(r) {
  const a = r.pick(DOMAINS);
  const b = r.pick(['created', 'updated', 'id', 'timeout', 'retries', 'ttl', 'batch_size', 'limit', 'enabled', 'region', 'version', 'status']);
  switch (r.int(0, 4)) {
    case 0: return `${plural(a)}.v${r.int(1, 4)}.${b}`;
    case 1: return `${a}_${b}`;
    case 2: return `${a.toUpperCase()}_${b.toUpperCase()}`;
    case 3: return `${a}${b[0].toUpperCase()}${b.slice(1).replace(/_(\w)/g, (_, /** @type {string} */ c) => c.toUpperCase())}`;
    default: return `/${plural(a)}/{id}/${b.replace(/_/g, '-')}`;
  }
}

/**
 * 12345 -> "12,345" without depending on the ICU build.
 * @param {number} n
 */
export function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number with a unit from the metric bank: [phrase, metric name].
 * @param {Random} r
 * @returns {[string, string]}
 */
export function measurement(r) {
  const [name, unit, min, max] = /** @type {[string, string, number, number]} */ (r.pick(METRICS));
  const value = r.int(min, max);
  const shown = unit === 'USD' ? `$${thousands(value)}/month` : unit === '%' ? `${value} %` : `${thousands(value)} ${unit}`;
  return [shown, name];
}

/**
 * An external or internal URL.
 * @param {Random} r
 */
export function url(r) {
  const host = r.pick(LINK_HOSTS);
  return host.endsWith('-') || host.endsWith('/issues/') || host.endsWith('/pull/')
    ? `${host}${r.int(12, 9800)}`
    : `${host}${r.pick(DOMAINS)}-${r.pick(COMPONENTS).toLowerCase().replace(/\s+/g, '-')}`;
}

/**
 * Occasionally decorate a term with inline markup.
 * @param {Random} r
 * @param {string} term
 */
function decorate(r, term) {
  const x = r.next();
  if (x < 0.06) return `**${term}**`;
  if (x < 0.1) return `*${term}*`;
  if (x < 0.14) return `[${term}](${url(r)})`;
  return term;
}

/** @type {Array<(r: Random) => string>} */
const EN_TEMPLATES = [
  (r) => `${cap(component(r))} currently ${r.pick(VERBS_3RD)} ${r.pick(DATA)} in ${decorate(r, r.pick(TECH))}.`,
  (r) => { const [m, n] = measurement(r); return `We expect ${n} to reach ${m} within ${r.int(2, 24)} months.`; },
  (r) => `This means ${component(r)} would need to ${r.pick(VERBS_BASE)} ${r.pick(DATA)} before ${component(r)} can read them.`,
  (r) => `${cap(r.pick(TEAMS))} raised concerns about ${r.pick(CONCERNS)} and ${r.pick(CONCERNS)}.`,
  (r) => `${decorate(r, r.pick(TECH))} gives us ${r.pick(['better', 'predictable', 'lower', 'simpler'])} ${r.pick(CONCERNS)}, but it adds ${r.pick(CONCERNS)}.`,
  (r) => `The main risk is that ${component(r)} becomes a bottleneck; we mitigate it by ${r.pick(['sharding', 'caching', 'batching', 'rate-limiting', 'replicating'])} ${r.pick(DATA)}.`,
  (r) => `See [${r.pick(['the incident review', 'the RFC', 'this thread', 'the benchmark', 'the spike', 'the vendor docs'])}](${url(r)}) for details.`,
  (r) => `The setting \`${identifier(r)}\` controls how often ${component(r)} ${r.pick(VERBS_3RD)} ${r.pick(DATA)}.`,
  (r) => `${r.pick(EN_CONNECTORS)} ${component(r)} ${r.pick(VERBS_3RD)} ${r.pick(DATA)} ${r.pick(['synchronously', 'in batches', 'once per minute', 'on every request', 'through a queue', 'at night'])}.`,
  (r) => { const [m] = measurement(r); return `During the last peak we measured ${m}, which is ${r.pick(['well within', 'close to', 'above', 'far above'])} our target.`; },
  (r) => `Adopting ${r.pick(PRACTICES)} would let ${r.pick(TEAMS)} ship changes to ${component(r)} without coordinating releases.`,
  (r) => `We considered ${decorate(r, r.pick(TECH))} and ${decorate(r, r.pick(TECH))}, and ruled out ${r.pick(TECH)} because of ${r.pick(CONCERNS)}.`,
  (r) => `Nobody on ${r.pick(TEAMS)} has run ${r.pick(TECH)} in production, so ${r.pick(CONCERNS)} is a real cost.`,
  (r) => `${cap(component(r))} must stay ${r.pick(ADJECTIVES)} so that ${component(r)} can be deployed independently.`,
  (r) => `Requests to \`${identifier(r)}\` time out after ${r.int(1, 30)} seconds and are retried ${r.int(2, 5)} times with exponential backoff.`,
  (r) => `${cap(r.pick(DATA))} are kept for ${r.int(7, 400)} days and then ${r.pick(['archived to S3', 'deleted', 'anonymised', 'moved to cold storage'])}.`,
  (r) => `If ${component(r)} is unavailable, ${component(r)} ${r.pick(['falls back to the cached copy', 'rejects the request', 'queues the work', 'degrades gracefully', 'returns a 503'])}.`,
  (r) => `The ${r.pick(DOMAINS)} flow touches ${r.int(2, 9)} services today, and ${r.int(1, 4)} of them are owned by ${r.pick(TEAMS)}.`,
  (r) => `Moving to ${decorate(r, r.pick(TECH))} is a ${r.pick(['one-way', 'two-way'])} door: ${r.pick(['undoing it means a data migration', 'we can switch back in a sprint', 'the API contract is public', 'only internal callers depend on it'])}.`,
  (r) => `We will keep ${r.pick(['the old path', 'both versions', 'the legacy schema', 'dual writes'])} for ${r.int(2, 6)} ${r.pick(['weeks', 'months', 'releases'])} while clients migrate.`,
  (r) => `This is consistent with ${r.pick(['ADR-0003', 'ADR 12', 'our API guidelines', 'the security baseline', 'the data retention policy', 'the platform roadmap'])}.`,
  (r) => `${cap(r.pick(TEAMS))} estimated ${r.int(2, 30)} engineer-weeks for the migration, most of it in ${r.pick(['testing', 'backfilling data', 'client changes', 'rewriting queries', 'operational runbooks'])}.`,
  (r) => `The current approach does not scale past ${measurement(r)[0]}, and ${r.pick(['support tickets', 'on-call pages', 'customer complaints', 'failed deploys'])} have doubled since ${r.pick(['January', 'the spring', 'the last release', 'Q3'])}.`,
  (r) => `Alerts fire when \`${identifier(r)}\` exceeds ${measurement(r)[0]} for ${r.int(2, 15)} minutes.`,
  (r) => `We prefer ${r.pick(PRACTICES)} over ${r.pick(PRACTICES)} here because ${r.pick(CONCERNS)} matters more than ${r.pick(CONCERNS)} for this workload.`,
];

/** @type {Array<(r: Random) => string>} */
const FR_TEMPLATES = [
  (r) => `${cap(r.pick(FR_SUBJECTS))} ${r.pick(FR_VERBS)} ${r.pick(FR_OBJECTS)} dans ${r.pick(TECH)}.`,
  (r) => `${r.pick(FR_CONNECTORS)} ${r.pick(FR_SUBJECTS)} ${r.pick(FR_VERBS)} ${r.pick(FR_OBJECTS)} ${r.pick(['en lot', 'toutes les minutes', 'de façon synchrone', 'via une file de messages'])}.`,
  (r) => `Nous prévoyons ${r.int(2, 50)} fois plus de trafic d'ici ${r.int(6, 36)} mois.`,
  (r) => `${cap(r.pick(FR_SUBJECTS))} doit rester disponible même si ${r.pick(FR_SUBJECTS)} est en panne.`,
  (r) => `${r.pick(TECH)} améliore ${r.pick(FR_CONCERNS)}, mais augmente ${r.pick(FR_CONCERNS)}.`,
  (r) => `Le principal risque concerne ${r.pick(FR_CONCERNS)} ; nous le réduisons en ${r.pick(['répliquant', 'mettant en cache', 'partitionnant', 'limitant'])} ${r.pick(FR_OBJECTS)}.`,
  (r) => `Voir [${r.pick(['le ticket', 'la discussion', 'le banc d’essai', 'la documentation'])}](${url(r)}) pour plus de détails.`,
  (r) => `Le paramètre \`${identifier(r)}\` fixe le délai d'expiration à ${r.int(1, 30)} secondes.`,
  (r) => `L'équipe a estimé la migration à ${r.int(2, 20)} semaines-personnes.`,
  (r) => `Cette décision est cohérente avec ${r.pick(["l'ADR 3", 'nos règles d’API', 'la politique de conservation des données', 'la feuille de route'])}.`,
];

/**
 * Capitalise the first letter.
 * @param {string} text
 */
export function cap(text) {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/**
 * One English sentence.
 * @param {Random} r
 * @returns {string}
 */
export function sentence(r) {
  return r.pick(EN_TEMPLATES)(r);
}

/**
 * One French sentence.
 * @param {Random} r
 * @returns {string}
 */
export function sentenceFr(r) {
  return r.pick(FR_TEMPLATES)(r);
}

/**
 * A paragraph of n sentences as one string.
 * @param {Random} r
 * @param {number} n
 * @param {string} [lang]
 */
export function paragraph(r, n, lang = 'en') {
  const make = lang === 'fr' ? sentenceFr : sentence;
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(make(r));
  return parts.join(' ');
}

// A wrapped line must not start with something that opens a block (list
// marker, heading, quote, table pipe, setext underline, ordered "1.").
const RISKY_LINE_START = /^(?:[#>+*=|~`-]|\d+[.)](?:\s|$))/;

/**
 * Wrap text at `width` columns (0 = no wrapping: one line per paragraph).
 * Never breaks before a word that would start a new block.
 * @param {string} text
 * @param {number} width
 * @returns {string[]}
 */
export function wrap(text, width) {
  if (!width || text.length <= width) return [text];
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width && !RISKY_LINE_START.test(word)) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A filename slug from a title.
 * @param {string} title
 */
export function slugify(title) {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** @type {Array<(r: Random) => string>} */
const TITLE_TEMPLATES = [
  (r) => `Use ${r.pick(TECH)} for ${r.pick(DATA)}`,
  (r) => `Use ${r.pick(TECH)} as the ${r.pick(DOMAINS)} ${r.pick(COMPONENTS).toLowerCase()}`,
  (r) => `Adopt ${r.pick(PRACTICES)}`,
  (r) => `Replace ${r.pick(TECH)} with ${r.pick(TECH)} in the ${r.pick(DOMAINS)} ${r.pick(COMPONENTS).toLowerCase()}`,
  (r) => `Split the ${r.pick(DOMAINS)} ${r.pick(['service', 'module', 'monolith'])} out of the ${r.pick(DOMAINS)} ${r.pick(['service', 'monolith', 'backend'])}`,
  (r) => `Store ${r.pick(DATA)} in ${r.pick(TECH)}`,
  (r) => `Deprecate the ${r.pick(ADJECTIVES)} ${r.pick(DOMAINS)} ${r.pick(COMPONENTS).toLowerCase()}`,
  (r) => `Introduce ${r.pick(PRACTICES)} for ${r.pick(DATA)}`,
  (r) => `Run the ${r.pick(DOMAINS)} ${r.pick(COMPONENTS).toLowerCase()} on ${r.pick(['Kubernetes', 'ECS', 'Lambda', 'Cloud Run', 'bare metal', 'Nomad'])}`,
  (r) => `Publish ${r.pick(DATA)} as ${r.pick(['domain events', 'CloudEvents', 'webhooks', 'Avro records', 'JSON lines'])}`,
  (r) => `Make the ${r.pick(DOMAINS)} ${r.pick(COMPONENTS).toLowerCase()} ${r.pick(ADJECTIVES)}`,
  (r) => `Version the ${r.pick(DOMAINS)} API with ${r.pick(['URL prefixes', 'media types', 'date-based versions', 'a header'])}`,
];

/**
 * A decision title such as "Use PostgreSQL for order events".
 * @param {Random} r
 * @returns {string}
 */
export function decisionTitle(r) {
  return r.pick(TITLE_TEMPLATES)(r);
}

/**
 * A French decision title.
 * @param {Random} r
 * @returns {string}
 */
export function decisionTitleFr(r) {
  return r.pick([
    () => `Utiliser ${r.pick(TECH)} pour ${r.pick(FR_OBJECTS)}`,
    () => `Adopter ${r.pick(TECH)} pour ${r.pick(FR_SUBJECTS)}`,
    () => `Remplacer ${r.pick(TECH)} par ${r.pick(TECH)}`,
    () => `Séparer ${r.pick(FR_SUBJECTS)} du monolithe`,
    () => `Chiffrer ${r.pick(FR_OBJECTS)} au repos`,
  ])();
}

/**
 * A design-doc title.
 * @param {Random} r
 */
export function designTitle(r) {
  const subject = `${cap(r.pick(DOMAINS))} ${r.pick(['platform', 'pipeline', 'service', 'sync', 'ingestion', 'search', 'storage', 'API v2', 'event bus', 'rate limiter', 'scheduler'])}`;
  return r.pick([
    `${subject}`,
    `${subject} redesign`,
    `Design: ${subject}`,
    `${subject} design document`,
    `Multi-region ${subject.toLowerCase()}`,
    `Migrating ${r.pick(DATA)} to ${r.pick(TECH)}`,
    `${subject}: ${r.pick(['scaling to 10x', 'zero-downtime migration', 'tenant isolation', 'cost reduction', 'latency budget'])}`,
  ]);
}

/**
 * Lines of a wrapped paragraph of a few sentences.
 * @param {Random} r
 * @param {number} width
 */
export function paragraphLines(r, width, lang = 'en', min = 1, max = 5) {
  return wrap(paragraph(r, r.int(min, max), lang), width);
}
