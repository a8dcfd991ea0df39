/**
 * Minimal ANSI styling for terminal output. Renderers receive a `Style`
 * so they stay pure: the CLI decides whether colour is on (TTY, NO_COLOR).
 */

/** The styles the terminal renderers use. */
export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const colored: Style = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
};

const identity = (text: string) => text;
const plain: Style = { red: identity, yellow: identity, green: identity, dim: identity, bold: identity, underline: identity };

/** The style set for colour on or off. */
export function createStyle(color: boolean): Style {
  return color ? colored : plain;
}

/** Remove ANSI escape sequences (for width computations and tests). */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
