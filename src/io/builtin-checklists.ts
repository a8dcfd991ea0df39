import { parseChecklistFiles, type ChecklistFile } from '../core/checklists/load-checklists.js';
import type { Checklists } from '../core/checklists/types.js';
import { readBuiltinChecklistFiles } from './read-checklists.js';

/**
 * The built-in checklists, read and validated once per process: every
 * review of a repository without its own checklist files shares them.
 */

let files: ChecklistFile[] | undefined;
let parsed: Checklists | undefined;

/** The built-in checklist files (read once). */
export function builtinChecklistFiles(): ChecklistFile[] {
  files ??= readBuiltinChecklistFiles();
  return files;
}

/** The built-in checklists, validated (parsed once). */
export function builtinChecklists(): Checklists {
  parsed ??= parseChecklistFiles(builtinChecklistFiles());
  return parsed;
}
