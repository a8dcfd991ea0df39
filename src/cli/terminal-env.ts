/**
 * What the CLI's output stream supports: colour (TTY, `NO_COLOR`,
 * `FORCE_COLOR`, `--no-color`) and an in-place progress line (stderr TTY).
 */

/** Whether to colour output written to a stream. `--no-color` and `NO_COLOR` win; `FORCE_COLOR` forces it on. */
export function useColor(flag: boolean, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/** A progress line on a TTY stream, redrawn in place and cleared at the end; a no-op elsewhere. */
export interface Progress {
  update(done: number): void;
  clear(): void;
}

/** Show `reviewed N/M files` on stderr when it is a TTY and the run is large enough to wait for. */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, threshold = 50): Progress {
  if (!stream.isTTY || total <= threshold) return { update: () => {}, clear: () => {} };
  let last = -1;
  let shown = false;
  return {
    update(done) {
      if (done === last) return;
      last = done;
      shown = true;
      stream.write(`\r\u001b[Kreviewed ${done}/${total} files`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
