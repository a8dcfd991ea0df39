import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The name in the package.json that marks this package's root. */
export const PACKAGE_NAME = 'design-review-bot';

let cached: string | undefined;

/**
 * The folder of this package's package.json, found by walking up from this
 * module: the same code runs from `src/` (tests, tsx) and from `dist/` (the
 * published CLI), and templates/ and checklists/ sit at the root in both cases.
 */
export function findPackageRoot(from: string = import.meta.url): string {
  if (from === import.meta.url && cached) return cached;
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === PACKAGE_NAME) {
        if (from === import.meta.url) cached = dir;
        return dir;
      }
    } catch {
      // No (readable) package.json here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} package root above ${from}`);
    dir = parent;
  }
}

/**
 * The URL of a built module under dist/ (`workers/core-tasks.js`): worker threads load it by
 * file. Not relative to the caller, because the entry points are bundles whose shared code
 * sits in dist/chunks/, and because the TypeScript sources (tests) have no .js beside them.
 */
export function builtModuleUrl(pathInDist: string): URL {
  return pathToFileURL(join(findPackageRoot(), 'dist', pathInDist));
}
