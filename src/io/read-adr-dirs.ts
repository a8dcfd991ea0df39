import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { adrDirsFromFiles } from '../core/document/classify.js';

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Read the ADR folders a repository declares (`.adr-dir`, `.log4brains.yml`) at its root. */
export async function readAdrDirs(root: string): Promise<string[]> {
  const [adrDir, log4brains] = await Promise.all([
    readOptional(join(root, '.adr-dir')),
    readOptional(join(root, '.log4brains.yml')),
  ]);
  return adrDirsFromFiles({ adrDir, log4brains });
}
