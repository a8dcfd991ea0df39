import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../config/load.js';
import { NO_WARNING_LIMIT, parseWarningLimit, WARNING_LIMIT_HINT } from '../config/warning-limit.js';
import { ChecklistError } from '../core/checklists/load-checklists.js';
import { TemplateError } from '../core/render/templates.js';
import { CACHE_FILE_NAME, CACHE_STRATEGIES } from './check-cache.js';
import { CHECK_FORMATS, runCheck, type CheckFormat, type CommandIo } from './check-command.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './cli-error.js';
import { currentUtcDate, parseDateOption } from './clock.js';
import { runBackfill } from './backfill-command.js';
import { runGraph, DEFAULT_MAX_NODES } from './graph-command.js';
import { runNew } from './new-command.js';
import { GRAPH_FORMATS, type GraphFormat } from '../core/output/graph-output.js';
import { REMIND_FORMATS, runRemind, type RemindFormat } from './remind-command.js';
import { runTriggers } from './triggers-command.js';
import { packageVersion } from '../io/package-version.js';

/**
 * The `design-review` command line: a thin adapter that parses arguments,
 * calls the command modules and maps errors to exit codes
 * (0 clean, 1 error findings, 2 usage / config / unexpected errors).
 */

interface CommonFlags {
  config?: string;
  today?: string;
  color: boolean;
}

function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
  const program = new Command('design-review');
  program
    .description('Review Architecture Decision Records and design docs: Well-Architected, trade-off and revisit-trigger checklists.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.startsWith('error: ') ? `design-review: ${text.slice(7)}` : text),
    });

  const todayOption = () => new Option('--today <date>', 'the date to judge due triggers by (YYYY-MM-DD, default: today, UTC)').argParser(parseDateOption);
  const configOption = () => new Option('--config <file>', 'config file (default: .github/design-review.yml at the repository root)');

  program
    .command('check', { isDefault: true })
    .description('review ADRs and design docs (default: the whole repository)')
    .argument('[paths...]', 'files, folders or globs (default: the repository root)')
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .addOption(configOption())
    .addOption(todayOption())
    .option('--no-color', 'do not colour the output')
    .option('--cache', 'reuse the results of unchanged files from the last run (ESLint-style)', false)
    .option('--cache-location <path>', `the cache file, or a folder for it (default: ${CACHE_FILE_NAME} in the working directory)`)
    .addOption(new Option('--cache-strategy <strategy>', 'how a changed file is told: by its content hash').choices(CACHE_STRATEGIES).default('content'))
    .addOption(
      new Option('--max-warnings <count>', 'exit 1 when there are more warnings than this (ESLint-style; -1: no limit)')
        .argParser(parseMaxWarningsOption)
        .default(NO_WARNING_LIMIT),
    )
    .action(async (paths: string[], flags: CommonFlags & { format: CheckFormat; cache: boolean; cacheLocation?: string; maxWarnings: number }) => {
      setExit(
        await runCheck(
          paths,
          {
            format: flags.format,
            config: flags.config,
            today: flags.today ?? currentUtcDate(),
            color: flags.color,
            cache: flags.cache,
            maxWarnings: flags.maxWarnings,
            ...pick(flags, ['cacheLocation']),
          },
          io,
        ),
      );
    });

  program
    .command('new')
    .description('create a new ADR from a template, numbered after the highest existing one')
    .argument('<title...>', 'the decision, e.g. "Use PostgreSQL for orders"')
    .option('--dir <dir>', 'ADR folder (default: .adr-dir, .log4brains.yml, an existing ADR folder, else doc/adr)')
    .option('--template <name>', 'template: adr, trade-off-analysis, design-doc or one of templates.extra (default: templates.default)')
    .option('--status <word>', 'initial status (default: proposed)')
    .addOption(new Option('--date <date>', 'decision date (YYYY-MM-DD, default: --today)').argParser(parseDateOption))
    .addOption(configOption())
    .addOption(todayOption())
    .action(async (words: string[], flags: { dir?: string; template?: string; status?: string; date?: string; config?: string; today?: string }) => {
      const newFlags = { date: flags.date ?? flags.today ?? currentUtcDate(), ...pick(flags, ['dir', 'template', 'status', 'config']) };
      setExit(await runNew(words, newFlags, io));
    });

  program
    .command('triggers')
    .description("list each document's revisit triggers with due dates, due ones first")
    .argument('[paths...]', 'files, folders or globs (default: the repository root)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text'))
    .addOption(configOption())
    .addOption(todayOption())
    .option('--no-color', 'do not colour the output')
    .action(async (paths: string[], flags: CommonFlags & { format: 'text' | 'json' }) => {
      setExit(
        await runTriggers(
          paths,
          { format: flags.format, config: flags.config, today: flags.today ?? currentUtcDate(), color: flags.color },
          io,
        ),
      );
    });

  program
    .command('graph')
    .description('draw the decision log as a Mermaid graph (or its revisit timeline), to read or to commit to the docs')
    .argument('[paths...]', 'files, folders or globs (default: the repository root); named records are drawn with their neighbours')
    .addOption(new Option('--format <format>', 'output format (markdown: a fenced Mermaid block GitHub draws)').choices(GRAPH_FORMATS).default('mermaid'))
    .option('--timeline', 'draw the revisit timeline (a Mermaid gantt) instead of the decision graph', false)
    .option('--expand', 'draw superseded records as nodes of their own instead of folding them into their successor', false)
    .addOption(new Option('--max-nodes <count>', 'draw at most this many records; the rest are counted').argParser(parseMaxNodesOption).default(DEFAULT_MAX_NODES))
    .addOption(configOption())
    .addOption(todayOption())
    .action(async (paths: string[], flags: { format: GraphFormat; timeline: boolean; expand: boolean; maxNodes: number; config?: string; today?: string }) => {
      setExit(
        await runGraph(
          paths,
          { format: flags.format, timeline: flags.timeline, expand: flags.expand, maxNodes: flags.maxNodes, today: flags.today ?? currentUtcDate(), ...pick(flags, ['config']) },
          io,
        ),
      );
    });

  program
    .command('backfill')
    .description('add a drafted Revisit Triggers section to every accepted ADR that says nothing about revisiting it')
    .argument('[paths...]', 'files, folders or globs (default: the repository root)')
    .option('--dry-run', 'print the changes as a unified diff, write nothing', false)
    .addOption(configOption())
    .addOption(todayOption())
    .action(async (paths: string[], flags: { dryRun: boolean; config?: string; today?: string }) => {
      setExit(await runBackfill(paths, { dryRun: flags.dryRun, today: flags.today ?? currentUtcDate(), ...pick(flags, ['config']) }, io));
    });

  program
    .command('remind')
    .description('open revisit reminder issues for ADRs that are due (GITHUB_TOKEN in a scheduled workflow, or APP_ID + PRIVATE_KEY for every installation)')
    .addOption(todayOption())
    .option('--dry-run', 'plan only: print the actions, write nothing', false)
    .option('--repo <owner/name>', 'only this repository (App mode; with GITHUB_TOKEN, instead of GITHUB_REPOSITORY)')
    .option('--state <file>', 'keep the sweep state in this file between runs, so unchanged repositories cost one request')
    .addOption(new Option('--format <format>', 'output format').choices(REMIND_FORMATS).default('text'))
    .action(async (flags: { today?: string; dryRun: boolean; repo?: string; state?: string; format: RemindFormat }) => {
      setExit(
        await runRemind(
          { today: flags.today ?? currentUtcDate(), dryRun: flags.dryRun, format: flags.format, ...pick(flags, ['repo', 'state']) },
          process.env,
          io,
        ),
      );
    });

  return program;
}

/** Commander argument parser for `--max-nodes`: a positive whole number. */
function parseMaxNodesOption(value: string): number {
  if (!/^\d{1,6}$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of 1 or more, e.g. --max-nodes 150.');
  return Number(value);
}

/** Commander argument parser for `--max-warnings`: a bad count is a usage error that says what to pass. */
function parseMaxWarningsOption(value: string): number {
  const limit = parseWarningLimit(value);
  if (limit === undefined) throw new InvalidArgumentError(`expected ${WARNING_LIMIT_HINT}, e.g. --max-warnings 10.`);
  return limit;
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** Run the CLI with `argv` (node, script, args...); sets and returns the exit code. */
export async function main(argv: string[] = process.argv, io: CommandIo = defaultIo()): Promise<number> {
  let code = EXIT_OK;
  try {
    rejectMistypedCommand(argv.slice(2), io.cwd);
    const program = buildProgram(io, (c) => {
      code = c;
    });
    await program.parseAsync(argv);
  } catch (error) {
    code = handleError(error, io);
  }
  process.exitCode = code;
  return code;
}

const COMMANDS = ['check', 'new', 'triggers', 'graph', 'backfill', 'remind', 'help'];

/**
 * `check` is the default command, so `design-review chekc` would otherwise be
 * read as a path: a bare word that is neither a command nor an existing path
 * is a usage error.
 */
function rejectMistypedCommand(args: string[], cwd: string): void {
  const first = args[0];
  if (first === undefined || !/^[a-z][a-z-]*$/.test(first) || COMMANDS.includes(first)) return;
  if (existsSync(resolve(cwd, first))) return;
  throw new UsageError(`unknown command '${first}'; expected one of ${COMMANDS.slice(0, 6).join(', ')} (or a path to check)`);
}

function defaultIo(): CommandIo {
  // `design-review check | head`: a reader that stops early is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
}

/** Map an error to its exit code and print one line (a stack only with DEBUG=design-review). */
function handleError(error: unknown, io: CommandIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version).
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof ChecklistError || error instanceof TemplateError) {
    io.stderr.write(`design-review: ${firstLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/(^|,)\s*(design-review|\*)\s*(,|$)/.test(process.env.DEBUG ?? '')) {
    io.stderr.write(`design-review: unexpected error: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
  } else {
    io.stderr.write(`design-review: unexpected error: ${firstLine(message)} (set DEBUG=design-review for the stack trace)\n`);
  }
  return EXIT_USAGE;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
