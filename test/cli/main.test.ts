import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/check-command.js';

/** An io whose stdout fails: the way to reach the "unexpected error" path in-process. */
function brokenIo(): { io: CommandIo; err: string[] } {
  const err: string[] = [];
  const io = {
    cwd: process.cwd(),
    stdout: { write: () => { throw new Error('boom\nsecond line'); }, isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
  } as unknown as CommandIo;
  return { io, err };
}

describe('main: unexpected errors', () => {
  const saved = process.env.DEBUG;
  afterEach(() => {
    process.exitCode = 0;
    if (saved === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = saved;
  });

  it('prints one short line and exits 2', async () => {
    delete process.env.DEBUG;
    const { io, err } = brokenIo();
    expect(await main(['node', 'design-review', '--version'], io)).toBe(2);
    expect(err).toEqual(['design-review: unexpected error: boom (set DEBUG=design-review for the stack trace)\n']);
  });

  it('prints the stack with DEBUG=design-review', async () => {
    process.env.DEBUG = 'other,design-review';
    const { io, err } = brokenIo();
    expect(await main(['node', 'design-review', '--version'], io)).toBe(2);
    expect(err.join('')).toMatch(/unexpected error: Error: boom[\s\S]*\n\s+at /);
  });
});
