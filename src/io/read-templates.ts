import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplates, type TemplateSources } from '../core/render/templates.js';
import { findPackageRoot } from './package-root.js';

/** Read `*.hbs` files of a folder, keyed by name without the extension; a missing folder is empty. */
function readHbsFolder(dir: string): Record<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.hbs')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const out: Record<string, string> = {};
  for (const name of names) out[name.slice(0, -'.hbs'.length)] = readFileSync(join(dir, name), 'utf8');
  return out;
}

/** Read the built-in templates (`templates/*.hbs`) and partials (`templates/partials/*.hbs`) from the package root. */
export function readBuiltinTemplates(root: string = findPackageRoot()): TemplateSources {
  const dir = join(root, 'templates');
  return { templates: readHbsFolder(dir), partials: readHbsFolder(join(dir, 'partials')) };
}

let loaded = false;

/** Read and compile the built-in templates once per process, so `renderTemplate('adr', ...)` works. */
export function loadBuiltinTemplates(): void {
  if (loaded) return;
  loadTemplates(readBuiltinTemplates());
  loaded = true;
}
