import { readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BUILTIN_CHECKLIST_NAMES,
  ChecklistError,
  MAX_CHECKLIST_CHARS,
  parseChecklistFiles,
  type ChecklistFile,
} from '../core/checklists/load-checklists.js';
import type { Checklists } from '../core/checklists/types.js';
import { findPackageRoot } from './package-root.js';

/**
 * The only place that reads checklist files from disk: the package's built-in
 * `checklists/` folder and the user's extra files, confined to the repository
 * root. Parsing and validation live in the pure core loader.
 */

/** Read the four built-in checklist files synchronously (tests and worker threads). */
export function readBuiltinChecklistFiles(): ChecklistFile[] {
  // The package root is found by walking up to our package.json, so this works
  // from src/io under vitest and from dist/io once built.
  const dir = path.join(findPackageRoot(), 'checklists');
  return BUILTIN_CHECKLIST_NAMES.map((name) => {
    const display = `checklists/${name}.yml`;
    try {
      return { path: display, text: readFileSync(path.join(dir, `${name}.yml`), 'utf8') };
    } catch (error) {
      throw new ChecklistError(display, '', `built-in checklist file cannot be read: ${reason(error)}`);
    }
  });
}

/** Read the built-in checklists plus the user's extra files (relative to `root`) and validate them all. */
export async function readChecklists(extraPaths: readonly string[], root: string): Promise<Checklists> {
  const files = readBuiltinChecklistFiles();
  for (const extra of extraPaths) files.push(await readUserFile(extra, root));
  return parseChecklistFiles(files);
}

// Config files come from the repository under review, so a path must not
// reach outside it, either by `..`, by being absolute, or through a symlink.
async function readUserFile(requested: string, root: string): Promise<ChecklistFile> {
  const rootAbs = path.resolve(root);
  const abs = path.resolve(rootAbs, requested);
  const escapes = (base: string, target: string): boolean => {
    const rel = path.relative(base, target);
    return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  };
  const outside = `path escapes the repository root ${rootAbs}: checklist paths must name a file inside it, e.g. ".github/checklists/security.yml"`;
  if (requested.includes('\0') || escapes(rootAbs, abs)) throw new ChecklistError(requested, '', outside);
  const display = path.relative(rootAbs, abs).split(path.sep).join('/');

  try {
    const real = await realpath(abs);
    if (escapes(await realpath(rootAbs), real)) throw new ChecklistError(display, '', outside);
    const info = await stat(real);
    if (!info.isFile()) throw new ChecklistError(display, '', 'not a file');
    // A character takes at most 4 bytes in UTF-8: this cap stops huge files before
    // reading them without refusing any file the loader would accept.
    if (info.size > MAX_CHECKLIST_CHARS * 4) {
      throw new ChecklistError(display, '', `file is larger than ${MAX_CHECKLIST_CHARS} characters`);
    }
    return { path: display, text: await readFile(real, 'utf8') };
  } catch (error) {
    if (error instanceof ChecklistError) throw error;
    throw new ChecklistError(display, '', `checklist file cannot be read: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
