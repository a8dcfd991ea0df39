import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, type Config, type ConfigInput } from '../../../src/config/schema.js';
import type { DecisionDoc } from '../../../src/core/document/model.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import type { ReminderAdr } from '../../../src/core/reminders/types.js';
import { builtinChecklists } from '../../helpers/review-options.js';

/** The day these tests pin as today. */
export const TODAY = '2026-06-15';

/** A commit sha the ADRs are read at. */
export const COMMIT = '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39';

const FIXTURES = join(import.meta.dirname, '../../fixtures/reminders');

/** A fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Parse markdown as an ADR at a path, with the built-in checklists. */
export function adrDoc(markdown: string, path: string): DecisionDoc {
  return parseDecisionDoc(markdown, path, 'adr', builtinChecklists()).doc;
}

/** A fixture ADR, parsed, at `docs/adr/<name>`. */
export function fixtureAdr(name: string): ReminderAdr {
  return { doc: adrDoc(fixture(name), `docs/adr/${name}`), commit: COMMIT };
}

/** An ADR with the given front matter lines and body sections, at `docs/adr/<file>`. */
export function adr(file: string, parts: { title: string; frontMatter?: string[]; body?: string }): ReminderAdr {
  const fm = parts.frontMatter ? `---\n${parts.frontMatter.join('\n')}\n---\n` : '';
  const md = `${fm}# ${parts.title}\n\n## Context\n\nThe context.\n\n## Decision\n\nWe will do it.\n\n${parts.body ?? ''}\n`;
  return { doc: adrDoc(md, `docs/adr/${file}`), commit: COMMIT };
}

/** The config after defaults, with overrides. */
export function config(input: ConfigInput = {}): Config {
  return configSchema.parse(input);
}
