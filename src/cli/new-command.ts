import { mkdir, readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { parseChecklistFiles } from '../core/checklists/load-checklists.js';
import { buildAdrData } from '../core/new-adr/adr-data.js';
import { adrFileName, nextAdrNumber } from '../core/new-adr/next-number.js';
import { compileTemplate, DOCUMENT_TEMPLATES, renderTemplate } from '../core/render/templates.js';
import { readAdrDirs } from '../io/read-adr-dirs.js';
import { readBuiltinChecklistFiles } from '../io/read-checklists.js';
import { loadBuiltinTemplates } from '../io/read-templates.js';
import type { CommandIo } from './check-command.js';
import { EXIT_OK, UsageError } from './cli-error.js';
import { KNOWN_RULES } from '../core/rule-set/preset.js';

/** Flags of `design-review new`. */
export interface NewFlags {
  dir?: string;
  template?: string;
  status?: string;
  /** Decision date (`--date`, else `--today`, else the current UTC date). */
  date: string;
  config?: string;
}

/** How many taken numbers to step over when files appear while we write (a concurrent `new`). */
const MAX_ATTEMPTS = 100;

/**
 * `design-review new "<title>"`:
 * 1. validate the title and status, load the config;
 * 2. pick the ADR folder (--dir, .adr-dir / log4brains, existing config folder, doc/adr);
 * 3. number = highest existing + 1; render the template;
 * 4. create the file exclusively (on a clash take the next number); print its path.
 */
export async function runNew(titleWords: string[], flags: NewFlags, io: CommandIo): Promise<number> {
  const title = titleWords.join(' ').replace(/\s+/g, ' ').trim();
  if (title === '') throw new UsageError('the title is empty; write e.g. design-review new "Use PostgreSQL for orders"');

  const { config, root } = await loadConfig(flags.config ? { cwd: io.cwd, configPath: flags.config, rules: KNOWN_RULES } : { cwd: io.cwd, rules: KNOWN_RULES });
  const status = (flags.status ?? 'proposed').trim().toLowerCase();
  if (!config.statuses.includes(status)) {
    throw new UsageError(`--status "${flags.status}" is not a known status; expected one of ${config.statuses.join(', ')}`);
  }
  const templateName = await prepareTemplate(flags.template ?? config.templates.default, config, root);
  const dir = flags.dir ? resolve(io.cwd, flags.dir) : await defaultAdrDir(root, config);
  await mkdir(dir, { recursive: true });

  const categories = parseChecklistFiles(readBuiltinChecklistFiles()).triggerCategories;
  let number = nextAdrNumber(await existingNumbers(dir));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, number++) {
    let text: string;
    try {
      const data = buildAdrData({ title, number, date: flags.date, status, defaultCalendar: config.revisit.defaultCalendar, categories });
      text = renderTemplate(templateName, data);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message.replace(/^buildAdrData: /, ''));
      throw error;
    }
    const path = join(dir, adrFileName(number, title));
    try {
      await writeFile(path, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    io.stdout.write(`${toPosix(relative(io.cwd, path)) || path}\n`);
    return EXIT_OK;
  }
  throw new Error(`could not find a free ADR number in ${dir} after ${MAX_ATTEMPTS} attempts`);
}

/** Load the named template: a built-in one, or `templates.extra.<name>` from the repository. Returns the name to render. */
async function prepareTemplate(name: string, config: Config, root: string): Promise<string> {
  loadBuiltinTemplates();
  if ((DOCUMENT_TEMPLATES as readonly string[]).includes(name)) return name;
  const file = config.templates.extra[name];
  if (file === undefined) {
    const extra = Object.keys(config.templates.extra);
    throw new UsageError(
      `unknown template "${name}"; expected one of ${[...DOCUMENT_TEMPLATES, ...extra].join(', ')} (add others under templates.extra in the config)`,
    );
  }
  const text = await readRepositoryFile(file, root, `templates.extra.${name}`);
  // A prefix keeps a user template from replacing a built-in template or partial of the same name.
  const compiledName = `user:${name}`;
  compileTemplate(compiledName, text);
  return compiledName;
}

/** Read a file named by the config, refusing paths that leave the repository (`..`, absolute, symlinks). */
async function readRepositoryFile(file: string, root: string, key: string): Promise<string> {
  const rootReal = await realpath(root);
  const abs = resolve(root, file);
  const escapes = (base: string, target: string) => {
    const rel = relative(base, target);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel);
  };
  if (file.includes('\0') || escapes(resolve(root), abs)) {
    throw new ConfigError(`${key}: "${file}" is outside the repository; name a file inside it, e.g. .github/templates/adr.hbs`, file, key);
  }
  try {
    const real = await realpath(abs);
    if (escapes(rootReal, real)) throw new ConfigError(`${key}: "${file}" leads outside the repository`, file, key);
    return await readFile(real, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`${key}: cannot read "${file}" (${code})`, file, key);
  }
}

/** The ADR folder: declared by the repository, else the first configured ADR folder that exists, else `doc/adr` (adr-tools). */
async function defaultAdrDir(root: string, config: Config): Promise<string> {
  const declared = (await readAdrDirs(root))[0];
  if (declared) return resolve(root, declared);
  for (const glob of config.paths.adr) {
    const folder = glob.replace(/\/\*\*(\/\*)?$/, '');
    if (/[*?[\]{}()!]/.test(folder)) continue;
    try {
      if ((await stat(join(root, folder))).isDirectory()) return resolve(root, folder);
    } catch {
      // Not there: try the next configured folder.
    }
  }
  return resolve(root, 'doc/adr');
}

/** Numbers of the ADRs already in a folder (`0007-x.md`, `0007-x/`, `adr-0007-x.md`); date prefixes are not numbers. */
async function existingNumbers(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const numbers: number[] = [];
  for (const name of names) {
    if (/^\d{4}-\d{2}-\d{2}/.test(name)) continue;
    const m = /^(?:adr[-_]?)?(\d{1,5})(?=[-_.]|$)/i.exec(name);
    if (m) numbers.push(Number(m[1]));
  }
  return numbers;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
