import { describe, expect, it } from 'vitest';
import { REDELIVERY_LOOK_MS } from '../../src/commands/adr-command.js';
import { DEFAULT_COMMAND_CONCURRENCY, readCommandSettings } from '../../src/commands/command-settings.js';

describe('readCommandSettings', () => {
  it('defaults to 2 commands at once and the built-in redelivery look', () => {
    expect(readCommandSettings({})).toEqual({ concurrency: DEFAULT_COMMAND_CONCURRENCY, redeliveryLookMs: REDELIVERY_LOOK_MS });
    expect(DEFAULT_COMMAND_CONCURRENCY).toBe(2);
  });

  it('reads COMMAND_CONCURRENCY and ADR_REDELIVERY_LOOK_MS', () => {
    expect(readCommandSettings({ COMMAND_CONCURRENCY: '6', ADR_REDELIVERY_LOOK_MS: '250' })).toEqual({ concurrency: 6, redeliveryLookMs: 250 });
  });

  it('keeps the default for a value that is not a positive whole number, so a typo never means zero', () => {
    for (const bad of ['0', '-3', '2.5', 'four', '']) {
      expect(readCommandSettings({ COMMAND_CONCURRENCY: bad, ADR_REDELIVERY_LOOK_MS: bad })).toEqual({ concurrency: 2, redeliveryLookMs: REDELIVERY_LOOK_MS });
    }
  });
});
