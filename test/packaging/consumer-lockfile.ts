// The lockfile of a repository that depends on the packed tarball, made from this project's own.
//
// Why not `npm install <tarball> --offline`: npm 11 resolves every dependency range from the full
// packument (registry metadata), while `npm ci` fetches only tarballs, so the cache `npm ci`
// filled cannot answer that install offline (ENOTCACHED on the first dependency). A consumer
// lockfile that pins the versions this project is tested with lets `npm ci --offline` install the
// tarball as npm installs a dependency (runtime dependencies only, bin linked, install scripts
// run), from the cache alone.
import { readFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** A lockfile (v3) for a package `name` that depends on `tarballSpec` (`file:…tgz`), pinned to `projectLock`'s versions. */
export function consumerLockfile(projectLockPath: string, name: string, tarballSpec: string): object {
  const lock = JSON.parse(readFileSync(projectLockPath, 'utf8')) as { packages: Record<string, LockEntry> };
  const root = lock.packages['']!;
  const packageName = (root['name'] as string | undefined) ?? 'design-review-bot';
  const packages: Record<string, LockEntry> = {
    '': { name, dependencies: { [packageName]: tarballSpec } },
    [`node_modules/${packageName}`]: {
      version: root.version,
      resolved: tarballSpec,
      license: root['license'],
      dependencies: root.dependencies,
      bin: root['bin'],
      engines: root['engines'],
    },
  };
  // The project's runtime tree, hoisted as npm laid it out; dev-only packages are left out.
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && entry.dev !== true) packages[path] = entry;
  return { name, lockfileVersion: 3, requires: true, packages };
}
