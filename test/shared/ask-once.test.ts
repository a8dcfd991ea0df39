import { describe, expect, it } from 'vitest';
import { askOnce } from '../../src/shared/ask-once.js';

describe('askOnce', () => {
  it('asks once: callers while the question is pending and after it is answered share the answer', async () => {
    let asked = 0;
    let answer!: (value: string) => void;
    const ask = askOnce(() => {
      asked++;
      return new Promise<string>((resolve) => (answer = resolve));
    });
    const first = ask();
    const second = ask();
    answer('my-app');
    expect(await Promise.all([first, second, ask()])).toEqual(['my-app', 'my-app', 'my-app']);
    expect(asked).toBe(1);
  });

  it('keeps no failure: the caller after a failed question asks again', async () => {
    let asked = 0;
    const ask = askOnce(async () => {
      asked++;
      if (asked === 1) throw new Error('GitHub answered 502');
      return 'github-actions[bot]';
    });
    await expect(ask()).rejects.toThrow('GitHub answered 502');
    expect(await ask()).toBe('github-actions[bot]');
    expect(await ask()).toBe('github-actions[bot]');
    expect(asked).toBe(2);
  });
});
