import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { it, expect } from 'vitest';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../src/core/document/parse-markdown.js';
import { plainTextWithLines } from '../../src/core/document/plain-text.js';
import { plainText as oldPlain } from './old-plain-text.js';

it('same text', () => {
  const files = execSync('find / -name "*.md" -not -path "*/node_modules/*" -not -path "/proc/*" 2>/dev/null | head -6000', { encoding: 'utf8', maxBuffer: 1e8 }).split('\n').filter(Boolean);
  let n = 0, bad = 0, badLines = 0;
  for (const f of files) {
    let src: string;
    try { src = readFileSync(f, 'utf8'); } catch { continue; }
    if (src.length > 2e6) continue;
    const tree = parseMarkdown(src);
    const stack: Nodes[] = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      const a = oldPlain(node);
      const b = plainTextWithLines(node);
      n++;
      if (a !== b.text) { bad++; if (bad < 5) console.log('DIFF', f, JSON.stringify(a).slice(0,200), JSON.stringify(b.text).slice(0,200)); }
      if (b.lines.length !== b.text.split('\n').length) { badLines++; if (badLines < 5) console.log('LINES', f); }
      if ('children' in node && node.type === 'root') for (const c of node.children) stack.push(c as Nodes);
    }
  }
  console.log('files', files.length, 'nodes', n, 'bad', bad, 'badLines', badLines);
  expect(bad).toBe(0);
  expect(badLines).toBe(0);
}, 600000);
