// The core pool on real worker threads (the built dist/workers/core-tasks.js): budgets that start
// when a thread begins a task, a stopped thread replaced, a thread out of heap, a shared budget.
import { afterAll, describe, expect, it } from 'vitest';
import type { FoundCommand } from '../../src/core/commands/parse-command.js';
import { CorePool } from '../../src/workers/core-pool.js';
import { readPoolSettings } from '../../src/workers/pool-settings.js';
import { testCorePool } from '../helpers/core-pool.js';

/** `- x`, lazy lines, then a command: micromark reads the list in quadratic time (seconds for 16k lines). Under GitHub's 65,536 characters up to 32k lines. */
const LAZY = (lines: number) => `- x\n${'y\n'.repeat(lines)}\n/adr help\n`;

const pools = [testCorePool({ threads: 1 }), testCorePool({ threads: 1, maxHeapMb: 32 })];
const [pool, small] = pools as [ReturnType<typeof testCorePool>, ReturnType<typeof testCorePool>];

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('CorePool', () => {
  it('runs a task on a worker thread and returns its value', async () => {
    const outcome = await pool.run<FoundCommand | null>('findCommandTask', { text: 'Agreed.\n/adr new Use PostgreSQL' }, () => 10_000);
    expect(outcome).toMatchObject({ ok: true, value: { line: 2, command: { kind: 'new', title: 'Use PostgreSQL' } } });
  });

  it('stops a task over its budget, says so, and serves the next task on a fresh thread', async () => {
    const outcome = await pool.run('findCommandTask', { text: LAZY(30_000) }, () => 300);
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout', message: 'stopped after 300 ms' });
    expect(outcome.ms).toBeGreaterThanOrEqual(300);
    const next = await pool.run<FoundCommand | null>('findCommandTask', { text: '/adr check' }, () => 10_000);
    expect(next).toMatchObject({ ok: true, value: { command: { kind: 'check' } } });
  });

  it('runs nothing when the budget is already spent', async () => {
    expect(await pool.run('findCommandTask', { text: '/adr help' }, () => 0)).toMatchObject({ ok: false, reason: 'budget-spent', ms: 0 });
  });

  // At once: a thread that loads slowly (its own pool), the one thread of `pool` busy past a
  // waiting task's budget, and `small` out of heap; each its own pool, and the first mostly waits.
  it.concurrent('does not spend the budget while a fresh thread loads the core', async ({ expect }) => {
    // A thread that takes 4 s to load, and a task with a 2 s budget: it runs.
    const slow = new CorePool({ ...readPoolSettings({}), threads: 1 }, new URL('./slow-start-worker.mjs', import.meta.url));
    try {
      const started = performance.now();
      const outcome = await slow.run<FoundCommand | null>('findCommandTask', { text: '/adr help' }, () => 2_000);
      expect(performance.now() - started).toBeGreaterThanOrEqual(4_000);
      expect(outcome).toMatchObject({ ok: true, value: { command: { kind: 'help' } } });
    } finally {
      await slow.close();
    }
  });

  it.concurrent('keeps tasks waiting for a thread from spending their budget', async ({ expect }) => {
    // One thread: the second task waits while the first runs past the second's whole budget.
    const first = pool.run('findCommandTask', { text: LAZY(20_000) }, () => 2_500);
    const second = pool.run<FoundCommand | null>('findCommandTask', { text: '/adr help' }, () => 2_000);
    expect(await first).toMatchObject({ ok: false, reason: 'timeout' });
    expect(await second).toMatchObject({ ok: true, value: { command: { kind: 'help' } } });
  });

  it.concurrent('loses only the thread when a task runs out of heap', async ({ expect }) => {
    // 200k list items: far more than a 32 MB heap holds.
    const outcome = await small.run('readIssueTextTask', { body: `## Options\n\n${'- [a](b) *c*\n'.repeat(200_000)}` }, () => 120_000);
    expect(outcome).toMatchObject({ ok: false, reason: 'out-of-memory' });
    expect(await small.run<FoundCommand | null>('findCommandTask', { text: '/adr help' }, () => 10_000)).toMatchObject({ ok: true });
  });
});
