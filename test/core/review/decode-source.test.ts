import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/core/review/decode-source.js';

const enc = new TextEncoder();

describe('decodeSource', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    expect(decodeSource(enc.encode('\uFEFF# Décision ✓\n'), 1000)).toEqual({ text: '# Décision ✓\n' });
    expect(decodeSource('\uFEFF# x', 1000)).toEqual({ text: '# x' });
  });

  it('refuses binary files with the offset of the NUL byte', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
    const r = decodeSource(bytes, 1000);
    expect(r).toMatchObject({ severity: 'error' });
    expect('skipped' in r && r.skipped).toContain('NUL byte at offset 4');
  });

  it('refuses invalid UTF-8 with the line of the first bad byte', () => {
    const bytes = new Uint8Array([...enc.encode('# ok\nline two\n'), 0xff, 0x41]);
    const r = decodeSource(bytes, 1000);
    expect('skipped' in r && r.skipped).toContain('not valid UTF-8 (line 3, byte offset 14)');
  });

  it('refuses files over the size limit as a warning, measuring bytes not characters', () => {
    const r = decodeSource('é'.repeat(600), 1000);
    expect(r).toMatchObject({ severity: 'warning' });
    expect('skipped' in r && r.skipped).toContain('limit (review.maxFileBytes)');
  });
});
