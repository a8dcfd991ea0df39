// Workflow commands and $GITHUB_OUTPUT: what the runner will parse back.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, plainLine, workflowCommand } from '../../src/action/workflow-commands.js';
import { formatOutputs, outputDelimiter } from '../../src/action/output-files.js';
import { parseOutputFile } from './action-process.js';

describe('workflow commands', () => {
  it('escapes %, CR and LF in messages, and : and , in properties too', () => {
    expect(escapeData('50%\r\nnext: a, b')).toBe('50%25%0D%0Anext: a, b');
    expect(escapeProperty('docs/a: b,c.md')).toBe('docs/a%3A b%2Cc.md');
    expect(workflowCommand('error', 'line 1\n::set-output name=x::y', { title: 'Design review: x' })).toBe(
      '::error title=Design review%3A x::line 1%0A::set-output name=x::y',
    );
    expect(workflowCommand('notice', 'plain')).toBe('::notice::plain');
  });

  it('keeps plain lines from being read as commands', () => {
    expect(plainLine('a\n::error::forged')).toBe('a ::error::forged');
    expect(plainLine('::warning::forged')).toBe(' ::warning::forged');
  });
});

describe('$GITHUB_OUTPUT', () => {
  it('writes values that round-trip through the runner format, even when they contain a delimiter-looking line', () => {
    const hostile = 'line 1\nEOF\nconclusion=success\nghadelimiter_fixed\nlast';
    const outputs = { conclusion: 'failure', summary: hostile, empty: '' };
    expect(parseOutputFile(formatOutputs(outputs))).toEqual(outputs);
  });

  it('draws another delimiter when the value contains the first one', () => {
    const draws = ['fixed', 'fixed', 'other'];
    expect(outputDelimiter('x ghadelimiter_fixed y', () => draws.shift()!)).toBe('ghadelimiter_other');
  });
});
