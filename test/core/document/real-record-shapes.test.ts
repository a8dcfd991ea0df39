/**
 * The readers on the shapes real decision records use (issue 9, section 3):
 * dates, statuses, supersede and amend links, options written as prose,
 * heading synonyms, decision-type negations and placeholders. Each example is
 * written in our own words after a shape met in public ADR logs.
 */
import { describe, expect, it } from 'vitest';
import { parseDateText, twoDigitYearReadings } from '../../../src/core/document/dates.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sectionKeyFor } from '../../../src/core/document/headings.js';
import { isBracePlaceholder } from '../../../src/core/document/placeholders.js';
import { normalizeStatus } from '../../../src/core/document/status.js';
import { builtinChecklists } from '../../helpers/review-options.js';
import { sampleChecklists } from './sample-checklists.js';

const parse = (source: string, path = 'docs/adr/0001-x.md') => parseDecisionDoc(source, path, 'adr', sampleChecklists).doc;

describe('dates in the shapes records use', () => {
  it.each([
    ['2021-04-20', '2021-04-20'],
    ['20 April 2021', '2021-04-20'],
    ['Apr 20, 2021', '2021-04-20'],
    ['17-Apr-2023', '2023-04-17'],
    ['*2018-09-01*', '2018-09-01'],
  ])('reads %j', (text, iso) => {
    expect(parseDateText(text)?.iso).toBe(iso);
  });

  it('reads a two-digit-year date as ambiguous, never as a day', () => {
    expect(parseDateText('Last updated: 27/06/24')).toEqual({ raw: '27/06/24', ambiguous: true, readings: ['2024-06-27', '2027-06-24'] });
    expect(twoDigitYearReadings(27, 6, 24)).toEqual(['2024-06-27', '2027-06-24']);
    expect(twoDigitYearReadings(12, 9, 25)).toEqual(['2025-09-12', '2025-12-09', '2012-09-25']);
  });

  it('does not read versions as two-digit-year dates', () => {
    expect(parseDateText('upgrade to 1.10.12')).toBeNull();
    expect(parseDateText('v1/2/24')).toBeNull();
  });

  it('takes the first dated entry of a change log', () => {
    const doc = parse('# ADR 3: X\n\n## Changelog\n\n- Initial ideas\n- 2023-05-03: Accepted\n- 2022-09-10: First draft\n\n## Status\n\nAccepted\n');
    expect(doc.date).toMatchObject({ iso: '2023-05-03', line: 6 });
  });

  it('reads a change-log entry written as a sub-heading', () => {
    const doc = parse('# ADR 35: X\n\n## Changelog\n\n### November 2nd 2018\n\n- initial write-up\n\n## Context\n\nText.\n');
    expect(doc.date).toMatchObject({ iso: '2018-11-02', line: 5 });
  });

  it('keeps an ambiguous change-log date ambiguous', () => {
    const doc = parse('# ADR 3: X\n\n## Revision history\n\n- 05-08-2018: initial draft\n');
    expect(doc.date).toMatchObject({ raw: '05-08-2018', ambiguous: true, line: 5 });
    expect(doc.date?.iso).toBeUndefined();
  });

  it('prefers a Date field and the file name to the change log', () => {
    expect(parse('# X\n\nDate: 2020-01-02\n\n## History\n\n- 2024-01-01: edit\n').date?.iso).toBe('2020-01-02');
    expect(parse('# X\n\n## History\n\n- 2024-01-01: edit\n', 'docs/adr/20190305-x.md').date?.iso).toBe('2019-03-05');
  });

  it('reads a metadata table row, a date line under the title and front matter created:', () => {
    expect(parse('# X\n\n| Metadata | Value |\n| --- | --- |\n| Date | 2026-03-11 |\n').date?.iso).toBe('2026-03-11');
    expect(parse('# X\n\n*2018-09-01*\n\n## Context\n\nText.\n').date).toMatchObject({ iso: '2018-09-01', line: 3 });
    expect(parse('---\ncreated: 2022-10-04\n---\n# X\n').date?.iso).toBe('2022-10-04');
  });

  it('does not take a date inside prose under the title as the date line', () => {
    expect(parse('# X\n\nOn 2018-09-01 the outage started.\n').date).toBeUndefined();
  });
});

describe('statuses in the words real logs use', () => {
  it.each([
    ['Approved', 'approved'],
    ['Approved.', 'approved'],
    ['Declined', 'declined'],
    ['Proposal', 'proposed'],
    ['Mergé', 'accepted'],
    ['Obsolete', 'deprecated'],
    ['Abandoned', 'withdrawn'],
    ['Replaced by ADR-9', 'superseded'],
    ['Accepted (2021-04-20)', 'accepted'],
    ['Superseded by [ADR-12](0012-x.md)', 'superseded'],
  ])('%s → %s', (raw, word) => {
    expect(normalizeStatus(raw)).toMatchObject({ normalized: word, placeholder: false, known: true });
  });

  it('reads prose under a Status heading as no status word', () => {
    expect(normalizeStatus('The `Status` interface gets a new property that reports the limit').known).toBeUndefined();
  });

  it('prefers a metadata-table status to a Status section that is prose about something else', () => {
    const doc = parse('# X\n\n| Metadata | Value |\n| --- | --- |\n| Status | Approved |\n\n## Status\n\nThe `Status` type gets a field.\n');
    expect(doc.status).toMatchObject({ normalized: 'approved', source: 'field', line: 5 });
  });

  it('keeps a Status section that reads as a status', () => {
    const doc = parse('# X\n\n| Status | Proposed |\n| --- | --- |\n\n## Status\n\nDeclined\n');
    expect(doc.status).toMatchObject({ normalized: 'declined', source: 'section' });
  });
});

describe('supersede and amend links', () => {
  it('reads Amends / Amended by in a bullet and Replaces in front matter', () => {
    const doc = parse('---\nreplaces: 0002-old.md\namended-by: ADR-9\n---\n# X\n\n- Amends: [ADR-4](0004-y.md)\n\nStatus: Accepted, amended by ADR 7\n');
    expect(doc.supersedes).toMatchObject([{ relation: 'supersedes', number: 2 }]);
    expect(doc.amends).toMatchObject([{ relation: 'amends', number: 4, line: 7 }]);
    expect(doc.amendedBy?.map((l) => l.number)).toEqual([9, 7]);
  });

  it('does not read "amends the policy" as a link', () => {
    expect(parse('# X\n\nThis amends the retry policy.\n').amends).toEqual([]);
  });
});

describe('options written as prose', () => {
  it.each([
    'We considered a cron job, a message queue and the batch API.',
    'Two approaches were considered: 1) resize on upload, 2) resize on request.',
    'The other option would be a thread per message.',
    'We see two alternatives here.',
    'Polling was considered but rejected, because it wastes requests.',
    'We could have used the vendor SDK.',
    'We chose SQLite over a folder of JSON files because lookups stay fast.',
    'We picked the hosted service rather than running our own cluster.',
    'Version 8 was preferred over version 11, since most users still run it.',
    'The team went with polling instead of webhooks for now.',
    'Nous avions deux façons de gérer les fuseaux : le serveur ou le client.',
    'Plusieurs solutions ont été envisagées pour le stockage.',
  ])('reads %j', (sentence) => {
    expect(parse(`# X\n\n## Context\n\n${sentence}\n`).optionsInProse).toMatchObject([{ line: 5 }]);
  });

  it.each([
    'Two options are added to the client.',
    'We considered the request.',
    'The second is slower.',
    'We chose to send the logs over the network every hour.',
    'We picked a broker that replicates over TCP.',
    'We chose Kafka over time, as the load grew.',
    'We chose Postgres over 3 years ago.',
    'We chose Kafka because it has served us well over the years.',
  ])('does not read %j', (sentence) => {
    expect(parse(`# X\n\n## Context\n\n${sentence}\n`).optionsInProse).toEqual([]);
  });
});

describe('options under headings of their own', () => {
  const options = (md: string) => parse(md).options.map((o) => o.name);

  it('reads two numbered or lettered option headings anywhere', () => {
    expect(options('# X\n\n## Context\n\nA.\n\n### Solution 1: A nightly job\n\nB.\n\n### Solution 2: A refund call\n\nC.\n')).toEqual([
      'Solution 1: A nightly job',
      'Solution 2: A refund call',
    ]);
    expect(options('# X\n\n## Option A\n\nA.\n\n## Option B - on the server\n\nB.\n')).toEqual(['Option A', 'Option B - on the server']);
  });

  it('reads both sides of a comparison heading', () => {
    expect(options('# X\n\n## Context\n\n### Sync vs. Async\n\nA.\n\n### Channels versus callbacks?\n\nB.\n')).toEqual([
      'Sync',
      'Async',
      'Channels',
      'callbacks',
    ]);
  });

  it('does not read a comparison nested in a section of the design', () => {
    expect(options('# X\n\n## Context\n\nA.\n\n## Stream mirrors\n\nB.\n\n### Filter vs transform\n\nC.\n')).toEqual([]);
  });

  it('does not read one solution heading, or words that only start like an option', () => {
    expect(options('# X\n\n## Context\n\n### Solution: resize on upload\n\nA.\n')).toEqual([]);
    expect(options('# X\n\n## Optional features\n\nA.\n\n## Solutions architecture\n\nB.\n')).toEqual([]);
  });
});

describe('heading synonyms seen in real logs', () => {
  it.each([
    ['Design', 'decision'],
    ['Decisions', 'decision'],
    ['Solution Overview', 'decision'],
    ['Contexte et définition du problème', 'context'],
    ['Background & Context', 'context'],
    ['Impacts positifs', 'positive-consequences'],
    ['Impacts négatifs', 'negative-consequences'],
    ['Appendix A. Alternative proposals', 'options'],
    ['Possible approaches for evidence handling', 'options'],
    ['Implementation options', 'options'],
    ['Considered and rejected: a self-releasing lease', 'options'],
    ['Solutions Étudiées', 'options'],
    ['Solutions étudiées', 'options'],
    ['Alternatives étudiées', 'options'],
    ['Options envisagées', 'options'],
  ])('%s → %s', (heading, key) => {
    expect(sectionKeyFor(heading)).toBe(key);
  });

  it.each(['Client options', 'Configuration option', 'Design details of the cache'])('leaves %j to other keys', (heading) => {
    expect(sectionKeyFor(heading)).not.toBe('options');
  });
});

describe('decision type', () => {
  // The built-in checklist's cues: "lock-in", "public api", "cloud provider", "primary database"…
  const typeOf = (text: string, title = 'Keep the cache keyed by type') =>
    parseDecisionDoc(`# ${title}\n\n## Context\n\n${text}\n`, 'docs/adr/0001-x.md', 'adr', builtinChecklists()).doc.decisionType;

  it.each([
    'There is no risk of lock-in with this library.',
    'This is not a one-way door.',
    'The fix must keep the public API as it is.',
    'Avoids vendor lock-in.',
    'Many cloud providers offer the same service.',
  ])('does not read %j as Type 1', (text) => {
    expect(typeOf(text)).toBeUndefined();
  });

  it('reads a topic in the title or in a sentence that chooses it', () => {
    expect(typeOf('Orders need a home.', 'Choose the primary database')?.value).toBe('type-1');
    expect(typeOf('We are selecting the cloud provider for the new region.')?.value).toBe('type-1');
  });
});

describe('placeholders only for template slots', () => {
  const slot = (text: string, at = text.indexOf('{')) => isBracePlaceholder(text, at, /\{[^{}]*\}/.exec(text.slice(at))![0]);

  it.each(['Date: {date}', 'See {reference link}.', 'Status: {Proposed|Accepted}'])('flags %j', (text) => {
    expect(slot(text)).toBe(true);
  });

  it.each([
    'a {Broker}Publisher per transport',
    'V_{k+1} follows V_k',
    'the key is ${appid}',
    'Run{Fresh,Resume}Path',
    'logs "Waiting for {tableName}" on retry',
    "table_name = '{table}'",
    'set { zone: true } on parse',
    'where {brokerName} is the transport',
  ])('leaves %j alone', (text) => {
    expect(slot(text)).toBe(false);
  });

  it('leaves a slot between two code spans alone', () => {
    const doc = parse("# X\n\n| Engine | Statement |\n| --- | --- |\n| MySQL | `ALTER TABLE `{table}` ADD COLUMN x` |\n");
    expect(doc.placeholders).toEqual([]);
  });

  it('skips tool directives and a TODO that is named, keeps template comments and TODO markers', () => {
    const doc = parse('# X\n\n<!-- markdownlint-disable MD013 -->\n\n<!-- prettier-ignore -->\n\nThis replaces the inline TODO in the helper.\n\n<!-- optional -->\n\nTODO: fill in\n');
    expect(doc.placeholders.map((p) => [p.line, p.value])).toEqual([
      [9, '<!-- optional -->'],
      [11, 'TODO'],
    ]);
  });
});
