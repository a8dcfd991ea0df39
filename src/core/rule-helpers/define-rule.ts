import { lintRule } from 'unified-lint-rule';
import type { Plugin } from 'unified';
import type { Root } from 'mdast';
import type { z } from 'zod';
import type { Config } from '../../config/schema.js';
import type { Checklists } from '../checklists/types.js';
import type { DecisionDoc, DocKind, IndexEntry } from '../document/model.js';
import type { DocCoverage } from '../coverage-model.js';
import type { AdrNumberClaims } from '../review-model.js';

/** What every check reads: the parsed document and the review's inputs. */
export interface RuleContext {
  doc: DecisionDoc;
  config: Config;
  checklists: Checklists;
  /** Today's date (ISO `YYYY-MM-DD`), injected so tests pin time. */
  today: string;
  /** Every other decision document known in the repository (cross-document checks). */
  index: IndexEntry[];
  coverage: DocCoverage;
  /** What the change adds and what other open pull requests add (the App); absent in the CLI. */
  numbering?: ChangeNumbering;
  /**
   * Paths of the documents this review reads (repository rules only; absent in document rules). The other
   * entries of `index` are the repository's records known by their index alone: not reviewed, so they
   * carry no finding, and a finding that concerns them both is said on the reviewed one.
   */
  reviewed?: ReadonlySet<string>;
}

/** The numbering context of a pull request: the reviewed paths it adds, and other open pull requests' ADR numbers. */
export interface ChangeNumbering {
  added: ReadonlySet<string>;
  claims: AdrNumberClaims;
}

/** Where a finding points; `line` is 1-based. */
export interface ReportPlace {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** The values a message template's `{{name}}` placeholders take. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * Report one finding: the id of one of the rule's messages (meta.messages) with the values of
 * its placeholders, where it points, and an optional mechanical fix.
 */
export type Report = (messageId: string, data?: MessageData, place?: ReportPlace, suggestion?: string) => void;

/** The metadata of a check (ESLint-style `meta`). */
export interface RuleMeta {
  /** Stable id, equal to the module's file name (`adr-status`). */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Longer help: why it matters and what to write (SARIF `help`, docs). */
  help: string;
  appliesTo: DocKind[];
  defaultSeverity: 'off' | 'warn' | 'error';
  /**
   * `document` rules run on each document as it is parsed (in parallel);
   * `repository` rules run after all documents are parsed, on the index.
   */
  scope: 'document' | 'repository';
  /**
   * Every message the rule can report, by id (ESLint's `meta.messages`): one sentence saying what
   * is wrong and what to do, with `{{name}}` for the values of the case. Findings carry the id, so
   * tests and tools tell messages apart by id rather than by their wording.
   */
  messages: Readonly<Record<string, string>>;
  /**
   * The options the rule takes (`rules: { id: [severity, options] }`): a zod schema whose
   * fields have their defaults; absent when the rule takes none (the config then refuses any).
   * The config checks them once (validateConfig); the rule receives them parsed.
   */
  options?: z.ZodType;
}

/** A check: metadata plus the unified-lint-rule plugin that runs it. */
export interface ReviewRule {
  meta: RuleMeta;
  plugin: Plugin<[unknown?], Root>;
}

declare module 'vfile' {
  interface DataMap {
    ruleContext: RuleContext;
  }
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The id of the rule message (RuleMeta.messages) this message was written from. */
    messageId?: string | undefined;
  }
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The text of message `messageId` of the rule with `data` in its placeholders; an unknown id or a missing value is a bug in the rule. */
export function formatMessage(meta: Pick<RuleMeta, 'id' | 'messages'>, messageId: string, data: MessageData = {}): string {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id}: no message "${messageId}" in meta.messages`);
  // trimEnd: a placeholder that ends a message may be empty (a checklist item without advice).
  return template
    .replace(PLACEHOLDER, (_, name: string) => {
      const value = data[name];
      if (value === undefined) throw new Error(`${meta.id}: message "${messageId}" needs a value for {{${name}}}`);
      return String(value);
    })
    .trimEnd();
}

/** Link to one rule's documentation: its heading in the README's "Rules" section. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/design-review-bot/design-review-bot#${id}`;
}

/**
 * Define a check as a remark-lint rule, so `<!-- lint disable <id> -->`
 * and severities work through unified's message control.
 */
export function defineRule<Options = undefined>(
  meta: RuleMeta & { options?: z.ZodType<Options> },
  check: (ctx: RuleContext, report: Report, source: string, options: Options) => void,
): ReviewRule {
  const optionsOf = meta.options === undefined ? () => undefined as Options : ruleOptionsReader(meta.id, meta.options);
  const plugin = lintRule<Root, unknown>(
    { origin: `design-review:${meta.id}`, url: ruleDocsUrl(meta.id) },
    (_tree, file) => {
      const ctx = file.data.ruleContext;
      if (!ctx || !meta.appliesTo.includes(ctx.doc.kind)) return;
      // The raw text lets a check point at the exact line of a phrase it finds.
      const source = typeof file.value === 'string' ? file.value : file.value ? new TextDecoder().decode(file.value) : '';
      check(ctx, (messageId, data, place, suggestion) => {
        const msg = file.message(formatMessage(meta, messageId, data), {
          place: place
            ? {
                start: { line: place.line, column: place.column ?? 1 },
                end: { line: place.endLine ?? place.line, column: place.endColumn ?? place.column ?? 1 },
              }
            : { line: 1, column: 1 },
        });
        msg.messageId = messageId;
        if (suggestion !== undefined) msg.expected = [suggestion];
      }, source, optionsOf(ctx.config));
    },
  );
  return { meta, plugin: plugin as unknown as Plugin<[unknown?], Root> };
}

/**
 * The rule's options in a config: `[severity, options]` as validateConfig left them (checked,
 * defaults filled in), else the schema's defaults. Read once per config object.
 */
function ruleOptionsReader<Options>(id: string, schema: z.ZodType<Options>): (config: Config) => Options {
  const cache = new WeakMap<Config, Options>();
  return (config) => {
    let options = cache.get(config);
    if (options === undefined) {
      const setting = config.rules[id];
      options = schema.parse(Array.isArray(setting) ? setting[1] : {});
      cache.set(config, options);
    }
    return options;
  };
}
