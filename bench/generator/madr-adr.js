/**
 * MADR records, versions 2 to 4, in English and French. Status is missing in
 * most of them (domain.md section 8); front matter is optional and sometimes
 * only site navigation.
 */

import { bulletList, dayToDate, fillSection, formatDate, isoDate, people, revisitTrigger } from './blocks.js';
import { cap, paragraphLines, sentence, sentenceFr, url, wrap } from './prose.js';
import { PRACTICES, TECH } from './words.js';

/** @typedef {import('./random.js').Random} Random */
/** @typedef {import('./plan.js').PlannedDoc} PlannedDoc */
/** @typedef {import('./plan.js').LinkContext} LinkContext */

const lower = (/** @type {string} */ s) => s[0].toLowerCase() + s.slice(1).replace(/\.$/, '');

/**
 * A status value as MADR front matter or bullets write it.
 * @param {Random} r
 * @param {PlannedDoc} doc
 * @param {LinkContext} ctx
 * @param {'en' | 'fr'} lang
 */
function madrStatus(r, doc, ctx, lang) {
  if (doc.supersededBy) {
    const t = doc.supersededBy;
    return lang === 'fr'
      ? `remplacé par [ADR-${String(t.number).padStart(4, '0')}](${ctx.link(doc, t)})`
      : `superseded by [ADR-${String(t.number).padStart(4, '0')}](${ctx.link(doc, t)})`;
  }
  if (lang === 'fr') return r.pick(['accepté', 'accepté', 'proposé', 'rejeté', 'déprécié']);
  if (doc.leftovers && r.chance(0.4)) return '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}';
  return r.weighted([[50, 'accepted'], [15, 'proposed'], [5, 'rejected'], [5, 'deprecated'], [3, 'Accepted'], [2, 'draft']]);
}

/**
 * Lines of one MADR record (English).
 * @param {Random} r
 * @param {PlannedDoc} doc
 * @param {LinkContext} ctx
 * @returns {string[]}
 */
export function madrAdr(r, doc, ctx) {
  const version = r.weighted([[35, 2], [35, 3], [30, 4]]);
  const width = r.chance(0.3) ? 80 : 0;
  const date = dayToDate(doc.day);
  const hasStatus = doc.supersededBy !== undefined || r.chance(0.3);
  const navOnly = !hasStatus && r.chance(0.18);
  const lines = [];

  if (navOnly) {
    lines.push('---', `parent: ${r.pick(['Decisions', 'Architecture Decisions', 'ADRs'])}`, `nav_order: ${doc.number}`);
    if (r.chance(0.6)) lines.push(`title: "ADR ${doc.number}: ${doc.title}"`);
    lines.push('---', '');
  } else if (version >= 3 && (hasStatus || r.chance(0.35))) {
    lines.push('---');
    if (doc.leftovers) lines.push('# These are optional elements. Feel free to remove any of them.');
    if (hasStatus) lines.push(`status: ${madrStatus(r, doc, ctx, 'en')}`);
    if (r.chance(0.75)) lines.push(`date: ${r.chance(0.9) ? isoDate(date) : '{YYYY-MM-DD when the decision was last updated}'}`);
    const makers = version === 4 ? 'decision-makers' : 'deciders';
    if (r.chance(0.6)) lines.push(`${makers}: ${people(r, 1, 4)}`);
    if (r.chance(0.35)) lines.push(`consulted: ${doc.leftovers ? '{list everyone whose opinions are sought}' : people(r, 1, 3)}`);
    if (r.chance(0.3)) lines.push(`informed: ${people(r, 1, 3)}`);
    lines.push('---', '');
  }

  lines.push(`# ${doc.title}`, '');
  if (version === 2) {
    if (hasStatus) lines.push(`* Status: ${madrStatus(r, doc, ctx, 'en')}`);
    if (r.chance(0.7)) lines.push(`* Deciders: ${people(r, 1, 4)}`);
    if (r.chance(0.6)) lines.push(`* Date: ${formatDate(r, date)}`);
    if (lines[lines.length - 1] !== '') lines.push('');
    if (r.chance(0.3)) lines.push(`Technical Story: ${doc.leftovers ? '[description | ticket/issue URL] <!-- optional -->' : url(r)}`, '');
  }

  const options = r.sample([...TECH.slice(0, 40).map((t) => `Use ${t}`), ...PRACTICES.map(cap)], r.chance(0.08) ? 1 : r.int(2, 4));
  const chosen = options[0];
  const optional = doc.leftovers ? ' <!-- optional -->' : '';
  const fixed = 22 + options.length * 5;
  const free = Math.max(4, doc.lines - lines.length - fixed);

  lines.push('## Context and Problem Statement', '', ...fillSection(r, Math.round(free * 0.4), { width }), '');
  if (r.chance(0.5)) lines.push(`## Decision Drivers${optional}`, '', ...bulletList(r, width, r.int(2, 5), 'en', '*'), '');
  lines.push('## Considered Options', '', ...options.map((o) => `* ${o}`), '');
  lines.push('## Decision Outcome', '', ...wrap(`Chosen option: "${chosen}", because ${lower(sentence(r))}.`, width), '');
  lines.push(...fillSection(r, Math.round(free * 0.2), { width }), '');
  if (version === 2) {
    lines.push(`### Positive Consequences${optional}`, '', ...bulletList(r, width, r.int(1, 3), 'en', '*'), '');
    lines.push(`### Negative Consequences${optional}`, '', ...bulletList(r, width, r.int(1, 3), 'en', '*'), '');
  } else {
    lines.push('### Consequences', '');
    for (let i = r.int(1, 3); i > 0; i--) lines.push(`* Good, because ${lower(sentence(r))}`);
    for (let i = r.int(0, 2); i > 0; i--) lines.push(`* Bad, because ${lower(sentence(r))}`);
    lines.push('');
    if (version === 4 && r.chance(0.4)) lines.push(`### Confirmation${optional}`, '', ...paragraphLines(r, width, 'en', 1, 3), '');
  }
  if (doc.revisit) {
    lines.push(r.chance(0.5) ? '### Revisit' : '### When to revisit', '', ...Array.from({ length: r.int(1, 3) }, () => `* ${revisitTrigger(r)}`), '');
  }
  if (r.chance(0.6)) {
    lines.push(`## Pros and Cons of the Options${optional}`, '');
    for (const o of options) {
      lines.push(`### ${o}`, '');
      if (r.chance(0.4)) lines.push(...paragraphLines(r, width, 'en', 1, 2), '');
      for (let i = r.int(1, 3); i > 0; i--) lines.push(`* Good, because ${lower(sentence(r))}`);
      if (r.chance(0.3)) lines.push(`* Neutral, because ${lower(sentence(r))}`);
      for (let i = r.int(0, 2); i > 0; i--) lines.push(`* Bad, because ${lower(sentence(r))}`);
      lines.push('');
    }
  }
  if (r.chance(0.4)) {
    const other = ctx.randomAdr(r, doc);
    lines.push(version === 2 ? `## Links${optional}` : `## More Information${optional}`, '');
    if (other) lines.push(`* ${r.pick(['Refined by', 'Relates to', 'Depends on'])} [ADR-${String(other.number).padStart(4, '0')}](${ctx.link(doc, other)})`, '');
    lines.push(...fillSection(r, Math.round(free * 0.15), { width }), '');
  }
  return lines;
}

/**
 * Lines of one French MADR record.
 * @param {Random} r
 * @param {PlannedDoc} doc
 * @param {LinkContext} ctx
 * @returns {string[]}
 */
export function madrAdrFr(r, doc, ctx) {
  const width = r.chance(0.3) ? 80 : 0;
  const date = dayToDate(doc.day);
  const lines = [`# ${doc.title}`, ''];
  if (doc.supersededBy || r.chance(0.4)) lines.push(`* Statut : ${madrStatus(r, doc, ctx, 'fr')}`);
  if (r.chance(0.7)) lines.push(`* Décideurs : ${people(r, 1, 3)}`);
  if (r.chance(0.7)) lines.push(`* Date : ${formatDate(r, date, 'fr')}`);
  if (lines[lines.length - 1] !== '') lines.push('');

  const options = r.sample(TECH, r.int(2, 4)).map((t) => `Utiliser ${t}`);
  const free = Math.max(4, doc.lines - 26 - options.length * 5);
  const because = () => lower(sentenceFr(r));

  lines.push('## Contexte et énoncé du problème', '', ...fillSection(r, Math.round(free * 0.45), { width, lang: 'fr' }), '');
  if (r.chance(0.6)) lines.push('## Facteurs de décision', '', ...bulletList(r, width, r.int(2, 4), 'fr', '*'), '');
  lines.push('## Options envisagées', '', ...options.map((o) => `* ${o}`), '');
  lines.push('## Résultat de la décision', '', ...wrap(`Option choisie : « ${options[0]} », parce que ${because()}.`, width), '');
  lines.push(...fillSection(r, Math.round(free * 0.2), { width, lang: 'fr' }), '');
  lines.push('### Conséquences positives', '', `* ${sentenceFr(r)}`, '');
  lines.push('### Conséquences négatives', '', `* ${sentenceFr(r)}`, '');
  if (doc.revisit) lines.push('### Quand réviser cette décision', '', `* Dans ${r.pick([6, 12, 18])} mois, ou si le trafic dépasse ${r.int(3, 20)} fois le niveau actuel.`, '');
  lines.push('## Avantages et inconvénients des options', '');
  for (const o of options) {
    lines.push(`### ${o}`, '');
    for (let i = r.int(1, 2); i > 0; i--) lines.push(`* Bien, parce que ${because()}`);
    for (let i = r.int(1, 2); i > 0; i--) lines.push(`* Mauvais, parce que ${because()}`);
    lines.push('');
  }
  if (r.chance(0.4)) lines.push("## Plus d'informations", '', ...paragraphLines(r, width, 'fr', 1, 3), '');
  return lines;
}
