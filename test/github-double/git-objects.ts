// A content-addressed store of git blobs, trees and commits with real git SHA-1 ids,
// so shas in responses, trees and webhook payloads agree the way they do on GitHub.
import { createHash } from 'node:crypto';

export interface BlobObject {
  type: 'blob';
  sha: string;
  content: Buffer;
}

export interface TreeEntry {
  name: string;
  type: 'blob' | 'tree';
  sha: string;
}

export interface TreeObject {
  type: 'tree';
  sha: string;
  entries: TreeEntry[];
}

export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface CommitObject {
  type: 'commit';
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
}

export type GitObject = BlobObject | TreeObject | CommitObject;

/** Every git object of the double's world, shared by all repositories (as forks share objects). */
export class ObjectStore {
  private readonly objects = new Map<string, GitObject>();
  private readonly flattened = new Map<string, Map<string, string>>();

  /** The object with this sha, if any. */
  get(sha: string): GitObject | undefined {
    return this.objects.get(sha);
  }

  /** Stores a blob and returns its git sha. */
  putBlob(content: string | Buffer): string {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const sha = hashObject('blob', bytes);
    this.objects.set(sha, { type: 'blob', sha, content: bytes });
    return sha;
  }

  /** Stores the nested trees for a flat `path -> blob sha` map and returns the root tree sha. */
  putTree(files: ReadonlyMap<string, string>): string {
    const root: DirNode = new Map();
    for (const [path, sha] of files) {
      const parts = path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        let child = dir.get(part);
        if (typeof child !== 'object') {
          child = new Map();
          dir.set(part, child);
        }
        dir = child;
      }
      dir.set(parts.at(-1)!, sha);
    }
    return this.storeDir(root);
  }

  private storeDir(dir: DirNode): string {
    const entries: TreeEntry[] = [...dir].map(([name, node]) =>
      typeof node === 'string' ? { name, type: 'blob', sha: node } : { name, type: 'tree', sha: this.storeDir(node) },
    );
    // git orders tree entries as if directory names ended with '/'.
    const key = (e: TreeEntry): string => (e.type === 'tree' ? `${e.name}/` : e.name);
    entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const payload = Buffer.concat(
      entries.flatMap((e) => [Buffer.from(`${e.type === 'tree' ? '40000' : '100644'} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
    );
    const sha = hashObject('tree', payload);
    this.objects.set(sha, { type: 'tree', sha, entries });
    return sha;
  }

  /** Stores a commit of the given files on top of `parents` and returns its sha. */
  putCommit(files: ReadonlyMap<string, string>, parents: string[], message: string, author: GitPerson): string {
    const tree = this.putTree(files);
    const seconds = Math.floor(Date.parse(author.date) / 1000);
    const person = `${author.name} <${author.email}> ${seconds} +0000`;
    const text = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${person}`, `committer ${person}`, '', message, ''].join('\n');
    const sha = hashObject('commit', Buffer.from(text, 'utf8'));
    this.objects.set(sha, { type: 'commit', sha, tree, parents, message, author });
    this.flattened.set(sha, new Map(files));
    return sha;
  }

  /** Stores a commit of an existing tree on top of `parents` (git's commit-tree) and returns its sha. */
  putCommitOfTree(tree: string, parents: string[], message: string, author: GitPerson): string {
    const seconds = Math.floor(Date.parse(author.date) / 1000);
    const person = `${author.name} <${author.email}> ${seconds} +0000`;
    const text = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${person}`, `committer ${person}`, '', message, ''].join('\n');
    const sha = hashObject('commit', Buffer.from(text, 'utf8'));
    this.objects.set(sha, { type: 'commit', sha, tree, parents, message, author });
    return sha;
  }

  /** The `path -> blob sha` map of a commit or tree. */
  files(sha: string): Map<string, string> {
    const known = this.flattened.get(sha);
    if (known) return known;
    const object = this.objects.get(sha);
    const out = new Map<string, string>();
    if (object?.type === 'commit') return this.files(object.tree);
    if (object?.type === 'tree') this.walk(object, '', (path, entry) => entry.type === 'blob' && out.set(path, entry.sha));
    this.flattened.set(sha, out);
    return out;
  }

  /** Visits every entry below a tree, depth first, with its full path. */
  walk(tree: TreeObject, prefix: string, visit: (path: string, entry: TreeEntry) => void): void {
    for (const entry of tree.entries) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      visit(path, entry);
      const child = this.objects.get(entry.sha);
      if (child?.type === 'tree') this.walk(child, path, visit);
    }
  }

  /** The blob or tree at `path` inside a commit or tree ('' is the root tree). */
  lookup(rootSha: string, path: string): BlobObject | TreeObject | undefined {
    let node = this.objects.get(rootSha);
    if (node?.type === 'commit') node = this.objects.get(node.tree);
    for (const part of path.split('/').filter((p) => p !== '')) {
      if (node?.type !== 'tree') return undefined;
      const entry = node.entries.find((e) => e.name === part);
      node = entry ? this.objects.get(entry.sha) : undefined;
    }
    return node?.type === 'commit' ? undefined : node;
  }
}

type DirNode = Map<string, DirNode | string>;

/** The git object id: SHA-1 over "<type> <size>\0<payload>". */
export function hashObject(type: GitObject['type'], payload: Buffer): string {
  return createHash('sha1').update(`${type} ${payload.length}\0`).update(payload).digest('hex');
}
