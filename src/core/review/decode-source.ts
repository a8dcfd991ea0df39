/** Raw bytes of a file turned into text, or the reason it cannot be reviewed. */
export type Decoded = { text: string } | { skipped: string; severity: 'error' | 'warning' };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`;
}

/** Why a file over the size limit is not reviewed, and what to do. */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (review.maxFileBytes): split the document or raise the limit`;
}

/** First byte offset where UTF-8 is invalid (a linear scan), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Decode a document for review. Binary files, invalid UTF-8 and files over
 * the size limit are refused with a reason that says what to do.
 */
export function decodeSource(content: Uint8Array | string, maxBytes: number): Decoded {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  // A deliberate limit, not a broken file: a warning.
  if (size > maxBytes) return { skipped: tooLargeReason(size, maxBytes), severity: 'warning' };
  if (typeof content === 'string') return { text: content.replace(/^\uFEFF/, '') };
  // Git's heuristic: a NUL byte in the first 8000 bytes means binary.
  const nul = content.subarray(0, 8000).indexOf(0);
  if (nul !== -1) return { skipped: `looks binary (NUL byte at offset ${nul}): only markdown text is reviewed`, severity: 'error' };
  try {
    return { text: decoder.decode(content) };
  } catch {
    const at = firstInvalidUtf8(content);
    return {
      skipped: `is not valid UTF-8 (line ${lineAt(content, Math.max(at, 0))}, byte offset ${at}): re-save it as UTF-8`,
      severity: 'error',
    };
  }
}
