// Probot's throttling loads ioredis with `npxImport('ioredis@5.9.3', { onlyPackageRunner: true })`
// when REDIS_URL is set. Outside `npx`/`bunx` that is a plain import, which must find the
// installed copy, the very module bullmq uses, and never run a command.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { npxImport } from 'npx-import-light';
import { describe, expect, it } from 'vitest';

describe("Probot's ioredis import", () => {
  it('resolves to the locally installed ioredis 5.9.3 without running npx', async () => {
    const commands: string[] = [];
    const saved = process.env['npm_lifecycle_event'];
    // `npm start` sets it to "start"; only "npx" or "bunx" would make npxImport shell out.
    process.env['npm_lifecycle_event'] = 'start';
    try {
      const viaProbot = (await npxImport('ioredis@5.9.3', {
        onlyPackageRunner: true,
        exec: (command: string) => void commands.push(command),
      })) as typeof import('ioredis');
      const local = await import('ioredis');
      expect(viaProbot.Redis).toBe(local.Redis);
    } finally {
      if (saved === undefined) delete process.env['npm_lifecycle_event'];
      else process.env['npm_lifecycle_event'] = saved;
    }
    expect(commands).toEqual([]);
    const probotTree = createRequire(createRequire(import.meta.url).resolve('probot'));
    const installed = JSON.parse(readFileSync(probotTree.resolve('ioredis/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe('5.9.3');
  });
});
